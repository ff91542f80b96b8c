package org.kinbridge.roster;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.kinbridge.roster.csv.RosterPackage;

/**
 * Uploaded packages on disk under {@code KINBRIDGE_DATA_DIR/imports}, kept so a failed or held
 * import can be run again. Clustered nodes share the directory (a shared volume).
 */
@ApplicationScoped
public class ImportStorage {

    @Inject
    @ConfigProperty(name = "kinbridge.data.dir", defaultValue = "data")
    private String dataDir;

    @Inject
    @ConfigProperty(name = "kinbridge.import.max-bytes", defaultValue = "536870912")
    private long maxBytes;

    /** Copies the upload to a temporary file, refusing it once it passes the size limit. */
    public Path receive(InputStream upload) {
        try {
            Path directory = Files.createDirectories(root());
            Path file = Files.createTempFile(directory, "upload-", ".zip");
            try (OutputStream out = Files.newOutputStream(file)) {
                byte[] buffer = new byte[64 * 1024];
                long total = 0;
                for (int read; (read = upload.read(buffer)) != -1; ) {
                    total += read;
                    if (total > maxBytes) {
                        out.close();
                        Files.deleteIfExists(file);
                        throw new PackageTooLargeException(maxBytes);
                    }
                    out.write(buffer, 0, read);
                }
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store the upload", e);
        }
    }

    /** Files a checked upload under its import id, with the sizes checking it measured. */
    public void keep(Path received, String importId, Map<String, Long> measuredSizes) {
        try {
            Properties sizes = new Properties();
            measuredSizes.forEach((path, size) -> sizes.setProperty(path, Long.toString(size)));
            try (OutputStream out = Files.newOutputStream(sizesOf(importId))) {
                sizes.store(out, null);
            }
            Files.move(received, pathOf(importId), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store the upload", e);
        }
    }

    /** A kept package under a new import id (a rerun). */
    public void copy(String importId, String newImportId) {
        try {
            if (Files.isRegularFile(sizesOf(importId))) {
                Files.copy(sizesOf(importId), sizesOf(newImportId));
            }
            Files.copy(pathOf(importId), pathOf(newImportId));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not copy the stored package", e);
        }
    }

    public boolean has(String importId) {
        return Files.isRegularFile(pathOf(importId));
    }

    /**
     * Opens a kept package. It was checked when it arrived and has not changed on our disk since, so
     * its files are capped at the sizes measured then instead of being inflated all over again.
     */
    public RosterPackage open(String importId) {
        Path sizesFile = sizesOf(importId);
        if (!Files.isRegularFile(sizesFile)) {
            return RosterPackage.open(pathOf(importId)); // kept before sizes were: measure again
        }
        Properties sizes = new Properties();
        try (InputStream in = Files.newInputStream(sizesFile)) {
            sizes.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the stored package's sizes", e);
        }
        Map<String, Long> measured = new HashMap<>();
        sizes.stringPropertyNames().forEach(path -> measured.put(path, Long.parseLong(sizes.getProperty(path))));
        return RosterPackage.reopen(pathOf(importId), measured);
    }

    private Path pathOf(String importId) {
        return root().resolve(importId + ".zip");
    }

    private Path sizesOf(String importId) {
        return root().resolve(importId + ".sizes");
    }

    public void discard(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a stray temporary file is harmless
        }
    }

    private Path root() {
        return Path.of(dataDir, "imports").toAbsolutePath();
    }
}
