package org.kinbridge.shared;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Supplier;

/**
 * Gives at most a set number of bytes, then throws the refusal its owner chose: uploads and zip
 * entries are cut off while being read, not after they have filled memory or disk.
 */
public final class LimitedInputStream extends FilterInputStream {

    private final Supplier<? extends RuntimeException> refusal;
    private long remaining;

    public LimitedInputStream(InputStream in, long maxBytes, Supplier<? extends RuntimeException> refusal) {
        super(in);
        this.remaining = maxBytes;
        this.refusal = refusal;
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
            throw refusal.get();
        }
    }
}
