package org.kinbridge.shared;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;

/** What every CSV Kinbridge reads needs before parsing: no byte order mark, and a test for empty rows. */
public final class CsvInput {

    private CsvInput() {
    }

    /** Skips a UTF-8 byte order mark, which Excel and many SIS exports put first. */
    public static InputStream withoutBom(InputStream in) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
        buffered.mark(3);
        byte[] head = buffered.readNBytes(3);
        if (head.length < 3 || (head[0] & 0xFF) != 0xEF || (head[1] & 0xFF) != 0xBB || (head[2] & 0xFF) != 0xBF) {
            buffered.reset();
        }
        return buffered;
    }

    public static boolean isBlank(String[] cells) {
        for (String cell : cells) {
            if (cell != null && !cell.isBlank()) {
                return false;
            }
        }
        return true;
    }
}
