package org.kinbridge.roster.csv;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Refuses to give more bytes than an entry was measured at when the package was opened: the zip's
 * central directory could point somewhere else than the entries that were checked.
 */
final class CappedInputStream extends FilterInputStream {

    private final String fileName;
    private long remaining;

    CappedInputStream(InputStream in, String fileName, long maxBytes) {
        super(in);
        this.fileName = fileName;
        this.remaining = maxBytes;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            spend(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            spend(n);
        }
        return n;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void spend(long bytes) {
        remaining -= bytes;
        if (remaining < 0) {
            throw new BrokenPackageException(fileName + " inflates to more than the zip showed when it was "
                    + "checked; the archive is inconsistent.");
        }
    }
}
