package org.kinbridge.roster.csv;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * An opened OneRoster (or SDS) CSV package: a zip upload or an unpacked folder. Opening checks the whole
 * package (limits, manifest, users.csv) so a broken one is refused before anything is imported; the
 * {@code read...} methods then stream one file's rows.
 */
public interface RosterPackage extends AutoCloseable {

    /** Opens a zip file, or a folder of CSV files. */
    static RosterPackage open(Path path, PackageLimits limits) {
        return Files.isDirectory(path) ? UnzippedPackage.open(path, limits) : ZippedPackage.open(path, limits);
    }

    static RosterPackage open(Path path) {
        return open(path, PackageLimits.defaults());
    }

    /** Reopens a zip that {@link #open} checked, unchanged since, with the sizes it measured then. */
    static RosterPackage reopen(Path zip, Map<String, Long> measuredSizes) {
        return ZippedPackage.withSizes(zip, measuredSizes);
    }

    /** What opening measured of each file, by path: empty unless the package is a zip. */
    default Map<String, Long> measuredSizes() {
        return Map.of();
    }

    Manifest manifest();

    /** Whether the package holds this file ({@code users.csv}; any case). */
    boolean has(String fileName);

    /**
     * The file's bytes, to be closed by the caller; a zipped file is cut off (with a {@link
     * BrokenPackageException}) if it inflates beyond what opening measured.
     *
     * @throws IllegalArgumentException if the package has no such file
     */
    InputStream open(String fileName);

    @Override
    void close();

    /** How to take a file: absent if missing from the package or marked so, else the manifest's word. */
    default FileMode modeOf(String fileName) {
        return has(fileName) ? manifest().modeOf(fileName) : FileMode.ABSENT;
    }

    default void readUsers(Consumer<UserRow> users, Consumer<ImportIssue> issues) {
        read(UserRow.FILE_NAME, UserRow.REQUIRED_COLUMNS, UserRow::from, users, issues);
    }

    default void readRoles(Consumer<RoleRow> roles, Consumer<ImportIssue> issues) {
        read(RoleRow.FILE_NAME, RoleRow.REQUIRED_COLUMNS, RoleRow::from, roles, issues);
    }

    default void readRelationships(Consumer<RelationshipRow> relationships, Consumer<ImportIssue> issues) {
        read(RelationshipRow.FILE_NAME, RelationshipRow.REQUIRED_COLUMNS, RelationshipRow::from, relationships,
                issues);
    }

    default void readOrgs(Consumer<OrgRow> orgs, Consumer<ImportIssue> issues) {
        read(OrgRow.FILE_NAME, OrgRow.REQUIRED_COLUMNS, OrgRow::from, orgs, issues);
    }

    /** Streams a file's rows as typed records; a missing file reads as no rows. */
    private <T> void read(String fileName, List<String> requiredColumns,
                          BiFunction<CsvRow, Consumer<ImportIssue>, Optional<T>> mapping,
                          Consumer<T> rows, Consumer<ImportIssue> issues) {
        if (has(fileName)) {
            CsvTable.stream(fileName, open(fileName), requiredColumns,
                    row -> mapping.apply(row, issues).ifPresent(rows));
        }
    }
}
