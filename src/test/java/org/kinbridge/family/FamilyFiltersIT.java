package org.kinbridge.family;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kinbridge.testing.Http.bearer;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kinbridge.testing.Deployments;
import org.kinbridge.testing.Http;
import org.kinbridge.testing.LaunchedSchool;
import org.kinbridge.testing.OneRosterGenerator;
import org.kinbridge.testing.OneRosterZip;
import org.kinbridge.testing.OperatorApi;

/**
 * The Families panel's filters over HTTP, as a school admin with a real panel token sees them: each filter's exact
 * members in list order after the v1p2-bulk sample, and the same filters following every kind of change, one after
 * the other: manual connect and remove, a delta import that ends a link and takes a parent's email, sync-key parent
 * files, a student leaving the roster; then paging, counts and the count cap on a generated district.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FamilyFiltersIT {

    private static final Http HTTP = new Http();
    private static final String BASE = Deployments.baseUrl();
    private static final OperatorApi OPERATOR = new OperatorApi(HTTP, BASE, Deployments.operatorToken());
    /** In list order (family name, given name, sourcedId). */
    private static final List<String> EVERYONE = List.of("stu-1", "stu-2", "par-1", "par-2", "stu-3", "par-3", "stu-4", "par-4",
            "stu-5", "rel-1", "par-5", "tch-1");

    private static LaunchedSchool school;
    private static String tenant;
    private static String adminToken;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.kinbridgeWar();
    }

    @BeforeAll
    static void riversideWithItsAdmin() {
        school = OPERATOR.launchedSchool("Riverside filters");
        tenant = school.tenant();
        adminToken = school.adminToken();
        OPERATOR.importSample(tenant, "v1p2-bulk");
    }

    @AfterAll
    static void stopPlatform() {
        school.close();
    }

    @Test
    @Order(1)
    void afterTheBulkImportEachFilterListsExactlyItsMembers() {
        assertEquals(EVERYONE, members("all"));
        assertEquals(List.of("stu-1", "stu-2", "stu-3", "stu-4", "stu-5"), members("students"));
        assertEquals(List.of("par-1", "par-2", "par-3", "par-4", "rel-1", "par-5", "tch-1"), members("adults"));
        assertEquals(List.of(), members("no-parents"), "every student has a parent");
        assertEquals(List.of("par-4"), members("parents-without-email"));
        assertEquals(List.of("rel-1"), members("relatives"));
        assertEquals(List.of("par-4"), ids(page("parents-without-email", "hugo", 0, 25)), "search within a filter");
        assertEquals(List.of(), ids(page("relatives", "hugo", 0, 25)));
    }

    @Test
    @Order(2)
    void manualConnectAndRemoveMoveStudentsAndAdultsBetweenFilters() {
        assertEquals(204, panel("POST", "links/remove", "{\"studentSourcedId\":\"stu-4\",\"guardianSourcedId\":\"par-4\","
                + "\"reason\":\"Moved out\"}").statusCode());
        assertEquals(List.of("stu-4"), members("no-parents"));
        assertEquals(List.of(), members("parents-without-email"), "par-4 is linked to no one now");

        assertEquals(201, panel("POST", "links", "{\"studentSourcedId\":\"stu-4\",\"guardianSourcedId\":\"par-4\","
                + "\"guardianRole\":\"parent\",\"reason\":\"Back again\"}").statusCode());
        assertEquals(201, panel("POST", "links", "{\"studentSourcedId\":\"stu-3\",\"guardianSourcedId\":\"par-2\","
                + "\"guardianRole\":\"relative\",\"reason\":\"Uncle, letter on file\"}").statusCode());
        assertEquals(List.of(), members("no-parents"));
        assertEquals(List.of("par-4"), members("parents-without-email"));
        assertEquals(List.of("par-2", "rel-1"), members("relatives"), "Brook before Fox");
    }

    @Test
    @Order(3)
    void aDeltaEndingALinkAndTakingAnEmailIsFollowed() throws Exception {
        // stu-5 and rel-1 no longer list each other; Paula Brook's email is gone.
        Map<String, Object> delta = OPERATOR.importAndWait(tenant, delta(
                "stu-5,active,2026-11-21T08:00:00Z,true,eli.fox,,Eli,Fox,,,,,,S1005,,,,,06,,STU-5,org-1",
                "rel-1,active,2026-11-21T08:00:00Z,true,rita.fox,,Rita,Fox,,,,,,,rita.fox@mail.example,,,,,,REL-1,org-1",
                "par-1,active,2026-11-21T08:00:00Z,true,paula.brook,,Paula,Brook,,,,,,,,,,\"stu-1,stu-2\",,,PAR-1,org-1"));
        assertEquals("SUCCEEDED", delta.get("status"), delta.toString());
        assertEquals(1, ((Number) ((Map<?, ?>) delta.get("counts")).get("linksEnded")).intValue(), delta.toString());
        assertEquals(List.of("stu-5"), members("no-parents"));
        assertEquals(List.of("par-1", "par-4"), members("parents-without-email"));
        assertEquals(List.of("par-2"), members("relatives"), "the manual relative stays, rel-1's roster link ended");
    }

    @Test
    @Order(4)
    void syncKeyParentFilesAreFollowed() {
        Map<String, Object> first = parentFile("ParentId,Children,givenName,familyName,email\nK1,stu-5,Kim,Abbot,\n");
        assertEquals(1, ((Number) first.get("linksCreated")).intValue(), first.toString());
        assertEquals(List.of(), members("no-parents"), "stu-5 has a parent from the parent file");
        assertEquals(List.of("sync:K1", "par-1", "par-4"), members("parents-without-email"), "Abbot first");

        Map<String, Object> second = parentFile("ParentId,Children,givenName,familyName,email\nK1,stu-4,Kim,Abbot,kim@mail.example\n");
        assertEquals(1, ((Number) second.get("linksEnded")).intValue(), second.toString());
        assertEquals(List.of("stu-5"), members("no-parents"), "K1 now looks after stu-4 only");
        assertEquals(List.of("par-1", "par-4"), members("parents-without-email"), "K1 has an email now");
    }

    @Test
    @Order(5)
    void aStudentWhoLeavesTheRosterNoLongerLacksParents() throws Exception {
        Map<String, Object> delta = OPERATOR.importAndWait(tenant, delta(
                "stu-5,tobedeleted,2026-11-22T08:00:00Z,true,eli.fox,,Eli,Fox,,,,,,S1005,,,,,06,,STU-5,org-1"));
        assertEquals("SUCCEEDED", delta.get("status"), delta.toString());
        assertEquals(List.of(), members("no-parents"));
        assertTrue(members("students").contains("stu-5"), "still listed among students, as having left");
    }

    @Test
    @Order(6)
    void pagesOfAFilterAddUpToTheWholeListAndEachCountsIt() {
        List<String> everyone = new ArrayList<>(List.of("sync:K1"));
        everyone.addAll(EVERYONE);
        List<String> paged = new ArrayList<>();
        for (int offset = 0; offset < everyone.size() + 5; offset += 5) {
            Map<String, Object> page = page("all", "", offset, 5);
            assertEquals(everyone.size(), ((Number) page.get("total")).intValue(), page.toString());
            assertEquals(false, page.get("totalIsEstimate"));
            assertEquals(Math.max(0, Math.min(5, everyone.size() - offset)), ids(page).size(), page.toString());
            paged.addAll(ids(page));
        }
        assertEquals(everyone, paged);

        Map<String, Object> adults = page("adults", "", 6, 2);
        assertEquals(List.of("par-5", "tch-1"), ids(adults));
        assertEquals(8, ((Number) adults.get("total")).intValue());
        Map<String, Object> search = page("adults", "brook", 1, 1);
        assertEquals(List.of("par-2"), ids(search));
        assertEquals(2, ((Number) search.get("total")).intValue());
    }

    @Test
    @Order(7)
    void aDistrictCountsUpToTheCapAndListsEveryMemberAcrossPages() throws Exception {
        OneRosterGenerator district = OneRosterGenerator.bulk(20261124L, 4_200, 2);
        assertTrue(district.students() + district.adults() > FamilyDirectory.COUNT_CAP, "the district outgrows the count cap");
        String big;
        String bigAdmin;
        try (LaunchedSchool launched = OPERATOR.launchedSchool("Filters district")) {
            big = launched.tenant();
            bigAdmin = launched.adminToken();
        }
        Map<String, Object> imported = OPERATOR.importAndWait(big, district.zipBytes());
        assertEquals("SUCCEEDED", imported.get("status"), imported.toString());
        Map<String, Object> everyone = page(bigAdmin, "all", "", 0, 25);
        assertEquals(FamilyDirectory.COUNT_CAP, ((Number) everyone.get("total")).intValue());
        assertEquals(true, everyone.get("totalIsEstimate"));
        assertEquals(25, ids(page(bigAdmin, "all", "", FamilyDirectory.COUNT_CAP, 25)).size(), "pages go on past the cap");

        Map<String, Object> students = page(bigAdmin, "students", "", 0, 25);
        assertEquals(district.students(), ((Number) students.get("total")).intValue());
        assertEquals(false, students.get("totalIsEstimate"));

        List<String> links = OPERATOR.guardianships(big);
        Set<String> relatives = new TreeSet<>();
        Set<String> linkedStudents = new TreeSet<>();
        for (String link : links) {
            String[] cells = link.split(",");
            if (cells[3].equals("active")) {
                linkedStudents.add(cells[0]);
                if (cells[2].equals("relative")) {
                    relatives.add(cells[1]);
                }
            }
        }
        assertFalse(relatives.isEmpty());
        List<Map<?, ?>> listedRelatives = everyMember(bigAdmin, "relatives", relatives.size());
        assertEquals(relatives, new TreeSet<>(listedRelatives.stream().map(p -> (String) p.get("sourcedId")).toList()));
        assertInListOrder(listedRelatives);
        Set<String> withoutParents = new TreeSet<>(everyMember(bigAdmin, "students", district.students()).stream()
                .map(p -> (String) p.get("sourcedId")).filter(id -> !linkedStudents.contains(id)).toList());
        assertEquals(withoutParents, new TreeSet<>(everyMember(bigAdmin, "no-parents", withoutParents.size()).stream()
                .map(p -> (String) p.get("sourcedId")).toList()));
    }

    /** Every member of a filter, read 200 at a time; checks each page's exact count on the way. */
    private static List<Map<?, ?>> everyMember(String token, String filter, int expected) {
        List<Map<?, ?>> all = new ArrayList<>();
        for (int offset = 0; offset <= expected; offset += 200) {
            Map<String, Object> page = page(token, filter, "", offset, 200);
            assertEquals(expected, ((Number) page.get("total")).intValue(), filter + " at " + offset);
            ((List<?>) page.get("items")).forEach(item -> all.add((Map<?, ?>) item));
        }
        assertEquals(expected, all.size(), filter);
        return all;
    }

    private static void assertInListOrder(List<Map<?, ?>> people) {
        Comparator<Map<?, ?>> listOrder = Comparator.<Map<?, ?>, String>comparing(p -> key(p.get("familyName")))
                .thenComparing(p -> key(p.get("givenName"))).thenComparing(p -> (String) p.get("sourcedId"));
        List<Map<?, ?>> sorted = new ArrayList<>(people);
        sorted.sort(listOrder);
        assertEquals(sorted.stream().map(p -> p.get("sourcedId")).toList(), people.stream().map(p -> p.get("sourcedId")).toList());
    }

    private static String key(Object name) {
        return name == null ? "" : ((String) name).toLowerCase(Locale.ROOT);
    }

    /** A delta package of these v1p2 users.csv rows (roles stay as stored). */
    private static byte[] delta(String... users) throws Exception {
        Path sample = OneRosterZip.sample("v1p2-delta");
        String header = Files.readAllLines(sample.resolve("users.csv")).get(0);
        String rolesHeader = Files.readAllLines(sample.resolve("roles.csv")).get(0);
        return OneRosterZip.fromFolder(sample).with("users.csv", header + "\n" + String.join("\n", users) + "\n")
                .with("roles.csv", rolesHeader + "\n").bytes();
    }

    private static Map<String, Object> parentFile(String csv) {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(BASE + "/api/v1/tenants/" + tenant
                        + "/parents/imports?syncColumn=ParentId&childColumn=Children&childMatch=INTERNAL_ID"))
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString(csv)),
                "Authorization", bearer(Deployments.operatorToken()));
        assertEquals(200, response.statusCode(), response.body());
        return OperatorApi.json(response);
    }

    private static List<String> members(String filter) {
        Map<String, Object> page = page(filter, "", 0, 200);
        assertEquals(false, page.get("totalIsEstimate"));
        List<String> ids = ids(page);
        assertEquals(ids.size(), ((Number) page.get("total")).intValue(), filter + ": the count matches the list");
        return ids;
    }

    private static Map<String, Object> page(String filter, String query, int offset, int limit) {
        return page(adminToken, filter, query, offset, limit);
    }

    private static Map<String, Object> page(String token, String filter, String query, int offset, int limit) {
        HttpResponse<String> response = HTTP.get(BASE + "/api/panel/people?filter=" + filter + "&q=" + Http.encode(query)
                + "&offset=" + offset + "&limit=" + limit, "Authorization", bearer(token));
        assertEquals(200, response.statusCode(), response.body());
        return OperatorApi.json(response);
    }

    private static List<String> ids(Map<String, Object> page) {
        return ((List<?>) page.get("items")).stream().map(p -> (String) ((Map<?, ?>) p).get("sourcedId")).toList();
    }

    private static HttpResponse<String> panel(String method, String path, String json) {
        return HTTP.send(HttpRequest.newBuilder(URI.create(BASE + "/api/panel/" + path)).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)), "Authorization", bearer(adminToken));
    }
}
