package org.kinbridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The dependency rules of ../shared/architecture.json, checked on the sources: a forbidden import
 * (or fully qualified use) of another feature's package fails the build.
 */
class ArchitectureTest {

    private static final Path SOURCES = Path.of("src/main/java/org/kinbridge");
    private static final Pattern REFERENCE = Pattern.compile("org\\.kinbridge\\.([a-z]+)\\.");

    /** Feature → features it must never use, from architecture.json's "never" list. */
    private static final Map<String, List<String>> NEVER = Map.of(
            "lti", List.of("roster", "family", "access", "web", "crosslink", "mail"),
            "family", List.of("access", "web", "crosslink", "roster"),
            "roster", List.of("web", "access", "crosslink"),
            "audit", List.of("web", "school", "lti", "roster", "family", "access", "crosslink", "mail"),
            "mail", List.of("access", "family", "web", "roster", "crosslink", "lti", "audit"),
            "school", List.of("web", "lti", "roster", "family", "access", "crosslink"),
            "shared", List.of("web", "school", "lti", "roster", "family", "access", "crosslink", "mail", "audit"));

    @Test
    void noFeatureUsesWhatItMustNot() {
        List<String> violations = new ArrayList<>();
        NEVER.forEach((feature, forbidden) -> javaFiles(SOURCES.resolve(feature)).forEach(file -> {
            Matcher uses = REFERENCE.matcher(read(file));
            while (uses.find()) {
                if (forbidden.contains(uses.group(1))) {
                    violations.add(SOURCES.relativize(file) + " uses " + uses.group(1));
                }
            }
        }));
        assertEquals(List.of(), violations.stream().distinct().toList());
    }

    @Test
    void everyFeaturePackageSaysWhatItOwns() {
        try (Stream<Path> packages = Files.walk(SOURCES)) {
            List<Path> missing = packages.filter(Files::isDirectory)
                    .filter(dir -> javaFiles(dir).stream().anyMatch(f -> f.getParent().equals(dir)))
                    .filter(dir -> !Files.exists(dir.resolve("package-info.java")))
                    .toList();
            assertTrue(missing.isEmpty(), "packages without package-info.java: " + missing);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> javaFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(".java")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            // Comments may name other features; only code counts.
            return Files.readString(file).replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\\n]*", "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
