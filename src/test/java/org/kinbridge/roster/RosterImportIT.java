package org.kinbridge.roster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kinbridge.testing.Deployments;
import org.kinbridge.testing.Http;
import org.kinbridge.testing.OneRosterZip;
import org.kinbridge.testing.OperatorApi;
import org.kinbridge.testing.TestRunSettings;

/**
 * OneRoster packages imported over HTTP the way an operator's script sends them, and the families
 * they produce read back through the guardianship export.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RosterImportIT {

    private static final Http HTTP = new Http();
    private static final OperatorApi OPERATOR = new OperatorApi(HTTP, Deployments.baseUrl(), Deployments.operatorToken());

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.kinbridgeWar();
    }

    @Test
    void everyCorpusPackageGivesExactlyItsExpectedLinksAndCounts() throws Exception {
        List<Path> packages;
        try (Stream<Path> folders = Files.list(OneRosterZip.corpus(""))) {
            packages = folders.filter(Files::isDirectory).filter(f -> Files.exists(f.resolve("_meta"))).sorted().toList();
        }
        assertTrue(packages.size() >= 10, "the corpus is there: " + packages);
        for (Path folder : packages) {
            String tenant = OPERATOR.createTenant("Corpus " + folder.getFileName());
            Map<String, Object> result = OPERATOR.importAndWait(tenant, OneRosterZip.fromFolder(folder).bytes());
            assertEquals("SUCCEEDED", result.get("status"), folder + ": " + result);
            assertEquals(OneRosterZip.expectedRows(folder.resolve("_meta/expected_links.csv")), OPERATOR.activeLinks(tenant),
                    folder.toString());
            Map<String, Object> expectedCounts = JSONObjectUtils.parse(Files.readString(folder.resolve("_meta/expected_counts.json")));
            Map<?, ?> counts = (Map<?, ?>) result.get("counts");
            expectedCounts.forEach((key, value) -> assertEquals(((Number) value).intValue(),
                    ((Number) counts.get(key)).intValue(), folder + " count " + key));
        }
    }

    @Test
    void ourSamplesGiveTheirExpectedLinks() {
        for (String sample : List.of("v1p1-bulk", "v1p2-bulk", "sds", "messy")) {
            String tenant = OPERATOR.createTenant("Sample " + sample);
            Map<String, Object> result = OPERATOR.importAndWait(tenant, OneRosterZip.fromFolder(OneRosterZip.sample(sample)).bytes());
            assertEquals("SUCCEEDED", result.get("status"), sample + ": " + result);
            assertEquals(OneRosterZip.expectedRows(OneRosterZip.sample(sample).resolve("expected-links.csv")),
                    OPERATOR.activeLinks(tenant), sample);
        }
    }

    @Test
    void rejectedLinksAreCountedByKind() {
        String tenant = OPERATOR.createTenant("Rejections");
        Map<?, ?> counts = (Map<?, ?>) OPERATOR.importAndWait(tenant,
                OneRosterZip.fromFolder(OneRosterZip.sample("v1p1-bulk")).bytes()).get("counts");
        assertEquals(6, ((Number) counts.get("links_valid")).intValue());
        assertEquals(1, ((Number) counts.get("excluded_teacher")).intValue());
        assertEquals(1, ((Number) counts.get("excluded_adult_adult")).intValue());
    }

    @Test
    void aMessyExportReportsItsBadRowsAndImportsTheRest() {
        String tenant = OPERATOR.createTenant("Messy");
        Map<String, Object> result = OPERATOR.importAndWait(tenant, OneRosterZip.fromFolder(OneRosterZip.sample("messy")).bytes());
        assertEquals("SUCCEEDED", result.get("status"));
        assertTrue(((Number) result.get("issueCount")).intValue() >= 1, result.toString());
        List<?> warnings = (List<?>) result.get("warnings");
        assertTrue(warnings.stream().anyMatch(w -> "sourcedId".equals(((Map<?, ?>) w).get("column"))), warnings.toString());
        Map<?, ?> counts = (Map<?, ?>) result.get("counts");
        assertTrue(counts.get("excluded_dangling") instanceof Number dangling && dangling.intValue() == 1, counts.toString());

        HttpResponse<String> csv = OPERATOR.get("/api/v1/tenants/" + tenant + "/roster/imports/" + result.get("id") + "/issues");
        assertEquals(200, csv.statusCode());
        assertTrue(csv.body().startsWith("file,row,column,code,message"));
        assertTrue(csv.body().contains("\"users.csv\""));
    }

    @Test
    void aDeltaAfterABulkEqualsTheMergedRoster() {
        String tenant = OPERATOR.createTenant("Delta");
        assertEquals("SUCCEEDED", OPERATOR.importAndWait(tenant, OneRosterZip.fromFolder(OneRosterZip.sample("v1p2-bulk")).bytes()).get("status"));
        Map<String, Object> delta = OPERATOR.importAndWait(tenant, OneRosterZip.fromFolder(OneRosterZip.sample("v1p2-delta")).bytes());
        assertEquals("SUCCEEDED", delta.get("status"), delta.toString());
        assertEquals("DELTA", delta.get("mode"));
        assertEquals(OneRosterZip.expectedRows(OneRosterZip.sample("v1p2-delta").resolve("expected-links-after-bulk.csv")),
                OPERATOR.guardianships(tenant));
    }

    @Test
    void aDeltaReadsAgainTheStoredRowsThatListItsPeople() throws IOException {
        String tenant = OPERATOR.createTenant("Delta neighbours");
        Path bulk = OneRosterZip.sample("v1p2-bulk");
        String users = Files.readString(bulk.resolve("users.csv"));
        String roles = Files.readString(bulk.resolve("roles.csv"));
        // par-9's row lists a pupil the SIS has not exported yet: rejected as dangling, for now.
        String withPar9 = users.stripTrailing() + "\npar-9,active,,true,pat.nine,,Pat,Nine,,,,,,,pat.nine@home.example,,,stu-9,,,,org-1\n";
        String par9Role = roles.stripTrailing() + "\nrole-par-9,active,,par-9,primary,parent,2026-09-01,,org-1,\n";
        Map<String, Object> first = OPERATOR.importAndWait(tenant,
                OneRosterZip.fromFolder(bulk).with("users.csv", withPar9).with("roles.csv", par9Role).bytes());
        assertEquals("SUCCEEDED", first.get("status"), first.toString());
        assertFalse(OPERATOR.activeLinks(tenant).stream().anyMatch(link -> link.startsWith("stu-9,")));

        // The delta names only stu-9, listing nobody: the link comes from par-9's stored row.
        Path delta = OneRosterZip.sample("v1p2-delta");
        String header = Files.readAllLines(delta.resolve("users.csv")).get(0);
        String roleHeader = Files.readAllLines(delta.resolve("roles.csv")).get(0);
        Map<String, Object> second = OPERATOR.importAndWait(tenant, OneRosterZip.fromFolder(delta)
                .with("users.csv", header + "\nstu-9,active,,true,sam.nine,,Sam,Nine,,,,,,S1009,,,,,04,,STU-9,org-1\n")
                .with("roles.csv", roleHeader + "\nrole-stu-9,active,,stu-9,primary,student,2026-11-20,,org-1,\n").bytes());
        assertEquals("DELTA", second.get("mode"), second.toString());
        assertEquals(1, ((Number) ((Map<?, ?>) second.get("counts")).get("linksCreated")).intValue(), second.toString());
        assertTrue(OPERATOR.activeLinks(tenant).contains("stu-9,par-9,parent"), OPERATOR.activeLinks(tenant).toString());

        // A later delta restating stu-9 without roles keeps the stored student role, so the link stays.
        Map<String, Object> third = OPERATOR.importAndWait(tenant, OneRosterZip.fromFolder(delta)
                .with("users.csv", header + "\nstu-9,active,,true,sam.nine,,Samuel,Nine,,,,,,S1009,,,,,04,,STU-9,org-1\n")
                .without("roles.csv").bytes());
        assertEquals("SUCCEEDED", third.get("status"), third.toString());
        assertEquals(1, ((Number) ((Map<?, ?>) third.get("counts")).get("peopleUpdated")).intValue(), third.toString());
        assertTrue(OPERATOR.activeLinks(tenant).contains("stu-9,par-9,parent"), OPERATOR.activeLinks(tenant).toString());
    }

    @Test
    void aDeltaRestatingARowWithFieldsTooLongToStoreCountsItUnchanged() throws IOException {
        String tenant = OPERATOR.createTenant("Delta long fields");
        assertEquals("SUCCEEDED", OPERATOR.importAndWait(tenant, OneRosterZip.fromFolder(OneRosterZip.sample("v1p2-bulk")).bytes())
                .get("status"));
        Path delta = OneRosterZip.sample("v1p2-delta");
        String header = Files.readAllLines(delta.resolve("users.csv")).get(0);
        // Kinbridge keeps 255 characters of a name: the stored row is clipped, the row's fingerprint is not.
        byte[] longName = OneRosterZip.fromFolder(delta).with("users.csv", header + "\nstu-9,active,,true,sam.nine,,"
                + "S".repeat(300) + ",Nine,,,,,,S1009,,,,,04,,STU-9,org-1\n").without("roles.csv").bytes();
        Map<String, Object> first = OPERATOR.importAndWait(tenant, longName);
        assertCounts(first, Map.of("peopleCreated", 1, "peopleUpdated", 0, "peopleUnchanged", 0));
        Map<String, Object> again = OPERATOR.importAndWait(tenant, longName);
        assertCounts(again, Map.of("peopleCreated", 0, "peopleUpdated", 0, "peopleUnchanged", 1));
    }

    @Test
    void aDeltaRewritesItsPeopleInPlaceAndEndsAndRestoresTheirLinks() throws Exception {
        String tenant = OPERATOR.createTenant("Delta in place");
        String bulkId = (String) OPERATOR.importAndWait(tenant, OneRosterZip.fromFolder(OneRosterZip.sample("v1p2-bulk")).bytes()).get("id");
        Path delta = OneRosterZip.sample("v1p2-delta");
        String header = Files.readAllLines(delta.resolve("users.csv")).get(0);
        String roleHeader = Files.readAllLines(delta.resolve("roles.csv")).get(0);

        // par-2 has a new name and address, stu-1 no longer lists par-2 and stu-4 leaves: two links end.
        Map<String, Object> first = OPERATOR.importAndWait(tenant, OneRosterZip.fromFolder(delta).with("users.csv", header
                + "\npar-2,active,2026-11-20T08:00:00Z,true,peter.brook,,Pete,Brooke,,,,,,,pete.brooke@new.example,,,,,,PAR-2,org-1"
                + "\nstu-1,active,2026-11-20T08:00:00Z,true,ava.brook,,Ava,Brook,,,,,,S1001,ava.brook@riverside.example,,,par-1,03,,STU-1,org-1"
                + "\nstu-4,tobedeleted,2026-11-20T08:00:00Z,true,dan.evans,,Dan,Evans,,,,,,S1004,,,,,02,,STU-4,org-1\n")
                .without("roles.csv").bytes());
        assertEquals("SUCCEEDED", first.get("status"), first.toString());
        String firstId = (String) first.get("id");
        assertCounts(first, Map.of("peopleCreated", 0, "peopleUpdated", 3, "peopleUnchanged", 0, "linksCreated", 0,
                "linksRestored", 0, "linksRoleChanged", 0, "linksEnded", 2, "linksUnchanged", 1));
        try (Connection db = TestRunSettings.connectTo(System.getProperty("kb.test.schema"))) {
            assertEquals(List.of(
                    "par-1|parent|Paula|Brook|paula|brook|paula.brook@mail.example|stu-1,stu-2|true|" + bulkId,
                    "par-2|parent|Pete|Brooke|pete|brooke|pete.brooke@new.example||true|" + firstId,
                    "stu-1|student|Ava|Brook|ava|brook|ava.brook@riverside.example|par-1|true|" + firstId,
                    "stu-4|student|Dan|Evans|dan|evans|null||false|" + firstId),
                    rows(db, "SELECT sourced_id, roles, given_name, family_name, given_key, family_key, email, agent_sourced_ids, "
                            + "active, last_import_id FROM person WHERE tenant_id = ? AND sourced_id IN ('par-1', 'par-2', 'stu-1', "
                            + "'stu-4')", tenant));
            assertEquals(List.of(
                    "stu-1|par-1|parent|true|" + bulkId + "|false",
                    "stu-1|par-2|parent|false|" + firstId + "|true",
                    "stu-2|par-1|parent|true|" + bulkId + "|false",
                    "stu-3|par-3|guardian|true|" + bulkId + "|false",
                    "stu-3|tch-1|guardian|true|" + bulkId + "|false",
                    "stu-4|par-4|parent|false|" + firstId + "|true",
                    "stu-5|rel-1|relative|true|" + bulkId + "|false"), links(db, tenant));
            assertEquals(List.of("link.ended|stu-1 <- par-2", "link.ended|stu-4 <- par-4", "roster.imported|import " + firstId),
                    rows(db, "SELECT action, subject FROM audit_entry WHERE tenant_id = ? AND actor = ?", tenant, "import:" + firstId));
            assertEquals(List.of("par-4|stu-4|INACTIVE"), rows(db, "SELECT lister_sourced_id, listed_sourced_id, reason "
                    + "FROM rejected_listing WHERE tenant_id = ? AND listed_sourced_id = 'stu-4'", tenant));
        }

        // stu-1 lists par-2 again, stu-4 is back and par-3 is now a parent: both links return, one changes its role.
        Map<String, Object> second = OPERATOR.importAndWait(tenant, OneRosterZip.fromFolder(delta).with("users.csv", header
                + "\nstu-1,active,2026-11-21T08:00:00Z,true,ava.brook,,Ava,Brook,,,,,,S1001,ava.brook@riverside.example,,,\"par-1,par-2\",03,,STU-1,org-1"
                + "\nstu-4,active,2026-11-21T08:00:00Z,true,dan.evans,,Dan,Evans,,,,,,S1004,,,,,02,,STU-4,org-1"
                + "\npar-3,active,2026-11-21T08:00:00Z,true,gina.diaz,,Gina,Diaz,,,,,,,gina.diaz@mail.example,,,,,,PAR-3,org-1\n")
                .with("roles.csv", roleHeader + "\nrole-par-3,active,2026-11-21T08:00:00Z,par-3,primary,parent,2026-11-21,,org-1,\n")
                .bytes());
        assertEquals("SUCCEEDED", second.get("status"), second.toString());
        String secondId = (String) second.get("id");
        assertCounts(second, Map.of("peopleUpdated", 3, "linksCreated", 0, "linksRestored", 2, "linksRoleChanged", 1,
                "linksEnded", 0));
        try (Connection db = TestRunSettings.connectTo(System.getProperty("kb.test.schema"))) {
            assertEquals(List.of(
                    "stu-1|par-1|parent|true|" + bulkId + "|false",
                    "stu-1|par-2|parent|true|" + secondId + "|false",
                    "stu-2|par-1|parent|true|" + bulkId + "|false",
                    "stu-3|par-3|parent|true|" + secondId + "|false",
                    "stu-3|tch-1|guardian|true|" + bulkId + "|false",
                    "stu-4|par-4|parent|true|" + secondId + "|false",
                    "stu-5|rel-1|relative|true|" + bulkId + "|false"), links(db, tenant));
            assertEquals(List.of("link.restored|stu-1 <- par-2|role parent", "link.restored|stu-4 <- par-4|role parent",
                    "link.role_changed|stu-3 <- par-3|role parent"), rows(db, "SELECT action, subject, detail FROM audit_entry "
                    + "WHERE tenant_id = ? AND actor = ? AND action LIKE 'link.%'", tenant, "import:" + secondId));
            assertEquals(List.of(), rows(db, "SELECT lister_sourced_id FROM rejected_listing WHERE tenant_id = ? "
                    + "AND listed_sourced_id = 'stu-4'", tenant));
        }
    }

    @Test
    void importingTheSamePackageAgainChangesNothing() {
        String tenant = OPERATOR.createTenant("Twice");
        byte[] zip = OneRosterZip.fromFolder(OneRosterZip.sample("v1p1-bulk")).bytes();
        OPERATOR.importAndWait(tenant, zip);
        List<String> before = OPERATOR.guardianships(tenant);
        Map<?, ?> counts = (Map<?, ?>) OPERATOR.importAndWait(tenant, zip).get("counts");
        assertEquals(before, OPERATOR.guardianships(tenant));
        assertEquals(0, ((Number) counts.get("linksCreated")).intValue());
        assertEquals(0, ((Number) counts.get("peopleUpdated")).intValue());
        assertEquals(12, ((Number) counts.get("peopleUnchanged")).intValue());
    }

    @Test
    void aShrunkenBulkIsHeldUntilConfirmedOrDiscarded() throws IOException {
        String tenant = OPERATOR.createTenant("Shrinking");
        Path full = OneRosterZip.sample("v1p1-bulk");
        OPERATOR.importAndWait(tenant, OneRosterZip.fromFolder(full).bytes());
        List<String> before = OPERATOR.guardianships(tenant);
        String usersWithoutBrooks = Files.readAllLines(full.resolve("users.csv")).stream()
                .filter(line -> !line.startsWith("stu-1,") && !line.startsWith("stu-2,")).reduce("", (a, b) -> a + b + "\n");
        byte[] shrunken = OneRosterZip.fromFolder(full).with("users.csv", usersWithoutBrooks).bytes();

        Map<String, Object> held = OPERATOR.importAndWait(tenant, shrunken);
        assertEquals("HELD", held.get("status"));
        assertTrue(((String) held.get("heldReason")).contains("would end 3 of 6 active parent-child links"), held.toString());
        assertEquals(before, OPERATOR.guardianships(tenant), "nothing changes while held");

        String heldId = (String) held.get("id");
        assertEquals(200, OPERATOR.post("/api/v1/tenants/" + tenant + "/roster/imports/" + heldId + "/discard").statusCode());
        assertEquals("DISCARDED", OperatorApi.json(OPERATOR.get("/api/v1/tenants/" + tenant + "/roster/imports/" + heldId)).get("status"));
        assertEquals(409, OPERATOR.post("/api/v1/tenants/" + tenant + "/roster/imports/" + heldId + "/confirm").statusCode());
        assertEquals(before, OPERATOR.guardianships(tenant));

        Map<String, Object> heldAgain = OPERATOR.importAndWait(tenant, shrunken);
        HttpResponse<String> confirmed = OPERATOR.post("/api/v1/tenants/" + tenant + "/roster/imports/" + heldAgain.get("id") + "/confirm");
        assertEquals(202, confirmed.statusCode(), confirmed.body());
        Map<String, Object> applied = OPERATOR.awaitImport(tenant, (String) OperatorApi.json(confirmed).get("id"));
        assertEquals("SUCCEEDED", applied.get("status"), applied.toString());
        assertEquals(List.of("stu-1,par-1,parent,inactive", "stu-1,par-2,parent,inactive", "stu-2,par-1,parent,inactive",
                "stu-3,par-3,guardian,active", "stu-4,par-4,parent,active", "stu-5,rel-1,relative,active"), OPERATOR.guardianships(tenant));
    }

    @Test
    void brokenPackagesAreRefusedClearlyAndChangeNothing() {
        String tenant = OPERATOR.createTenant("Broken");
        OPERATOR.importAndWait(tenant, OneRosterZip.fromFolder(OneRosterZip.sample("v1p1-bulk")).bytes());
        List<String> links = OPERATOR.guardianships(tenant);
        int imports = importCount(tenant);

        assertRefused(OPERATOR.upload(tenant, "sourcedId,status\nu1,active\n".getBytes()), 400, "broken_package");
        assertRefused(OPERATOR.upload(tenant, new byte[0]), 400, "broken_package");
        assertRefused(OPERATOR.upload(tenant, OneRosterZip.fromFolder(OneRosterZip.sample("v1p1-bulk")).without("users.csv").bytes()),
                400, "broken_package");
        assertRefused(OPERATOR.upload(tenant, OneRosterZip.fromFolder(OneRosterZip.sample("v1p1-bulk"))
                .with("manifest.csv", "propertyName,value\nmanifest.version,1.0\noneroster.version,9.9\nfile.users,bulk\n").bytes()),
                400, "broken_package");
        byte[] oversized = new byte[6_000_000];
        new Random(7).nextBytes(oversized);
        assertRefused(OPERATOR.upload(tenant, oversized), 400, "package_too_large");
        HttpResponse<String> wrongType = HTTP.send(HttpRequest.newBuilder(URI.create(Deployments.baseUrl()
                + "/api/v1/tenants/" + tenant + "/roster/imports")).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("hello")), "Authorization", Http.bearer(Deployments.operatorToken()));
        assertRefused(wrongType, 415, "unsupported_media_type");

        assertEquals(links, OPERATOR.guardianships(tenant));
        assertEquals(imports, importCount(tenant), "a refused package leaves no import behind");
    }

    @Test
    void oneSchoolCannotSeeAnothersImportsOrLinks() {
        String alder = OPERATOR.createTenant("Alder");
        String birch = OPERATOR.createTenant("Birch");
        String importId = (String) OPERATOR.importAndWait(alder, OneRosterZip.fromFolder(OneRosterZip.sample("v1p1-bulk")).bytes()).get("id");
        assertEquals(404, OPERATOR.get("/api/v1/tenants/" + birch + "/roster/imports/" + importId).statusCode());
        assertEquals(404, OPERATOR.post("/api/v1/tenants/" + birch + "/roster/imports/" + importId + "/rerun").statusCode());
        assertEquals(List.of(), OPERATOR.guardianships(birch));
        assertEquals(404, OPERATOR.get("/api/v1/tenants/no-such-school/guardianships?format=csv").statusCode());
    }

    @Test
    void guardianshipsPageAsJson() {
        String tenant = OPERATOR.createTenant("Paging");
        OPERATOR.importAndWait(tenant, OneRosterZip.fromFolder(OneRosterZip.sample("v1p1-bulk")).bytes());
        Map<String, Object> page = OperatorApi.json(OPERATOR.get("/api/v1/tenants/" + tenant + "/guardianships?offset=2&limit=3"));
        assertEquals(6, ((Number) page.get("total")).intValue());
        List<?> items = (List<?>) page.get("items");
        assertEquals(3, items.size());
        assertEquals("stu-2", ((Map<?, ?>) items.get(0)).get("studentSourcedId"));
        assertEquals(400, OPERATOR.get("/api/v1/tenants/" + tenant + "/guardianships?limit=0").statusCode());
    }

    private static void assertCounts(Map<String, Object> result, Map<String, Integer> expected) {
        Map<?, ?> counts = (Map<?, ?>) result.get("counts");
        expected.forEach((key, value) -> assertEquals(value, ((Number) counts.get(key)).intValue(), key + " in " + counts));
    }

    /** A tenant's links as {@code student|guardian|role|active|source_ref|ended}, sorted. */
    private static List<String> links(Connection db, String tenant) throws SQLException {
        return rows(db, "SELECT student_sourced_id, guardian_sourced_id, guardian_role, active, source_ref, ended_at IS NOT NULL "
                + "FROM guardian_link WHERE tenant_id = ?", tenant);
    }

    /** The rows as {@code a|b|c} lines, sorted. */
    private static List<String> rows(Connection db, String sql, String... parameters) throws SQLException {
        List<String> rows = new java.util.ArrayList<>();
        try (PreparedStatement select = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setString(i + 1, parameters[i]);
            }
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    List<String> columns = new java.util.ArrayList<>();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        columns.add(String.valueOf(rs.getObject(i)));
                    }
                    rows.add(String.join("|", columns));
                }
            }
        }
        rows.sort(null);
        return rows;
    }

    private static int importCount(String tenant) {
        HttpResponse<String> list = OPERATOR.get("/api/v1/tenants/" + tenant + "/roster/imports");
        return list.body().split("\"id\"").length - 1;
    }

    private static void assertRefused(HttpResponse<String> response, int status, String error) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(error, OperatorApi.json(response).get("error"), response.body());
    }
}
