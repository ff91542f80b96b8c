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
import org.eclipse.microprofile.config.inject.ConfigProperty;

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

    /** Files a received upload under its import id. */
    public void keep(Path received, String importId) {
        try {
            Files.move(received, pathOf(importId), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store the upload", e);
        }
    }

    public Path pathOf(String importId) {
        return root().resolve(importId + ".zip");
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
