package org.kinbridge.roster.csv;

import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * manifest.csv ({@code propertyName,value}): the OneRoster version and, per file, absent, bulk or
 * delta. SDS packages have none, which reads as "every file present is bulk".
 *
 * @param present          whether the package had a manifest.csv
 * @param onerosterVersion {@code 1.0}, {@code 1.1} or {@code 1.2}, if the manifest says
 * @param fileModes        by lower-case file name without {@code .csv}, such as {@code users}
 * @param sourceSystemName the exporting system, if named
 */
public record Manifest(boolean present, Optional<String> onerosterVersion, Map<String, FileMode> fileModes,
                       Optional<String> sourceSystemName) {

    public static final String FILE_NAME = "manifest.csv";
    private static final Set<String> KNOWN_VERSIONS = Set.of("1.0", "1.1", "1.2");
    private static final String FILE_PREFIX = "file.";

    public Manifest {
        fileModes = Map.copyOf(fileModes);
    }

    /** The manifest of a package without one. */
    public static Manifest none() {
        return new Manifest(false, Optional.empty(), Map.of(), Optional.empty());
    }

    /**
     * The mode the manifest gives a file ({@code users} or {@code users.csv}, any case); a file it does
     * not mention, or leaves blank, is bulk.
     */
    public FileMode modeOf(String fileName) {
        return fileModes.getOrDefault(baseName(fileName), FileMode.BULK);
    }

    /** The package's manifest, checked, or {@link #none()} for a package without one (SDS). */
    static Manifest of(RosterPackage opened) {
        return opened.has(FILE_NAME) ? read(opened.open(FILE_NAME)) : none();
    }

    /** Reads a manifest; refuses an unknown OneRoster version or file mode, ignores unknown properties. */
    static Manifest read(InputStream in) {
        Map<String, String> properties = new HashMap<>();
        CsvTable.stream(FILE_NAME, in, List.of("propertyName", "value"), row -> properties.putIfAbsent(
                row.value("propertyName").toLowerCase(Locale.ROOT), row.value("value")));
        Optional<String> version = Optional.ofNullable(properties.get("oneroster.version")).filter(v -> !v.isEmpty());
        if (version.isPresent() && !KNOWN_VERSIONS.contains(version.get())) {
            throw new BrokenPackageException("manifest.csv gives oneroster.version '" + version.get()
                    + "'; Kinbridge reads OneRoster 1.0, 1.1 and 1.2.");
        }
        Map<String, FileMode> modes = new HashMap<>();
        properties.forEach((name, value) -> {
            if (name.startsWith(FILE_PREFIX)) {
                modes.put(name.substring(FILE_PREFIX.length()), FileMode.fromManifestValue(value).orElseThrow(
                        () -> new BrokenPackageException("manifest.csv gives " + name + " = '" + value
                                + "'; expected absent, bulk or delta.")));
            }
        });
        return new Manifest(true, version, modes,
                Optional.ofNullable(properties.get("source.systemname")).filter(v -> !v.isEmpty()));
    }

    private static String baseName(String fileName) {
        String name = fileName.trim().toLowerCase(Locale.ROOT);
        return name.endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
    }
}
