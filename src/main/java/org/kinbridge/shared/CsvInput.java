package org.kinbridge.shared;

import com.univocity.parsers.csv.CsvParserSettings;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * What every CSV Kinbridge reads needs: one set of parser settings, no byte order mark, and a test for
 * empty rows.
 */
public final class CsvInput {

    private CsvInput() {
    }

    /**
     * Settings for real exports: any line ending, cells trimmed, blank lines skipped, '#' not a comment (ids may
     * start with it), and parse errors that never echo the file's content (pupils' data) into logs.
     */
    public static CsvParserSettings parserSettings(int maxCellChars, int maxColumns) {
        CsvParserSettings settings = new CsvParserSettings();
        settings.getFormat().setDelimiter(',');
        settings.getFormat().setQuote('"');
        settings.getFormat().setQuoteEscape('"');
        settings.getFormat().setComment('\0');
        settings.setLineSeparatorDetectionEnabled(true);
        settings.setHeaderExtractionEnabled(false);
        settings.setIgnoreLeadingWhitespaces(true);
        settings.setIgnoreTrailingWhitespaces(true);
        settings.setNullValue("");
        settings.setEmptyValue("");
        settings.setSkipEmptyLines(true);
        settings.setMaxCharsPerColumn(maxCellChars);
        settings.setMaxColumns(maxColumns);
        settings.setReadInputOnSeparateThread(false);
        settings.setErrorContentLength(0);
        return settings;
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
