package org.kinbridge.roster.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.kinbridge.family.LinkOutcome;
import org.kinbridge.family.LinkRules;
import org.kinbridge.family.ParentChildLink;

/**
 * Every third-party package of {@code ../shared/oneroster-corpus} gives exactly the links and counts its
 * {@code _meta} folder expects, read as a folder and again as a zip wrapped in a sub-folder.
 */
class OneRosterCorpusTest {

    private static final Pattern COUNT = Pattern.compile("\"([a-z_]+)\"\\s*:\\s*(\\d+)");

    @TempDir
    Path zips;

    @TestFactory
    Stream<DynamicTest> everyCorpusPackageGivesItsExpectedLinks() throws IOException {
        Path corpus = corpus();
        assertTrue(Files.isDirectory(corpus), "No OneRoster corpus at " + corpus.toAbsolutePath());
        List<Path> packages;
        try (Stream<Path> folders = Files.list(corpus)) {
            packages = folders.filter(f -> Files.isDirectory(f.resolve("_meta"))).sorted().toList();
        }
        assertFalse(packages.isEmpty(), "The corpus holds no packages");
        return packages.stream().flatMap(folder -> Stream.of(
                DynamicTest.dynamicTest(folder.getFileName() + " (folder)", () -> assertExpected(folder, folder)),
                DynamicTest.dynamicTest(folder.getFileName() + " (zip)", () -> assertExpected(folder,
                        TestZips.zipFolder(folder, "export/", zips)))));
    }

    private static void assertExpected(Path folder, Path packagePath) throws IOException {
        List<ImportIssue> issues = new ArrayList<>();
        LinkOutcome outcome;
        try (RosterPackage rosterPackage = RosterPackage.open(packagePath)) {
            outcome = LinkRules.apply(FamilyTiesReader.read(rosterPackage, issues::add));
        }
        assertEquals(expectedLinks(folder.resolve("_meta/expected_links.csv")), new TreeSet<>(asText(outcome.links())),
                "links of " + folder.getFileName());
        Map<String, Integer> expected = expectedCounts(folder.resolve("_meta/expected_counts.json"));
        Set<String> keys = new HashSet<>(expected.keySet());
        keys.addAll(outcome.counts().keySet());
        Map<String, Integer> actual = new TreeMap<>();
        Map<String, Integer> wanted = new TreeMap<>();
        for (String key : keys) {
            actual.put(key, outcome.count(key));
            wanted.put(key, expected.getOrDefault(key, 0));
        }
        assertEquals(wanted, actual, "counts of " + folder.getFileName());
        assertEquals(List.of(), issues, "row issues in " + folder.getFileName());
    }

    private static Path corpus() {
        String configured = System.getProperty("kinbridge.corpus");
        return Path.of(configured == null || configured.isBlank() ? "../shared/oneroster-corpus" : configured);
    }

    private static Set<String> expectedLinks(Path file) throws IOException {
        Set<String> links = new TreeSet<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            if (!line.isBlank()) {
                links.add(line.trim());
            }
        }
        return links;
    }

    private static List<String> asText(Set<ParentChildLink> links) {
        return links.stream().map(l -> l.studentSourcedId() + "," + l.guardianSourcedId() + ","
                + l.guardianRole().rosterName()).toList();
    }

    private static Map<String, Integer> expectedCounts(Path file) throws IOException {
        Map<String, Integer> counts = new TreeMap<>();
        Matcher matcher = COUNT.matcher(Files.readString(file, StandardCharsets.UTF_8));
        while (matcher.find()) {
            counts.put(matcher.group(1), Integer.parseInt(matcher.group(2)));
        }
        return counts;
    }
}
