package org.kinbridge.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kinbridge.testing.Http.bearer;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
import org.kinbridge.testing.Await;
import org.kinbridge.testing.Deployments;
import org.kinbridge.testing.Http;
import org.kinbridge.testing.LaunchedSchool;
import org.kinbridge.testing.OneRosterZip;
import org.kinbridge.testing.OperatorApi;

/**
 * Paging through the Account Manager the way the panel does: a tab of 137 parents read page by page by cursor
 * (forwards and back) and by offset, a search, the counts, and a roster rename that moves a parent in the list.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccountPagingIT {

    private static final Http HTTP = new Http();
    private static final String BASE = Deployments.baseUrl();
    private static final OperatorApi OPERATOR = new OperatorApi(HTTP, BASE, Deployments.operatorToken());
    private static final int PARENTS = 137;
    private static final int PAGE = 25;
    /** Case differs on purpose: the list sorts by the lower-case names, then by sourcedId. */
    private static final String[] FAMILIES = {"Okafor", "brook", "Brook", "Brooks", "Adeyemi", "Zhang", "Mckay", "McKay", "Ng"};
    private static final String[] GIVEN = {"Ava", "ben", "Chloe", "Ava", "Dev", "ava", "Elif"};
    private static final String USERS_HEADER = "sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,userIds,"
            + "givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password\n";

    private static LaunchedSchool school;
    private static String tenant;
    private static String admin;

    /** A parent as the test expects the list to show them. */
    private record Parent(String id, String given, String family) {

        String familyKey() {
            return family.toLowerCase(Locale.ROOT);
        }

        String givenKey() {
            return given.toLowerCase(Locale.ROOT);
        }
    }

    private static final Comparator<Parent> LIST_ORDER = Comparator.comparing(Parent::familyKey)
            .thenComparing(Parent::givenKey).thenComparing(Parent::id);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.kinbridgeWar();
    }

    @BeforeAll
    static void aSchoolWithManyParents() {
        school = OPERATOR.launchedSchool("Hillside");
        tenant = school.tenant();
        admin = school.adminToken();
        importRoster(parents(-1));
        Await.until(() -> total("accounts?tab=provision&limit=1") == PARENTS, "every parent ready to provision");
    }

    @AfterAll
    static void stopPlatform() {
        school.close();
    }

    @Test
    @Order(1)
    void nextCursorsWalkTheTabInListOrderWithoutGapsOrRepeats() {
        List<String> expected = ids(parents(-1));
        List<String> seen = new ArrayList<>();
        Map<String, Object> page = get("accounts?tab=provision&limit=" + PAGE);
        assertNull(page.get("previous"), "the first page has nothing before it");
        while (true) {
            assertEquals(PARENTS, ((Number) page.get("total")).intValue());
            assertEquals(false, page.get("totalIsEstimate"));
            seen.addAll(ids(page));
            if (page.get("next") == null) {
                break;
            }
            page = get("accounts?tab=provision&limit=" + PAGE + "&after=" + page.get("next"));
            assertNull(page.get("offset"), "a cursor page has no offset of its own");
        }
        assertEquals(expected, seen);
    }

    @Test
    @Order(2)
    void previousCursorsWalkBackFromTheLastPage() {
        int lastOffset = (PARENTS - 1) / PAGE * PAGE;
        Map<String, Object> page = get("accounts?tab=provision&limit=" + PAGE + "&offset=" + lastOffset);
        assertNull(page.get("next"), "the last page has nothing after it");
        List<String> seen = new ArrayList<>(ids(page));
        while (page.get("previous") != null) {
            page = get("accounts?tab=provision&limit=" + PAGE + "&before=" + page.get("previous"));
            assertEquals(PAGE, ids(page).size(), "every page before the last is full");
            seen.addAll(0, ids(page));
        }
        assertEquals(ids(parents(-1)), seen);
    }

    @Test
    @Order(3)
    void everyOffsetGivesTheSameRowsAsTheCursors() {
        List<String> expected = ids(parents(-1));
        for (int offset : new int[] {0, 1, 24, 25, 60, 68, 69, 70, 100, 112, 130, 136}) {
            Map<String, Object> page = get("accounts?tab=provision&limit=" + PAGE + "&offset=" + offset);
            assertEquals(offset, ((Number) page.get("offset")).intValue());
            assertEquals(expected.subList(offset, Math.min(PARENTS, offset + PAGE)), ids(page), "offset " + offset);
            assertEquals(offset + PAGE < PARENTS, page.get("next") != null, "next at offset " + offset);
            assertEquals(offset > 0, page.get("previous") != null, "previous at offset " + offset);
        }
        assertTrue(ids(get("accounts?tab=provision&limit=" + PAGE + "&offset=" + PARENTS)).isEmpty(), "past the end");
        assertEquals(PARENTS, ((Number) counts().get("provision")).intValue());
    }

    @Test
    @Order(4)
    void aSearchMatchesNamePrefixesAndSourcedIdsInListOrder() {
        List<String> brooks = parents(-1).stream().filter(p -> p.familyKey().startsWith("brook") || p.givenKey().startsWith("brook"))
                .sorted(LIST_ORDER).map(Parent::id).toList();
        Map<String, Object> first = get("accounts?tab=provision&limit=" + PAGE + "&q=BROOK");
        assertEquals(brooks.size(), ((Number) first.get("total")).intValue());
        assertEquals(false, first.get("totalIsEstimate"));
        List<String> seen = new ArrayList<>(ids(first));
        Map<String, Object> page = first;
        while (page.get("next") != null) {
            page = get("accounts?tab=provision&limit=" + PAGE + "&q=BROOK&after=" + page.get("next"));
            seen.addAll(ids(page));
        }
        assertEquals(brooks, seen);
        assertEquals(List.of("hp-17"), ids(get("accounts?tab=provision&q=hp-17")), "an exact sourcedId");
        assertEquals(0, ((Number) get("accounts?tab=provision&q=brook_").get("total")).intValue(), "_ matches itself, not the s of Brooks");
    }

    @Test
    @Order(5)
    void aRosterRenameMovesTheParentInTheList() {
        importRoster(parents(7));
        Await.until(() -> ids(get("accounts?tab=provision&limit=1")).equals(List.of("hp-7")), "renamed to the front of the list");
        assertEquals(ids(parents(7)), allByCursor());
        assertTrue(((String) ((Map<?, ?>) items(get("accounts?tab=provision&limit=1")).get(0)).get("name")).endsWith("Aaronson"));
    }

    @Test
    @Order(6)
    void aCursorThatIsNotOneIsRefused() {
        HttpResponse<String> refused = HTTP.get(BASE + "/api/panel/accounts?tab=provision&after=not-a-cursor", "Authorization", bearer(admin));
        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("invalid_cursor"), refused.body());
        assertEquals(400, HTTP.get(BASE + "/api/panel/accounts?after=YQ.Yg.Yw&before=YQ.Yg.Yw", "Authorization", bearer(admin)).statusCode(),
                "after and before at once");
    }

    // ---- helpers ----

    /** The roster's parents; {@code renamed} (if any) is given the family name that sorts first. */
    private static List<Parent> parents(int renamed) {
        List<Parent> parents = new ArrayList<>();
        for (int i = 1; i <= PARENTS; i++) {
            parents.add(new Parent("hp-" + i, GIVEN[i % GIVEN.length], i == renamed ? "Aaronson" : FAMILIES[i % FAMILIES.length]));
        }
        return parents;
    }

    private static void importRoster(List<Parent> parents) {
        StringBuilder users = new StringBuilder(USERS_HEADER);
        for (Parent parent : parents) {
            String n = parent.id().substring("hp-".length());
            users.append("hs-").append(n).append(",,,true,org-1,student,,,Kid").append(n).append(',').append(parent.family())
                    .append(",,,,,,").append(parent.id()).append(",04,\n");
            users.append(parent.id()).append(",,,true,org-1,parent,,,").append(parent.given()).append(',').append(parent.family())
                    .append(",,,").append(parent.id()).append("@hillside.example,,,,,\n");
        }
        byte[] zip = OneRosterZip.fromFolder(OneRosterZip.sample("v1p1-bulk")).with("users.csv", users.toString()).bytes();
        Map<String, Object> done = OPERATOR.importAndWait(tenant, zip);
        assertEquals("SUCCEEDED", done.get("status"), done.toString());
    }

    private static List<String> allByCursor() {
        List<String> seen = new ArrayList<>();
        Map<String, Object> page = get("accounts?tab=provision&limit=" + PAGE);
        seen.addAll(ids(page));
        while (page.get("next") != null) {
            page = get("accounts?tab=provision&limit=" + PAGE + "&after=" + page.get("next"));
            seen.addAll(ids(page));
        }
        return seen;
    }

    private static List<String> ids(List<Parent> parents) {
        return parents.stream().sorted(LIST_ORDER).map(Parent::id).toList();
    }

    private static List<String> ids(Map<String, Object> page) {
        return items(page).stream().map(r -> (String) ((Map<?, ?>) r).get("personSourcedId")).toList();
    }

    private static List<?> items(Map<String, Object> page) {
        return (List<?>) page.get("items");
    }

    private static Map<?, ?> counts() {
        return (Map<?, ?>) get("accounts/summary").get("counts");
    }

    private static int total(String path) {
        return ((Number) get(path).get("total")).intValue();
    }

    private static Map<String, Object> get(String path) {
        HttpResponse<String> response = HTTP.get(BASE + "/api/panel/" + path, "Authorization", bearer(admin));
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        return OperatorApi.json(response);
    }
}
