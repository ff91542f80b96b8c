package org.kinbridge.roster.csv;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where a package's CSV files are: the folder holding users.csv (the root, or the one folder an
 * archiving tool wrapped them in), names matched case-insensitively. macOS's {@code __MACOSX} shadow
 * folder and hidden files are ignored.
 */
final class PackageLayout {

    private final String folder;
    private final Map<String, String> filesByName;

    private PackageLayout(String folder, Map<String, String> filesByName) {
        this.folder = folder;
        this.filesByName = Map.copyOf(filesByName);
    }

    /** Lays out a package from its entries' paths, '/'-separated and relative to its root. */
    static PackageLayout of(Collection<String> paths) {
        List<String> csvFiles = paths.stream().map(PackageLayout::normalised).filter(PackageLayout::isCsv).toList();
        List<String> usersFiles = csvFiles.stream().filter(p -> nameOf(p).equals(UserRow.FILE_NAME)).toList();
        if (usersFiles.isEmpty()) {
            throw new BrokenPackageException("The package has no users.csv.");
        }
        String folder = folderOf(usersFiles.get(0));
        Map<String, String> files = new HashMap<>();
        for (String path : csvFiles) {
            if (folderOf(path).equals(folder) && files.putIfAbsent(nameOf(path), path) != null) {
                throw new BrokenPackageException("The package holds " + nameOf(path) + " twice"
                        + (folder.isEmpty() ? "" : " in folder " + folder) + ".");
            }
        }
        if (usersFiles.size() > 1) {
            throw new BrokenPackageException("The package holds users.csv in several folders; it should hold "
                    + "one set of CSV files.");
        }
        return new PackageLayout(folder, files);
    }

    /** The path in the package of a file such as {@code users.csv}, in any case. */
    Optional<String> pathOf(String fileName) {
        return Optional.ofNullable(filesByName.get(fileName.trim().toLowerCase(Locale.ROOT)));
    }

    /** The path of a file the caller knows is there (it asked {@link #pathOf} or the manifest first). */
    String requirePath(String fileName) {
        return pathOf(fileName).orElseThrow(() -> new IllegalArgumentException("The package has no " + fileName));
    }

    String folder() {
        return folder;
    }

    static String normalised(String path) {
        String p = path.replace('\\', '/');
        while (p.startsWith("/") || p.startsWith("./")) {
            p = p.substring(p.startsWith("/") ? 1 : 2);
        }
        return p;
    }

    private static boolean isCsv(String path) {
        if (path.endsWith("/")) {
            return false;
        }
        for (String segment : path.split("/")) {
            if (segment.equalsIgnoreCase("__MACOSX") || segment.startsWith(".")) {
                return false; // macOS resource forks (__MACOSX/, ._users.csv), .DS_Store and the like
            }
        }
        return nameOf(path).endsWith(".csv");
    }

    private static String nameOf(String path) {
        return path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    }

    private static String folderOf(String path) {
        return path.substring(0, path.lastIndexOf('/') + 1);
    }
}
