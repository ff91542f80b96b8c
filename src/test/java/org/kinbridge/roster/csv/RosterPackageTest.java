package org.kinbridge.roster.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Opening zips and folders: where the files are, the manifest, and every way a package is refused. */
class RosterPackageTest {

    private static final String USERS = "sourcedId,role,agentSourcedIds\ns1,student,p1\np1,parent,\n";
    private static final PackageLimits SMALL = new PackageLimits(10, 1000, 1500, 100);

    @TempDir
    Path temp;

    private List<String> userIds(RosterPackage rosterPackage) {
        List<String> ids = new ArrayList<>();
        rosterPackage.readUsers(user -> ids.add(user.sourcedId()), issue -> { });
        return ids;
    }

    private BrokenPackageException refused(Path path, PackageLimits limits) {
        BrokenPackageException e = assertThrows(BrokenPackageException.class, () -> RosterPackage.open(path, limits));
        assertEquals("broken_package", e.error());
        return e;
    }

    private BrokenPackageException refused(TestZips zip) {
        return refused(zip.writeTo(temp), PackageLimits.defaults());
    }

    @Test
    void aZipWithFilesAtItsRootIsRead() {
        try (RosterPackage p = RosterPackage.open(TestZips.with("users.csv", USERS).writeTo(temp))) {
            assertEquals(List.of("s1", "p1"), userIds(p));
            assertFalse(p.manifest().present());
        }
    }

    @Test
    void filesMaySitInOneSubFolderAndMacResourceForksAreIgnored() {
        Path zip = TestZips.with("__MACOSX/export/._users.csv", new byte[] {0, 5, 22, 7})
                .and("export/", "")
                .and("export/.DS_Store", "junk")
                .and("export/users.csv", USERS)
                .writeTo(temp);
        try (RosterPackage p = RosterPackage.open(zip)) {
            assertEquals(List.of("s1", "p1"), userIds(p));
        }
    }

    @Test
    void fileNamesAreMatchedCaseInsensitively() {
        Path zip = TestZips.with("Export/USERS.CSV", USERS)
                .and("Export/Manifest.CSV", "propertyName,value\noneroster.version,1.1\nfile.users,delta\n")
                .writeTo(temp);
        try (RosterPackage p = RosterPackage.open(zip)) {
            assertTrue(p.has("users.csv"));
            assertEquals(FileMode.DELTA, p.modeOf("Users.csv"));
            assertEquals(Optional.of("1.1"), p.manifest().onerosterVersion());
        }
    }

    @Test
    void aFolderIsReadLikeAZip() throws IOException {
        Path folder = Files.createDirectories(temp.resolve("drop/export"));
        TestZips.writeRaw(folder.resolve("Users.csv"), USERS);
        try (RosterPackage p = RosterPackage.open(temp.resolve("drop"))) {
            assertEquals(List.of("s1", "p1"), userIds(p));
        }
    }

    @Test
    void withoutAManifestEveryFilePresentIsBulk() {
        try (RosterPackage p = RosterPackage.open(TestZips.with("users.csv", USERS).writeTo(temp))) {
            assertEquals(FileMode.BULK, p.modeOf("users.csv"));
            assertEquals(FileMode.ABSENT, p.modeOf("roles.csv"));
        }
    }

