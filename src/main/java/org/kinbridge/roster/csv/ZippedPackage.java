package org.kinbridge.roster.csv;

import org.kinbridge.shared.LimitedInputStream;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * A package uploaded as a zip. Opening inflates every entry once, counting the bytes that really come
 * out (headers can lie), and refuses the zip past the {@link PackageLimits}; files are then read through
 * {@link ZipFile}, each capped at the size measured for it.
 */
final class ZippedPackage implements RosterPackage {

    private static final int LOCAL_HEADER_SIGNATURE = 0x04034b50;
    private static final int EMPTY_ZIP_SIGNATURE = 0x06054b50;

    private final ZipFile zip;
    private final Map<String, Long> measuredSizes;
    private final PackageLayout layout;
    private final Manifest manifest;

    private ZippedPackage(ZipFile zip, Map<String, Long> measuredSizes) {
        this.zip = zip;
        this.measuredSizes = measuredSizes;
        this.layout = PackageLayout.of(measuredSizes.keySet());
        this.manifest = Manifest.of(this);
    }

    static ZippedPackage open(Path file, PackageLimits limits) {
        requireZipSignature(file);
        return withSizes(file, ZipMeasurement.measure(file, limits));
    }

    /** Opens a zip measured before, unchanged since (kept on our own disk): inflating it all again would add nothing. */
    static ZippedPackage withSizes(Path file, Map<String, Long> sizes) {
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8);
        } catch (ZipException | IllegalArgumentException e) {
            throw new BrokenPackageException("The upload is not a readable zip file.");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            return new ZippedPackage(zip, sizes);
        } catch (RuntimeException e) {
            closeQuietly(zip, e);
            throw e;
        }
    }

    @Override
    public Map<String, Long> measuredSizes() {
        return Map.copyOf(measuredSizes);
    }

    @Override
    public Manifest manifest() {
        return manifest;
    }

    @Override
    public boolean has(String fileName) {
        return layout.pathOf(fileName).isPresent();
    }

    @Override
    public InputStream open(String fileName) {
        String path = layout.requirePath(fileName);
        ZipEntry entry = zip.getEntry(path);
        if (entry == null) {
            throw new BrokenPackageException("The zip's directory does not list " + path
                    + " although its entries hold it; the archive is inconsistent.");
        }
        try {
            // The central directory could point elsewhere than the entries measured at open: cap at what was measured.
            return new LimitedInputStream(zip.getInputStream(entry), measuredSizes.get(path), () -> new BrokenPackageException(
                    fileName + " inflates to more than the zip showed when it was checked; the archive is inconsistent."));
        } catch (ZipException e) {
            throw new BrokenPackageException(fileName + " cannot be unpacked from the zip.");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            zip.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A zip starts with a local file header (or, empty, with the end-of-directory record). */
    private static void requireZipSignature(Path file) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            byte[] head = in.readNBytes(4);
            int signature = head.length < 4 ? 0
                    : (head[0] & 0xFF) | (head[1] & 0xFF) << 8 | (head[2] & 0xFF) << 16 | (head[3] & 0xFF) << 24;
            if (signature != LOCAL_HEADER_SIGNATURE && signature != EMPTY_ZIP_SIGNATURE) {
                throw new BrokenPackageException("The upload is not a zip file.");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void closeQuietly(ZipFile zip, RuntimeException cause) {
        try {
            zip.close();
        } catch (IOException e) {
            cause.addSuppressed(e);
        }
    }
}
