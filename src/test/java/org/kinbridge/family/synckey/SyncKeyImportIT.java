package org.kinbridge.family.synckey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kinbridge.testing.Deployments;
import org.kinbridge.testing.Http;
import org.kinbridge.testing.IdToken;
import org.kinbridge.testing.LtiFlow;
import org.kinbridge.testing.OneRosterZip;
import org.kinbridge.testing.OperatorApi;
import org.kinbridge.testing.TestPlatform;

/**
 * Parent files with a sync key, sent over HTTP to a school whose roster is the v1p1-bulk sample
 * (students stu-1..stu-5, usernames ava.brook..eli.fox, identifiers S1001..S1005), and the families
 * they give read back through the guardianship export.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SyncKeyImportIT {

    private static final Http HTTP = new Http();
    private static final String BASE = Deployments.baseUrl();
    private static final OperatorApi OPERATOR = new OperatorApi(HTTP, BASE, Deployments.operatorToken());
    private static final List<String> ROSTER_LINKS = List.of("stu-1,par-1,parent,active", "stu-1,par-2,parent,active",
            "stu-2,par-1,parent,active", "stu-3,par-3,guardian,active", "stu-4,par-4,parent,active", "stu-5,rel-1,relative,active");
    private static final String FAMILIES = "ParentId,Children,givenName,familyName,email\n"
            + "P1,\"stu-1, stu-2\",Mara,Brook,mara@mail.example\n"
            + "P2,stu-3,Gus,Diaz,\n";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.kinbridgeWar();
    }

    private static String schoolWithRoster(String name) {
        String tenant = OPERATOR.createTenant(name);
        OPERATOR.importSample(tenant, "v1p1-bulk");
        return tenant;
    }

    @Test
    void eachChildMatchingModeFindsOnlyActiveStudents() {
        String tenant = schoolWithRoster("Sync modes");

        Map<String, Object> byId = applied(tenant, "ParentId,Children\nI1,stu-1;S1002;tom.teacher\nI2,par-1\n", "ParentId", "Children", "INTERNAL_ID");
        assertCounts(byId, 2, 0, 0, 1, 0, 0);
        assertEquals(List.of("unknown_child:2", "unknown_child:2", "unknown_child:3"), codes(byId));

        Map<String, Object> byKey = applied(tenant, "Sync,Pupils\nK1,S1003\nK2,\"stu-4,S1005\"\n", "sync", "PUPILS", "SYNC_KEY");
        assertCounts(byKey, 2, 0, 0, 3, 0, 0);
        assertEquals(List.of(), codes(byKey));

        Map<String, Object> byUsername = applied(tenant, "Sync,Pupils\nU1,ELI.FOX; ben.brook ;paula.brook\n", "Sync", "Pupils", "USERNAME");
        assertCounts(byUsername, 1, 0, 0, 2, 0, 0);
        assertEquals(List.of("unknown_child:2"), codes(byUsername), "an adult's username is not a child's");

        List<String> expected = new ArrayList<>(ROSTER_LINKS);
        expected.addAll(List.of("stu-1,sync:I1,parent,active", "stu-3,sync:K1,parent,active", "stu-4,sync:K2,parent,active",
                "stu-5,sync:K2,parent,active", "stu-5,sync:U1,parent,active", "stu-2,sync:U1,parent,active"));
        assertEquals(expected.stream().sorted().toList(), OPERATOR.guardianships(tenant), "earlier files' parents are left alone");

        Map<String, Object> page = OperatorApi.json(OPERATOR.get("/api/v1/tenants/" + tenant + "/guardianships?limit=1000"));
        assertTrue(((List<?>) page.get("items")).stream().map(Map.class::cast).anyMatch(item -> "sync:K2".equals(item.get("guardianSourcedId"))
                && "SYNC_KEY".equals(item.get("source")) && "K2".equals(item.get("sourceRef"))), page.toString());
    }

    @Test
    void childrenMaySpreadOverSeveralColumns() {
        String tenant = schoolWithRoster("Sync child columns");
        HttpResponse<String> response = upload("/api/v1/tenants/" + tenant + "/parents/imports",
                "?syncColumn=Family&childColumn=Child%201&childColumn=child%202&childMatch=SYNC_KEY",
                "Family,Child 1,Child 2\nC1,S1001,\"S1002;S1003\"\nC2,,S1004\nC3,,\n", Deployments.operatorToken());
        assertEquals(200, response.statusCode(), response.body());
        Map<String, Object> summary = OperatorApi.json(response);
        assertCounts(summary, 3, 0, 0, 4, 0, 0);
        Map<?, ?> noChild = (Map<?, ?>) ((List<?>) summary.get("issues")).get(0);
        assertEquals(List.of("missing_value", 4, "Child 1, child 2", false),
                List.of(noChild.get("code"), ((Number) noChild.get("row")).intValue(), noChild.get("column"), noChild.get("rowRefused")));
        assertTrue(OPERATOR.guardianships(tenant).containsAll(List.of("stu-1,sync:C1,parent,active", "stu-2,sync:C1,parent,active",
                "stu-3,sync:C1,parent,active", "stu-4,sync:C2,parent,active")), OPERATOR.guardianships(tenant).toString());
    }

    @Test
    void rowsRepeatingASyncValueAreRefusedAndReported() {
        String tenant = schoolWithRoster("Sync duplicates");
        Map<String, Object> summary = applied(tenant, "ParentId,Children\nD1,stu-1\nD2,stu-2\nD1,stu-3\n,stu-4\n",
                "ParentId", "Children", "INTERNAL_ID");
        assertCounts(summary, 1, 0, 0, 1, 0, 0);
        assertEquals(List.of("duplicate_sync_value:2", "missing_value:5", "duplicate_sync_value:4").stream().sorted().toList(),
                codes(summary).stream().sorted().toList());
        assertEquals(3, number(summary, "rowsRefused"));
        Map<?, ?> first = (Map<?, ?>) ((List<?>) summary.get("issues")).get(0);
        assertEquals("ParentId", first.get("column"));
        assertEquals(true, first.get("rowRefused"));
        assertTrue(((String) first.get("message")).contains("rows 2, 4"), first.toString());
        assertFalse(OPERATOR.guardianships(tenant).stream().anyMatch(l -> l.contains("sync:D1")));
        assertTrue(OPERATOR.guardianships(tenant).contains("stu-2,sync:D2,parent,active"));
    }

    @Test
    void aPreviewSaysWhatWouldHappenAndWritesNothing() throws SQLException {
        String tenant = schoolWithRoster("Sync preview");
        HttpResponse<String> response = upload("/api/v1/tenants/" + tenant + "/parents/imports",
                "?syncColumn=ParentId&childColumn=Children&childMatch=INTERNAL_ID&preview=true", FAMILIES, Deployments.operatorToken());
        assertEquals(200, response.statusCode(), response.body());
        Map<String, Object> preview = OperatorApi.json(response);
        assertEquals(true, preview.get("preview"));
        assertCounts(preview, 2, 0, 0, 3, 0, 0);
        assertEquals(3, ((List<?>) preview.get("links")).size());
        assertEquals(ROSTER_LINKS.stream().sorted().toList(), OPERATOR.guardianships(tenant));
        assertEquals(0, count("SELECT COUNT(*) FROM person WHERE tenant_id = ? AND sourced_id LIKE 'sync:%'", tenant));
        assertEquals(0, count("SELECT COUNT(*) FROM audit_entry WHERE tenant_id = ? AND actor = 'operator'", tenant));

        Map<String, Object> applied = applied(tenant, FAMILIES, "ParentId", "Children", "INTERNAL_ID");
        assertEquals(false, applied.get("preview"));
        assertCounts(applied, 2, 0, 0, 3, 0, 0);
    }

    @Test
    void theSameFileAgainIsANoOpAndAChangedFileUpdatesInPlace() throws SQLException {
        String tenant = schoolWithRoster("Sync changes");
        assertCounts(applied(tenant, FAMILIES, "ParentId", "Children", "INTERNAL_ID"), 2, 0, 0, 3, 0, 0);
        List<String> after = OPERATOR.guardianships(tenant);
        int audited = count("SELECT COUNT(*) FROM audit_entry WHERE tenant_id = ? AND actor = 'operator' AND action LIKE 'link.%'", tenant);
        assertEquals(3, audited, "every link change is audited");

        Map<String, Object> again = applied(tenant, FAMILIES, "ParentId", "Children", "INTERNAL_ID");
        assertCounts(again, 0, 0, 2, 0, 0, 3);
        assertEquals(List.of(), again.get("links"));
        assertEquals(after, OPERATOR.guardianships(tenant));
        assertEquals(audited, count("SELECT COUNT(*) FROM audit_entry WHERE tenant_id = ? AND actor = 'operator' AND action LIKE 'link.%'", tenant));

        String changed = "ParentId,Children,givenName,familyName,email\n"
                + "P1,stu-1,Marah,Brook,mara@mail.example\n"
                + "P2,stu-3,Gus,Diaz,\n";
        Map<String, Object> update = applied(tenant, changed, "ParentId", "Children", "INTERNAL_ID");
        assertCounts(update, 0, 1, 1, 0, 1, 2);
        List<String> links = OPERATOR.guardianships(tenant);
        assertTrue(links.contains("stu-2,sync:P1,parent,inactive"), links.toString());
        assertTrue(links.contains("stu-1,sync:P1,parent,active"), links.toString());
        assertTrue(links.containsAll(ROSTER_LINKS), "roster links are never touched");
        assertEquals("Marah", text("SELECT given_name FROM person WHERE tenant_id = ? AND sourced_id = 'sync:P1'", tenant));
        assertEquals(1, count("SELECT COUNT(*) FROM person WHERE tenant_id = ? AND sourced_id LIKE 'sync:%P1'", tenant));

        Map<String, Object> restored = applied(tenant, FAMILIES, "ParentId", "Children", "INTERNAL_ID");
        assertCounts(restored, 0, 1, 1, 1, 0, 2);
        assertEquals(after, OPERATOR.guardianships(tenant));
    }

    @Test
    void aFullRosterImportLeavesSyncKeyParentsAlone() throws SQLException {
        String tenant = schoolWithRoster("Sync and roster");
        assertCounts(applied(tenant, FAMILIES, "ParentId", "Children", "INTERNAL_ID"), 2, 0, 0, 3, 0, 0);
        assertEquals("SUCCEEDED", OPERATOR.importAndWait(tenant,
                OneRosterZip.fromFolder(OneRosterZip.sample("v1p1-bulk")).bytes()).get("status"));
        assertEquals(2, count("SELECT COUNT(*) FROM person WHERE tenant_id = ? AND sourced_id LIKE 'sync:%' AND active = TRUE", tenant),
                "the roster does not own sync-key parents, so a bulk file without them does not end them");
        assertCounts(applied(tenant, FAMILIES, "ParentId", "Children", "INTERNAL_ID"), 0, 0, 2, 0, 0, 3);
    }

    @Test
    void aBlockedPairIsNeverLinked() throws SQLException {
        String tenant = schoolWithRoster("Sync blocks");
        try (Connection db = database();
             PreparedStatement block = db.prepareStatement("INSERT INTO link_block (tenant_id, student_sourced_id, "
                     + "guardian_sourced_id, reason, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            block.setString(1, tenant);
            block.setString(2, "stu-2");
            block.setString(3, "sync:P1");
            block.setString(4, "court order");
            block.setString(5, "test");
            block.setTimestamp(6, Timestamp.from(Instant.now()));
            block.executeUpdate();
        }
        Map<String, Object> summary = applied(tenant, FAMILIES, "ParentId", "Children", "INTERNAL_ID");
        assertCounts(summary, 2, 0, 0, 2, 0, 0);
        assertEquals(List.of("blocked_pair:2"), codes(summary));
        assertFalse(OPERATOR.guardianships(tenant).stream().anyMatch(l -> l.startsWith("stu-2,sync:P1")));
    }

    @Test
    void anotherSchoolsStudentsCannotBeMatched() {
        String alder = schoolWithRoster("Sync Alder");
        String birch = OPERATOR.createTenant("Sync Birch");
        Map<String, Object> birchSummary = applied(birch, FAMILIES, "ParentId", "Children", "INTERNAL_ID");
        assertCounts(birchSummary, 2, 0, 0, 0, 0, 0);
        assertEquals(List.of("unknown_child:2", "unknown_child:2", "unknown_child:3"), codes(birchSummary));
        assertEquals(List.of(), OPERATOR.guardianships(birch));
        assertEquals(ROSTER_LINKS.stream().sorted().toList(), OPERATOR.guardianships(alder));

        assertCounts(applied(alder, FAMILIES, "ParentId", "Children", "INTERNAL_ID"), 2, 0, 0, 3, 0, 0);
    }

    @Test
    void badRequestsAreRefusedClearlyAndChangeNothing() {
        String tenant = schoolWithRoster("Sync refusals");
        String path = "/api/v1/tenants/" + tenant + "/parents/imports";
        String query = "?syncColumn=ParentId&childColumn=Children&childMatch=INTERNAL_ID";
        String token = Deployments.operatorToken();
        assertRefused(upload(path, "?syncColumn=Parent&childColumn=Children&childMatch=INTERNAL_ID", FAMILIES, token), 400, "missing_column");
        assertRefused(upload(path, query + "&emailColumn=Mail", FAMILIES, token), 400, "missing_column");
        assertRefused(upload(path, "?syncColumn=ParentId&childColumn=Children&childMatch=EMAIL", FAMILIES, token), 400, "invalid_child_match");
        assertRefused(upload(path, "?childColumn=Children&childMatch=USERNAME", FAMILIES, token), 400, "missing_parameter");
        assertRefused(upload(path, query, "", token), 400, "empty_file");
        assertRefused(upload(path, query, "ParentId,Children\nP1,\"stu-1\n" + "x".repeat(70_000), token), 400, "invalid_csv");
        assertRefused(upload(path, query, "ParentId,Children\n" + "P,stu-1\n".repeat(2_700_000), token), 400, "file_too_large");
        assertRefused(upload("/api/v1/tenants/no-such-school/parents/imports", query, FAMILIES, token), 404, "unknown_tenant");
        assertEquals(401, upload(path, query, FAMILIES, "guess").statusCode());
        HttpResponse<String> json = HTTP.send(HttpRequest.newBuilder(URI.create(BASE + path + query))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")),
                "Authorization", Http.bearer(token));
        assertRefused(json, 415, "unsupported_media_type");
        assertEquals(ROSTER_LINKS.stream().sorted().toList(), OPERATOR.guardianships(tenant));
    }

    @Test
    void aSchoolAdminImportsThroughThePanelAndOthersAreRefused() throws SQLException {
        String tenant = schoolWithRoster("Sync panel");
        PanelTokens tokens = panelTokens(tenant);
        String query = "?syncColumn=ParentId&childColumn=Children&childMatch=INTERNAL_ID";

        HttpResponse<String> preview = upload("/api/panel/parents/imports", query + "&preview=true", FAMILIES, tokens.admin());
        assertEquals(200, preview.statusCode(), preview.body());
        assertCounts(OperatorApi.json(preview), 2, 0, 0, 3, 0, 0);
        assertEquals(ROSTER_LINKS.stream().sorted().toList(), OPERATOR.guardianships(tenant));

        HttpResponse<String> applied = upload("/api/panel/parents/imports", query, FAMILIES, tokens.admin());
        assertEquals(200, applied.statusCode(), applied.body());
        assertCounts(OperatorApi.json(applied), 2, 0, 0, 3, 0, 0);
        assertTrue(OPERATOR.guardianships(tenant).contains("stu-3,sync:P2,parent,active"));
        assertEquals(3, count("SELECT COUNT(*) FROM audit_entry WHERE tenant_id = ? AND action = 'link.created' "
                + "AND actor = 'Alice Admin (user-admin-1)'", tenant));

        HttpResponse<String> asParent = upload("/api/panel/parents/imports", query, FAMILIES.replace("P2", "P3"), tokens.mentor());
        assertRefused(asParent, 403, "forbidden");
        assertEquals(401, upload("/api/panel/parents/imports", query, FAMILIES, "not-a-token").statusCode());
        assertFalse(OPERATOR.guardianships(tenant).stream().anyMatch(l -> l.contains("sync:P3")));
    }

    @Test
    void thePanelShowsAnAdminTheFilesColumnsToChooseFromAndStoresNothing() throws SQLException {
        String tenant = schoolWithRoster("Sync columns");
        PanelTokens tokens = panelTokens(tenant);
        String path = "/api/panel/parents/imports/columns";

        HttpResponse<String> read = upload(path, "", "\uFEFFParentId,Children,,email\r\nP1,\"stu-1, stu-2\",x,m@x.test\r\n\r\nP2,stu-3\r\n",
                tokens.admin());
        assertEquals(200, read.statusCode(), read.body());
        Map<String, Object> columns = OperatorApi.json(read);
        assertEquals(List.of("ParentId", "Children", "email"), columns.get("columns"));
        assertEquals(List.of(List.of("P1", "stu-1, stu-2", "m@x.test"), List.of("P2", "stu-3", "")), columns.get("sampleRows"));
        assertEquals(2, number(columns, "rowCount"));
        assertEquals(0, count("SELECT COUNT(*) FROM person WHERE tenant_id = ? AND sourced_id LIKE 'sync:%'", tenant));

        assertRefused(upload(path, "", "", tokens.admin()), 400, "empty_file");
        assertRefused(upload(path, "", "ParentId,Children\nP1,\"stu-1\n" + "x".repeat(70_000), tokens.admin()), 400, "invalid_csv");
        assertRefused(upload(path, "", FAMILIES, tokens.mentor()), 403, "forbidden");
        assertEquals(401, upload(path, "", FAMILIES, "not-a-token").statusCode());
    }

    /** Panel tokens of the tenant's school admin and of a parent (a mentor), each from a real LTI launch. */
    private record PanelTokens(String admin, String mentor) {
    }

    private static PanelTokens panelTokens(String tenant) {
        try (TestPlatform platform = new TestPlatform()) {
            OPERATOR.registerPlatform(tenant, platform);
            LtiFlow flow = new LtiFlow(HTTP, BASE);
            return new PanelTokens(LtiFlow.panelToken(flow.loginAndLaunch(platform, IdToken::signed)),
                    LtiFlow.panelToken(flow.loginAndLaunch(platform, token -> token.roles(IdToken.MENTOR)
                            .lti("role_scope_mentor", List.of("stu-1")).signed())));
        }
    }

    private static Map<String, Object> applied(String tenant, String csv, String syncColumn, String childColumn, String childMatch) {
        HttpResponse<String> response = upload("/api/v1/tenants/" + tenant + "/parents/imports", "?syncColumn=" + Http.encode(syncColumn)
                + "&childColumn=" + Http.encode(childColumn) + "&childMatch=" + childMatch, csv, Deployments.operatorToken());
        assertEquals(200, response.statusCode(), response.body());
        return OperatorApi.json(response);
    }

    private static HttpResponse<String> upload(String path, String query, String csv, String token) {
        return HTTP.send(HttpRequest.newBuilder(URI.create(BASE + path + query)).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv)), "Authorization", Http.bearer(token));
    }

    private static void assertCounts(Map<String, Object> summary, int parentsCreated, int parentsUpdated, int parentsUnchanged,
                                     int linksCreated, int linksEnded, int linksUnchanged) {
        assertEquals(List.of(parentsCreated, parentsUpdated, parentsUnchanged, linksCreated, linksEnded, linksUnchanged),
                List.of(number(summary, "parentsCreated"), number(summary, "parentsUpdated"), number(summary, "parentsUnchanged"),
                        number(summary, "linksCreated"), number(summary, "linksEnded"), number(summary, "linksUnchanged")),
                summary.toString());
    }

    private static int number(Map<String, Object> summary, String key) {
        return ((Number) summary.get(key)).intValue();
    }

    /** Each issue as {@code code:row}, in the order reported. */
    private static List<String> codes(Map<String, Object> summary) {
        return ((List<?>) summary.get("issues")).stream().map(Map.class::cast)
                .map(issue -> issue.get("code") + ":" + ((Number) issue.get("row")).intValue()).toList();
    }

    private static void assertRefused(HttpResponse<String> response, int status, String error) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(error, OperatorApi.json(response).get("error"), response.body());
    }

    private static Connection database() throws SQLException {
        return DriverManager.getConnection(System.getProperty("kb.test.db.url"), "postgres", "");
    }

    private static int count(String sql, String tenant) throws SQLException {
        return Integer.parseInt(text(sql, tenant));
    }

    private static String text(String sql, String tenant) throws SQLException {
        try (Connection db = database(); PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, tenant);
            try (ResultSet rs = query.executeQuery()) {
                assertTrue(rs.next());
                return rs.getString(1);
            }
        }
    }
}
