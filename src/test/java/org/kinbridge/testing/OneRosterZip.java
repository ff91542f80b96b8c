package org.kinbridge.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Builds OneRoster zip packages for tests: from a sample or corpus folder, or from CSV text. */
public final class OneRosterZip {

    private final Map<String, byte[]> files = new LinkedHashMap<>();

    public static Path corpus(String name) {
        return Path.of(System.getProperty("kinbridge.corpus", "../shared/oneroster-corpus")).resolve(name);
    }

    public static Path sample(String name) {
        return Path.of("oneroster-samples").resolve(name);
    }

    /** The package's CSVs from a folder, leaving out our expectations and the corpus's metadata. */
    public static OneRosterZip fromFolder(Path folder) {
        OneRosterZip zip = new OneRosterZip();
        try (Stream<Path> entries = Files.list(folder)) {
            for (Path file : entries.sorted(Comparator.naturalOrder()).toList()) {
                String name = file.getFileName().toString();
                if (Files.isRegularFile(file) && name.endsWith(".csv") && !name.startsWith("expected")) {
                    zip.files.put(name, Files.readAllBytes(file));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return zip;
    }

    public static OneRosterZip of(String name, String csv) {
        return new OneRosterZip().with(name, csv);
    }

    public OneRosterZip with(String name, String csv) {
        files.put(name, csv.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return this;
    }

    public OneRosterZip without(String name) {
        files.remove(name);
        return this;
    }

    public byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Rows of an expectation CSV (header dropped), each as its comma-separated text. */
    public static List<String> expectedRows(Path csv) {
        try {
            return Files.readAllLines(csv).stream().skip(1).map(String::trim).filter(l -> !l.isEmpty()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
