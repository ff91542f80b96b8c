package org.kinbridge.roster.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** A package already unpacked into a folder (the test corpus, or a mounted drop folder). */
final class UnzippedPackage implements RosterPackage {

    /** The root and the one folder an archiving tool may have wrapped the files in. */
    private static final int MAX_DEPTH = 2;

    private final Path root;
    private final PackageLayout layout;
    private final Manifest manifest;

    private UnzippedPackage(Path root, PackageLayout layout) {
        this.root = root;
        this.layout = layout;
        this.manifest = Manifest.of(this);
    }

    static UnzippedPackage open(Path folder, PackageLimits limits) {
        List<String> paths;
        try (Stream<Path> files = Files.walk(folder, MAX_DEPTH)) {
            paths = files.filter(Files::isRegularFile)
                    .map(file -> folder.relativize(file).toString().replace(folder.getFileSystem().getSeparator(), "/"))
                    .limit(limits.maxEntries() + 1L)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (paths.size() > limits.maxEntries()) {
            throw new BrokenPackageException("The folder holds more than " + limits.maxEntries() + " files.");
        }
        return new UnzippedPackage(folder, PackageLayout.of(paths));
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
        try {
            return Files.newInputStream(root.resolve(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        // Nothing held open between reads.
    }
}
