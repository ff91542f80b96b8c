package org.kinbridge.roster.csv;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Builds small zip packages in a test's temporary folder; nothing is added to the repository. */
final class TestZips {

    private final Map<String, byte[]> entries = new LinkedHashMap<>();

    static TestZips with(String path, String content) {
        return new TestZips().and(path, content);
    }

    static TestZips with(String path, byte[] content) {
        return new TestZips().and(path, content);
    }

    TestZips and(String path, String content) {
        entries.put(path, content.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    TestZips and(String path, byte[] content) {
        entries.put(path, content);
        return this;
    }

    Path writeTo(Path folder) {
        Path zip = folder.resolve("package-" + System.nanoTime() + ".zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(entry.getKey()));
                out.write(entry.getValue());
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return zip;
    }

    /** Zips every file of a folder (one level deep) under {@code prefix}. */
    static Path zipFolder(Path folder, String prefix, Path into) {
        Path zip = into.resolve(folder.getFileName() + ".zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip));
             Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new ZipEntry(prefix + file.getFileName()));
                try (var in = Files.newInputStream(file)) {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return zip;
    }

    /** A zip entry of {@code bytes} zeros: inflates about a thousand times over. */
    static byte[] zeros(int bytes) {
        return new byte[bytes];
    }

    static void writeRaw(Path file, String content) {
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
