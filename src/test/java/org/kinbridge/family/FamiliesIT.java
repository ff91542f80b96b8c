package org.kinbridge.family;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kinbridge.testing.Http.bearer;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kinbridge.testing.Deployments;
import org.kinbridge.testing.Http;
import org.kinbridge.testing.IdToken;
import org.kinbridge.testing.LaunchedSchool;
import org.kinbridge.testing.LtiFlow;
import org.kinbridge.testing.OneRosterZip;
import org.kinbridge.testing.OperatorApi;
import org.kinbridge.testing.TestPlatform;

/**
 * A school admin's family work through the panel API, with a real panel token from an LTI launch:
 * search, manual connect and remove, blocks that outlive re-imports, and who may do none of it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FamiliesIT {

    private static final Http HTTP = new Http();
    private static final String BASE = Deployments.baseUrl();
    private static final OperatorApi OPERATOR = new OperatorApi(HTTP, BASE, Deployments.operatorToken());
    private static final byte[] RIVERSIDE = OneRosterZip.fromFolder(OneRosterZip.sample("v1p1-bulk")).bytes();

    private static LaunchedSchool school;
    private static TestPlatform platform;
    private static String tenant;
    private static String adminToken;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.kinbridgeWar();
    }

    @BeforeAll
    static void aSchoolWithItsRoster() {
        school = OPERATOR.launchedSchool("Riverside");
        platform = school.platform();
        tenant = school.tenant();
        adminToken = school.adminToken();
        assertEquals("SUCCEEDED", OPERATOR.importAndWait(tenant, RIVERSIDE).get("status"));
    }

    @AfterAll
    static void stopPlatform() {
        school.close();
    }

    @Test
    void searchFindsPeopleByNamePrefixUsernameAndIdWithFilters() {
        assertEquals(List.of("par-1", "par-2", "stu-1", "stu-2"), ids(panelGet("people?q=Bro")));
        assertEquals(List.of("stu-3"), ids(panelGet("people?q=cara.d")));
        assertEquals(List.of("tch-1"), ids(panelGet("people?q=tch-1")));
        assertEquals(List.of("rel-1"), ids(panelGet("people?filter=relatives")));
        assertEquals(List.of("par-4"), ids(panelGet("people?filter=parents-without-email")));
        Map<String, Object> page = OperatorApi.json(panel("GET", "people?filter=students&limit=2&offset=2", null));
        assertEquals(5, ((Number) page.get("total")).intValue());
        assertEquals(2, ((List<?>) page.get("items")).size());
        assertEquals(400, panel("GET", "people?filter=everyone-ever", null).statusCode());
    }

    @Test
    void aFamilyShowsBothSidesOfItsLinks() {
        Map<String, Object> family = OperatorApi.json(panel("GET", "people/par-1", null));
        List<?> links = (List<?>) family.get("links");
        assertEquals(List.of("stu-1", "stu-2"), links.stream().map(l -> (String) ((Map<?, ?>) l).get("otherSourcedId")).sorted().toList());
        assertEquals(404, panel("GET", "people/nobody", null).statusCode());
    }

    @Test
    void aManualLinkAndABlockBothOutliveTheNextImport() {
        HttpResponse<String> connected = panel("POST", "links", "{\"studentSourcedId\":\"stu-4\",\"guardianSourcedId\":\"par-3\","
                + "\"guardianRole\":\"guardian\",\"reason\":\"Kinship carer, letter on file\"}");
        assertEquals(201, connected.statusCode(), connected.body());
        assertEquals(409, panel("POST", "links", "{\"studentSourcedId\":\"stu-4\",\"guardianSourcedId\":\"par-3\","
                + "\"guardianRole\":\"guardian\",\"reason\":\"again\"}").statusCode());
        assertEquals(204, panel("POST", "links/remove", "{\"studentSourcedId\":\"stu-1\",\"guardianSourcedId\":\"par-2\","
                + "\"reason\":\"Court order\",\"block\":true}").statusCode());
        assertEquals(409, panel("POST", "links", "{\"studentSourcedId\":\"stu-1\",\"guardianSourcedId\":\"par-2\","
                + "\"guardianRole\":\"parent\",\"reason\":\"try\"}").statusCode(), "a blocked pair cannot be connected");

        Map<String, Object> reimport = OPERATOR.importAndWait(tenant, RIVERSIDE);
        assertEquals("SUCCEEDED", reimport.get("status"));
        assertEquals(1, ((Number) ((Map<?, ?>) reimport.get("counts")).get("linksBlocked")).intValue());
        List<String> links = OPERATOR.guardianships(tenant);
        assertTrue(links.contains("stu-1,par-2,parent,inactive"), links.toString());
        assertTrue(links.contains("stu-4,par-3,guardian,active"), links.toString());

        List<?> history = (List<?>) OperatorApi.json(panel("GET", "people/par-2", null)).get("history");
        assertTrue(history.stream().anyMatch(h -> "link.removed_and_blocked".equals(((Map<?, ?>) h).get("action"))
                && ((String) ((Map<?, ?>) h).get("actor")).startsWith("Alice Admin")), history.toString());
    }

    @Test
    void manualChangesAreCheckedAndNeedAReason() {
        assertError(panel("POST", "links", "{\"studentSourcedId\":\"stu-5\",\"guardianSourcedId\":\"par-4\",\"guardianRole\":\"parent\"}"),
                400, "reason_required");
        assertError(panel("POST", "links", "{\"studentSourcedId\":\"par-4\",\"guardianSourcedId\":\"stu-5\",\"guardianRole\":\"parent\","
                + "\"reason\":\"x\"}"), 400, "invalid_link");
        assertError(panel("POST", "links", "{\"studentSourcedId\":\"stu-5\",\"guardianSourcedId\":\"par-4\",\"guardianRole\":\"uncle\","
                + "\"reason\":\"x\"}"), 400, "invalid_role");
        assertError(panel("POST", "links", "{\"studentSourcedId\":\"stu-5\",\"guardianSourcedId\":\"ghost\",\"guardianRole\":\"parent\","
                + "\"reason\":\"x\"}"), 404, "unknown_person");
        assertError(panel("POST", "links/remove", "{\"studentSourcedId\":\"stu-5\",\"guardianSourcedId\":\"par-4\",\"reason\":\"x\"}"),
                404, "unknown_link");
    }

    @Test
    void parentsAndOtherSchoolsCannotReachTheseFamilies() {
        String parentToken = LtiFlow.panelToken(new LtiFlow(HTTP, BASE).loginAndLaunch(platform,
                t -> t.roles(IdToken.MENTOR).lti("role_scope_mentor", List.of("stu-1")).signed()));
        assertEquals(403, HTTP.get(BASE + "/api/panel/people?q=a", "Authorization", bearer(parentToken)).statusCode());
        assertEquals(403, HTTP.postJson(BASE + "/api/panel/links", "{\"studentSourcedId\":\"stu-5\",\"guardianSourcedId\":\"par-4\","
                + "\"guardianRole\":\"parent\",\"reason\":\"x\"}", "Authorization", bearer(parentToken)).statusCode());
        assertEquals(403, HTTP.get(BASE + "/api/panel/imports", "Authorization", bearer(parentToken)).statusCode());

        try (TestPlatform other = new TestPlatform()) {
            String otherTenant = OPERATOR.createTenant("Elsewhere");
            OPERATOR.registerPlatform(otherTenant, other);
            String otherAdmin = LtiFlow.panelToken(new LtiFlow(HTTP, BASE).loginAndLaunch(other, IdToken::signed));
            assertEquals(404, HTTP.get(BASE + "/api/panel/people/stu-1", "Authorization", bearer(otherAdmin)).statusCode());
            assertEquals(0, ((Number) OperatorApi.json(HTTP.get(BASE + "/api/panel/people?q=brook", "Authorization",
                    bearer(otherAdmin))).get("total")).intValue());
            assertEquals(404, HTTP.postJson(BASE + "/api/panel/links/remove", "{\"studentSourcedId\":\"stu-1\","
                    + "\"guardianSourcedId\":\"par-1\",\"reason\":\"x\"}", "Authorization", bearer(otherAdmin)).statusCode());
            assertTrue(OPERATOR.guardianships(tenant).contains("stu-1,par-1,parent,active"));
        }
    }

    @Test
    void anAdminCanImportThroughThePanel() {
        HttpResponse<String> accepted = HTTP.send(HttpRequest.newBuilder(URI.create(BASE + "/api/panel/imports"))
                .header("Content-Type", "application/zip").header("X-File-Name", "riverside.zip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(RIVERSIDE)), "Authorization", bearer(adminToken));
        assertEquals(202, accepted.statusCode(), accepted.body());
        String id = (String) OperatorApi.json(accepted).get("id");
        Map<String, Object> done = OPERATOR.awaitImport(tenant, id);
        assertEquals("SUCCEEDED", done.get("status"));
        assertTrue(((String) done.get("requestedBy")).startsWith("Alice Admin"));
    }

    private static List<String> ids(HttpResponse<String> page) {
        assertEquals(200, page.statusCode(), page.body());
        return ((List<?>) OperatorApi.json(page).get("items")).stream()
                .map(p -> (String) ((Map<?, ?>) p).get("sourcedId")).sorted().toList();
    }

    private static HttpResponse<String> panelGet(String path) {
        return panel("GET", path, null);
    }

    private static HttpResponse<String> panel(String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(BASE + "/api/panel/" + path));
        if (json == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        return HTTP.send(request, "Authorization", bearer(adminToken));
    }

    private static void assertError(HttpResponse<String> response, int status, String error) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(error, OperatorApi.json(response).get("error"));
    }
}