    @Test
    void aBlankManifestValueMeansBulk() {
        Path zip = TestZips.with("users.csv", USERS)
                .and("roles.csv", "userSourcedId,role\n")
                .and("manifest.csv", "propertyName,value\r\nmanifest.version,1.0\r\noneroster.version,1.2\r\n"
                        + "file.users,\r\nfile.roles,absent\r\nsource.systemName,Arbor")
                .writeTo(temp);
        try (RosterPackage p = RosterPackage.open(zip)) {
            assertEquals(FileMode.BULK, p.modeOf("users.csv"));
            assertEquals(FileMode.ABSENT, p.modeOf("roles.csv"));
            assertEquals(Optional.of("Arbor"), p.manifest().sourceSystemName());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.0", "1.1", "1.2", " 1.2 "})
    void oneRosterVersionsOneZeroToOneTwoAreAccepted(String version) {
        Path zip = TestZips.with("users.csv", USERS)
                .and("manifest.csv", "propertyName,value\noneroster.version,\"" + version + "\"\n").writeTo(temp);
        try (RosterPackage p = RosterPackage.open(zip)) {
            assertEquals(Optional.of(version.trim()), p.manifest().onerosterVersion());
        }
    }

    @Test
    void anUnknownOneRosterVersionIsRefused() {
        BrokenPackageException e = refused(TestZips.with("users.csv", USERS)
                .and("manifest.csv", "propertyName,value\noneroster.version,2.0\n"));
        assertTrue(e.detail().contains("2.0"), e.detail());
    }

    @Test
    void anUnknownFileModeIsRefused() {
        refused(TestZips.with("users.csv", USERS).and("manifest.csv", "propertyName,value\nfile.users,sometimes\n"));
    }

    @Test
    void aPackageWithoutUsersIsRefused() {
        BrokenPackageException e = refused(TestZips.with("orgs.csv", "sourcedId\no1\n")
                .and("__MACOSX/users.csv", USERS));
        assertEquals("The package has no users.csv.", e.detail());
    }

    @Test
    void usersInSeveralFoldersAreRefused() {
        refused(TestZips.with("a/users.csv", USERS).and("b/users.csv", USERS));
    }

    @Test
    void theSameFileTwiceInOneFolderIsRefused() {
        refused(TestZips.with("users.csv", USERS).and("USERS.csv", USERS));
    }

    @Test
    void somethingThatIsNotAZipIsRefused() {
        Path text = temp.resolve("users.zip");
        TestZips.writeRaw(text, USERS);
        assertEquals("The upload is not a zip file.", refused(text, PackageLimits.defaults()).detail());
    }

    @Test
    void aTruncatedZipIsRefused() throws IOException {
        Path whole = TestZips.with("users.csv", USERS.repeat(50)).and("orgs.csv", "sourcedId\no1\n").writeTo(temp);
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = temp.resolve("cut.zip");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length / 2));
        refused(cut, PackageLimits.defaults());
    }

    @Test
    void tooManyEntriesAreRefused() {
        TestZips zip = TestZips.with("users.csv", USERS);
        for (int i = 0; i < 10; i++) {
            zip.and("extra" + i + ".txt", "x");
        }
        assertTrue(refused(zip.writeTo(temp), SMALL).detail().contains("more than 10 entries"));
    }

    @Test
    void anEntryOverTheSizeLimitIsRefused() {
        Path zip = TestZips.with("users.csv", USERS).and("enrollments.csv", "x".repeat(1001)).writeTo(temp);
        assertTrue(refused(zip, SMALL).detail().startsWith("enrollments.csv unpacks to more than 1000"));
    }

    @Test
    void entriesOverTheTotalLimitAreRefused() {
        Path zip = TestZips.with("users.csv", USERS).and("a.csv", "x".repeat(900)).and("b.csv", "y".repeat(900))
                .writeTo(temp);
        assertTrue(refused(zip, SMALL).detail().startsWith("The zip unpacks to more than 1500"));
    }

    @Test
    void aZipBombIsStoppedByItsRatioWhileInflating() {
        Path zip = TestZips.with("users.csv", TestZips.zeros(16 << 20)).writeTo(temp);
        PackageLimits roomy = new PackageLimits(10, 1L << 40, 1L << 40, 100);
        assertTrue(refused(zip, roomy).detail().contains("zip bomb"));
    }

    @Test
    void ordinaryCsvIsWellWithinTheRatio() {
        StringBuilder users = new StringBuilder("sourcedId,role,givenName\n");
        for (int i = 0; i < 60_000; i++) {
            users.append("usr-").append(i).append(",student,Name").append(i % 97).append('\n');
        }
        try (RosterPackage p = RosterPackage.open(TestZips.with("users.csv", users.toString()).writeTo(temp))) {
            assertEquals(60_000, userIds(p).size());
        }
    }
}
