package org.kinbridge.roster.csv;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * One streaming pass over a zip that inflates every entry and counts what comes out against what went
 * in, stopping the moment a limit is passed, so a zip bomb costs at most the limits to discover.
 */
final class ZipMeasurement {

    private final PackageLimits limits;
    private final CountingInputStream compressed;
    private final byte[] buffer = new byte[1 << 16];
    private long totalBytes;

    private ZipMeasurement(PackageLimits limits, CountingInputStream compressed) {
        this.limits = limits;
        this.compressed = compressed;
    }

    /** The true uncompressed size of every entry, by its '/'-separated path. */
    static Map<String, Long> measure(Path file, PackageLimits limits) {
        try (CountingInputStream compressed = new CountingInputStream(
                new BufferedInputStream(Files.newInputStream(file), 1 << 16));
             ZipInputStream entries = new ZipInputStream(compressed, StandardCharsets.UTF_8)) {
            return new ZipMeasurement(limits, compressed).measureAll(entries);
        } catch (ZipException | EOFException | IllegalArgumentException e) {
            // IllegalArgumentException: an entry name that is not valid UTF-8
            throw new BrokenPackageException("The zip file is damaged and cannot be unpacked.");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, Long> measureAll(ZipInputStream entries) throws IOException {
        Map<String, Long> sizes = new HashMap<>();
        int count = 0;
        for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
            if (++count > limits.maxEntries()) {
                throw new BrokenPackageException("The zip holds more than " + limits.maxEntries()
                        + " entries; a OneRoster package holds a few dozen files at most.");
            }
            long size = measureEntry(entry.getName(), entries);
            if (!entry.isDirectory() && sizes.put(PackageLayout.normalised(entry.getName()), size) != null) {
                throw new BrokenPackageException("The zip holds " + entry.getName() + " twice.");
            }
        }
        if (count == 0) {
            throw new BrokenPackageException("The zip file is empty.");
        }
        return sizes;
    }

    private long measureEntry(String name, InputStream entry) throws IOException {
        long start = compressed.count();
        long size = 0;
        for (int n = entry.read(buffer); n > 0; n = entry.read(buffer)) {
            size += n;
            totalBytes += n;
            if (size > limits.maxEntryBytes()) {
                throw new BrokenPackageException(name + " unpacks to more than " + limits.maxEntryBytes()
                        + " bytes, the most one file may hold.");
            }
            if (totalBytes > limits.maxTotalBytes()) {
                throw new BrokenPackageException("The zip unpacks to more than " + limits.maxTotalBytes()
                        + " bytes, the most a package may hold.");
            }
            long consumed = Math.max(1, compressed.count() - start);
            if (size > PackageLimits.RATIO_GRACE_BYTES && size / consumed > limits.maxCompressionRatio()) {
                throw new BrokenPackageException(name + " inflates more than " + limits.maxCompressionRatio()
                        + " times over, as zip bombs do; it is not unpacked further.");
            }
        }
        return size;
    }
}
