package org.kinbridge.family.synckey;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Refuses an upload once it has given more than its limit, before the rest is even read. */
final class SizeCappedInputStream extends FilterInputStream {

    private final long maxBytes;
    private long remaining;

    SizeCappedInputStream(InputStream in, long maxBytes) {
        super(in);
        this.maxBytes = maxBytes;
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
            throw BrokenParentFileException.tooLarge(maxBytes);
        }
    }
}
