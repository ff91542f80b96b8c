package org.kinbridge.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kinbridge.testing.Http.bearer;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import com.nimbusds.jose.util.JSONArrayUtils;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
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
import org.kinbridge.testing.IdToken;
import org.kinbridge.testing.LaunchedSchool;
import org.kinbridge.testing.LtiFlow;
import org.kinbridge.testing.OneRosterZip;
import org.kinbridge.testing.OperatorApi;
import org.kinbridge.testing.ParentForms;
import org.kinbridge.testing.TestPlatform;

/**
 * A parent account's life as the school and the parent drive it: roster imports make parents ready, an admin
 * provisions them (welcome mail through a real SMTP server, GreenMail) or prints letters, parents activate,
 * sign in or arrive from the LMS, and later imports (a family split, a student leaving, a flag change) give
 * the reasons an admin revokes on. One ordered scenario; the server's SMTP port is fixed in arquillian.xml.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccountLifecycleIT {

    static final int SMTP_PORT = 30257;
    private static final Http HTTP = new Http();
    private static final String BASE = Deployments.baseUrl();
    private static final OperatorApi OPERATOR = new OperatorApi(HTTP, BASE, Deployments.operatorToken());
    private static final ParentForms FORMS = new ParentForms(HTTP, BASE);
    private static final Pattern LINK = Pattern.compile("(http\\S+/access/activate\\?school=\\S+&token=[A-Za-z0-9_-]+)");
    private static final Pattern CODE = Pattern.compile("\\b([A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4})\\b");
    private static final String GOOD_PASSWORD = "Maple-Harbour-42!";

    private static final String USERS_HEADER = "sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,userIds,"
            + "givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password\n";
    private static final String R1 = USERS_HEADER
            + "stu-1,,,true,org-1,student,ava.brook,,Ava,Brook,,S1001,,,,\"par-1,par-2\",03,\n"
            + "stu-2,,,true,org-1,student,ben.brook,,Ben,Brook,,S1002,,,,par-1,05,\n"
            + "stu-3,,,true,org-1,student,cara.diaz,,Cara,Diaz,,S1003,,,,par-3,04,\n"
            + "stu-4,,,true,org-1,student,dan.evans,,Dan,Evans,,S1004,,,,,02,\n"
            + "stu-5,,,true,org-1,student,eli.fox,,Eli,Fox,,S1005,,,,rel-1,06,\n"
            + "par-1,,,true,org-1,parent,paula.brook,,Paula,Brook,,,paula.brook@mail.example,,,\"stu-1,stu-2\",,\n"
            + "par-2,,,true,org-1,parent,peter.brook,,Peter,Brook,,,peter.brook@mail.example,,,,,\n"
            + "par-3,,,true,org-1,guardian,gina.diaz,,Gina,Diaz,,,gina.diaz@mail.example,,,,,\n"
            + "par-4,,,true,org-1,parent,hugo.evans,,Hugo,Evans,,,,,,stu-4,,\n"
            + "rel-1,,,true,org-1,relative,rita.fox,,Rita,Fox,,,rita.fox@mail.example,,,stu-5,,\n"
            + "tch-1,,,true,org-1,teacher,tom.teacher,,Tom,Teacher,,T01,tom.teacher@riverside.example,,,,,\n";
    /** A family split (Peter's new contact record par-2b), Cara leaving, and Paula's parental-access flag switched off. */
    private static final String R2 = R1
            .replace("\"par-1,par-2\",03", "\"par-1,par-2b\",03")
            .replace("stu-3,,,true,org-1,student,cara.diaz,,Cara,Diaz,,S1003,,,,par-3,04,\n", "")
            .replace("par-1,,,true,", "par-1,,,false,")
            + "par-2b,,,true,org-1,parent,peter.b,,Peter,Brook,,,peter.brook@mail.example,,,,,\n";

    private static GreenMail smtp;
    private static LaunchedSchool school;
    private static TestPlatform platform;
    private static String tenant;
    private static String adminToken;
    private static String paulaCookie;
    private static String lakeside;
    private static String lakesideAdmin;
    private static final int LAKESIDE_FAMILIES = 120;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.kinbridgeWar();
    }

    @BeforeAll
    static void aSchoolWithAnSmtpServer() {
        smtp = startSmtp();
        school = OPERATOR.launchedSchool("Riverside");
        platform = school.platform();
        tenant = school.tenant();
        adminToken = school.adminToken();
    }

    @AfterAll
    static void stopServers() {
        smtp.stop();
        school.close();
    }

    @Test
    @Order(1)
    void anImportMakesLinkedParentsReadyToProvisionAndEveryTransitionIsAudited() {
        importApplied(tenant, R1);
        Await.until(() -> ids(tab(adminToken, "provision")).equals(List.of("par-1", "par-2", "par-3", "par-4")), "four ready");
        Map<String, Object> summary = json(panel(adminToken, "GET", "accounts/summary", null));
        assertEquals(4, ((Number) counts(summary).get("provision")).intValue());
        assertEquals(true, summary.get("mailConfigured"));
        List<?> history = items(panel(adminToken, "GET", "audit?person=par-1&action=account.", null));
        Map<?, ?> ready = (Map<?, ?>) history.get(0);
        assertEquals("account.ready_to_provision", ready.get("action"));
        assertEquals("reasons-engine", ready.get("actor"));
        assertTrue(((String) ready.get("detail")).matches("from NOT_ELIGIBLE to READY_TO_PROVISION; reason: eligible; source: import:.+"),
                (String) ready.get("detail"));
        assertNotNull(ready.get("at"));
        assertFalse(ids(tab(adminToken, "provision")).contains("tch-1"));
    }

    @Test
    @Order(2)
    void relativesGetAccessOnlyWhenTheSchoolAllowsIt() {
        assertEquals(200, panel(adminToken, "PUT", "accounts/settings", "{\"relativesAllowed\":true,\"inviteDays\":7}").statusCode());
        assertTrue(ids(tab(adminToken, "provision")).contains("rel-1"));
        panel(adminToken, "PUT", "accounts/settings", "{\"relativesAllowed\":false,\"inviteDays\":7}");
        assertFalse(ids(tab(adminToken, "provision")).contains("rel-1"));
        assertEquals(List.of("RELATIVES_OFF"), reasonsOf("rel-1"));
    }

    @Test
    @Order(3)
    void provisioningSendsAWelcomeMailThroughSmtpAndSaysWhoCannotGetOne() throws Exception {
        String selection = "{\"action\":\"provision\",\"selection\":{\"people\":[\"par-1\",\"par-2\",\"par-3\",\"par-4\"]}}";
        Map<String, Object> preview = json(panel(adminToken, "POST", "accounts/actions/preview", selection));
        assertEquals(4, ((Number) preview.get("selected")).intValue());
        assertEquals(3, ((Number) preview.get("affected")).intValue());
        Map<String, Object> report = json(panel(adminToken, "POST", "accounts/actions", selection));
        assertEquals(3, ((Number) report.get("affected")).intValue());
        assertEquals("no_email", outcomeOf(report, "par-4").get("code"));
        assertTrue(smtp.waitForIncomingEmail(20_000, 3));
        assertEquals(List.of("gina.diaz@mail.example", "paula.brook@mail.example", "peter.brook@mail.example"), recipients());
        assertEquals("INVITED", stateOf("par-1"));
        Await.until(() -> "SENT".equals(row("par-1").get("inviteStatus")), "mail marked sent");
        String body = (String) messageTo("paula.brook@mail.example").getContent();
        assertTrue(body.contains("Riverside") && body.contains("Ava Brook") && body.contains("Ben Brook"), body);
        assertEquals(403, panel(parentToken("par-4"), "GET", "accounts?tab=active", null).statusCode(), "admins only");
    }

    @Test
    @Order(4)
    void anActivationLinkSetsAStrongPasswordOnceOnly() throws Exception {
        String link = linkIn(messageTo("paula.brook@mail.example"));
        HttpResponse<String> form = HTTP.get(link);
        assertEquals(200, form.statusCode(), form.body());
        assertTrue(form.body().contains("Paula Brook") && form.body().contains("paula.brook@mail.example"));
        String token = Http.queryOf(link).get("token");
        HttpResponse<String> weak = activate(token, null, "password1", "password1");
        assertEquals(400, weak.statusCode());
        assertTrue(weak.body().contains("kb-problem"));
        HttpResponse<String> done = activate(token, null, GOOD_PASSWORD, GOOD_PASSWORD);
        assertEquals(200, done.statusCode(), done.body());
        assertTrue(done.body().contains("kb-activated"));
        assertEquals("ACTIVE", stateOf("par-1"));
        HttpResponse<String> again = activate(token, null, GOOD_PASSWORD, GOOD_PASSWORD);
        assertEquals(400, again.statusCode());
        assertTrue(again.body().contains("not valid"));
        assertEquals(400, HTTP.get(link).statusCode(), "a used link shows nothing");
    }

    @Test
    @Order(5)
    void aReInviteIsLimitedToOneADayAndKillsTheOldLinkWhichAlsoExpires() throws Exception {
        String oldLink = linkIn(messageTo("peter.brook@mail.example"));
        Map<String, Object> tooSoon = json(panel(adminToken, "POST", "accounts/actions",
                "{\"action\":\"resend\",\"selection\":{\"people\":[\"par-2\"]}}"));
        assertEquals(0, ((Number) tooSoon.get("affected")).intValue());
        assertEquals("rate_limited", outcomeOf(tooSoon, "par-2").get("code"));

        sql("UPDATE parent_account SET activation_expires_at = activation_expires_at - INTERVAL '8 days', "
                + "last_invited_at = last_invited_at - INTERVAL '25 hours' WHERE tenant_id = ? AND person_sourced_id = 'par-2'");
        HttpResponse<String> expired = HTTP.get(oldLink);
        assertEquals(400, expired.statusCode());
        assertTrue(expired.body().contains("expired"), expired.body());
        Await.until(() -> "EXPIRED".equals(row("par-2").get("inviteStatus")), "expired shown");

        Map<String, Object> resent = json(panel(adminToken, "POST", "accounts/actions",
                "{\"action\":\"resend\",\"selection\":{\"people\":[\"par-2\"]}}"));
        assertEquals(1, ((Number) resent.get("affected")).intValue());
        assertTrue(smtp.waitForIncomingEmail(20_000, 4));
        List<MimeMessage> toPeter = messagesTo("peter.brook@mail.example");
        assertEquals(2, toPeter.size());
        String newLink = linkIn(toPeter.get(1));
        assertFalse(newLink.equals(oldLink));
        assertEquals(400, HTTP.get(oldLink).statusCode());
        assertEquals(200, HTTP.get(newLink).statusCode());
    }

    @Test
    @Order(6)
    void aParentSignsInWithTheirPasswordAndSeesOnlyTheirOwnChildren() {
        assertEquals(401, signIn("paula.brook@mail.example", "Wrong-Password-99").statusCode());
        HttpResponse<String> signedIn = signIn("Paula.Brook@mail.example", GOOD_PASSWORD);
        assertEquals(303, signedIn.statusCode(), signedIn.body());
        String setCookie = signedIn.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Lax"));
        paulaCookie = setCookie.substring(0, setCookie.indexOf(';'));
        HttpResponse<String> home = HTTP.get(BASE + "/access/home", "Cookie", paulaCookie);
        assertEquals(200, home.statusCode());
        assertTrue(home.body().contains("Ava Brook") && home.body().contains("Ben Brook") && home.body().contains("Riverside"));
        assertFalse(home.body().contains("Cara"));
        assertEquals(List.of("stu-1", "stu-2"), childIds(HTTP.get(BASE + "/access/api/children", "Cookie", paulaCookie)));
        assertEquals(200, HTTP.get(BASE + "/access/api/children/stu-1", "Cookie", paulaCookie).statusCode());
        assertEquals(404, HTTP.get(BASE + "/access/api/children/stu-3", "Cookie", paulaCookie).statusCode(), "another family's child");
        assertEquals(404, HTTP.get(BASE + "/access/api/children/tch-1", "Cookie", paulaCookie).statusCode());
        assertEquals(401, HTTP.get(BASE + "/access/api/children", "Cookie", "kb_parent=" + tenant + ".forged").statusCode());
    }

    @Test
    @Order(7)
    void aMentorLaunchOfTheRosteredAdultAcceptsTheInvitationAndShowsTheParentView() {
        HttpResponse<String> launch = mentorLaunch("par-3", List.of("stu-3"));
        assertEquals(200, launch.statusCode());
        assertTrue(launch.body().contains("Cara Diaz") && launch.body().contains("kb-children"), launch.body());
        assertEquals("ACTIVE", stateOf("par-3"));
        String token = LtiFlow.panelToken(launch);
        assertEquals(List.of("stu-3"), childIds(HTTP.get(BASE + "/api/panel/my/children", "Authorization", bearer(token))));
        assertEquals(404, HTTP.get(BASE + "/api/panel/my/children/stu-1", "Authorization", bearer(token)).statusCode());
        assertEquals(403, HTTP.get(BASE + "/api/panel/accounts", "Authorization", bearer(token)).statusCode());
        HttpResponse<String> forged = mentorLaunch("par-3", List.of("stu-1", "stu-2"));
        assertFalse(forged.body().contains("Ava Brook"), "mentee ids from the launch never widen what a parent sees");
    }

    @Test
    @Order(8)
    void aFamilySplitAStudentLeavingAndAFlagChangeGiveTheirReasonsButRevokeNothing() {
        importApplied(tenant, R2);
        Await.until(() -> ids(tab(adminToken, "revoke")).equals(List.of("par-1", "par-2", "par-3")), "three ready to revoke");
        assertEquals(List.of("FLAG_REMOVED"), reasonsOf("par-1"));
        assertEquals(List.of("CONTACT_NOT_LINKED"), reasonsOf("par-2"));
        assertEquals(List.of("NO_ACTIVE_STUDENTS"), reasonsOf("par-3"));
        assertTrue(ids(tab(adminToken, "provision")).contains("par-2b"));
        assertEquals(200, HTTP.get(BASE + "/access/api/children", "Cookie", paulaCookie).statusCode(), "nothing revoked automatically");

        Map<String, Object> report = json(panel(adminToken, "POST", "accounts/actions",
                "{\"action\":\"provision\",\"selection\":{\"people\":[\"par-2b\"]}}"));
        assertEquals(1, ((Number) report.get("affected")).intValue());
        assertEquals(List.of("CONTACT_NOT_LINKED", "REPLACED"), reasonsOf("par-2"));
        Map<?, ?> moved = (Map<?, ?>) items(panel(adminToken, "GET", "audit?person=par-3&action=account.ready_to_revoke", null)).get(0);
        assertTrue(((String) moved.get("detail")).contains("No active students at the school any more"), moved.toString());
    }

    @Test
    @Order(9)
    void aRestrictionSuspendsAtOnceAndBlocksActivationSignInAndData() throws Exception {
        assertTrue(smtp.waitForIncomingEmail(20_000, 5));
        String link = linkIn(messagesTo("peter.brook@mail.example").get(2));
        assertEquals(200, activate(Http.queryOf(link).get("token"), null, GOOD_PASSWORD, GOOD_PASSWORD).statusCode());
        HttpResponse<String> signedIn = signIn("peter.brook@mail.example", GOOD_PASSWORD);
        assertEquals(303, signedIn.statusCode());
        String cookie = signedIn.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        assertEquals(200, HTTP.get(BASE + "/access/api/children", "Cookie", cookie).statusCode());

        assertEquals(204, panel(adminToken, "POST", "accounts/par-2b/restriction",
                "{\"noLogin\":true,\"noData\":true,\"reason\":\"Court order on file\"}").statusCode());
        assertEquals("SUSPENDED", stateOf("par-2b"));
        assertTrue(reasonsOf("par-2b").contains("RESTRICTED"));
        assertEquals(401, HTTP.get(BASE + "/access/api/children", "Cookie", cookie).statusCode());
        assertEquals(403, signIn("peter.brook@mail.example", GOOD_PASSWORD).statusCode());
        HttpResponse<String> launch = mentorLaunch("par-2b", List.of("stu-1"));
        assertTrue(launch.body().contains("kb-no-access") && !launch.body().contains("Ava"), launch.body());
        Map<String, Object> resume = json(panel(adminToken, "POST", "accounts/actions",
                "{\"action\":\"resume\",\"selection\":{\"people\":[\"par-2b\"]}}"));
        assertEquals("restricted", outcomeOf(resume, "par-2b").get("code"));

        byte[] pdf = letters(adminToken, "{\"selection\":{\"people\":[\"par-4\"]}}");
        String code = codesIn(pdf).get(0);
        panel(adminToken, "POST", "accounts/par-4/restriction", "{\"noLogin\":true,\"reason\":\"Safeguarding\"}");
        assertEquals("SUSPENDED", stateOf("par-4"));
        HttpResponse<String> refused = activate(null, code, GOOD_PASSWORD, GOOD_PASSWORD);
        assertTrue(refused.statusCode() == 400 || refused.statusCode() == 403, refused.body());
        assertFalse(refused.body().contains("kb-activated"));
    }

    @Test
    @Order(10)
    void anAdminRevokesEveryoneReadyToRevokeInOneActionAndHistoryStays() {
        String all = "{\"action\":\"revoke\",\"selection\":{\"all\":true,\"tab\":\"revoke\"},\"reason\":\"Year-end tidy-up\"}";
        assertEquals(3, ((Number) json(panel(adminToken, "POST", "accounts/actions/preview", all)).get("affected")).intValue());
        Map<String, Object> report = json(panel(adminToken, "POST", "accounts/actions", all));
        assertEquals(3, ((Number) report.get("affected")).intValue());
        for (String person : List.of("par-1", "par-2", "par-3")) {
            assertEquals("REVOKED", stateOf(person));
        }
        assertEquals(401, HTTP.get(BASE + "/access/api/children", "Cookie", paulaCookie).statusCode(), "sessions removed");
        assertEquals(401, signIn("paula.brook@mail.example", GOOD_PASSWORD).statusCode(), "password removed");
        List<String> actions = items(panel(adminToken, "GET", "audit?person=par-1&action=account.", null)).stream()
                .map(e -> (String) ((Map<?, ?>) e).get("action")).toList();
        assertTrue(actions.containsAll(List.of("account.revoked", "account.ready_to_revoke", "account.active", "account.invited",
                "account.ready_to_provision")), actions.toString());
        HttpResponse<String> csv = panel(adminToken, "GET", "audit/export.csv?person=par-1", null);
        assertEquals(200, csv.statusCode());
        assertTrue(csv.body().startsWith("at,actor,action,subject,detail\r\n") && csv.body().contains("Year-end tidy-up"));
    }

    @Test
    @Order(11)
    void lettersPrintOnePagePerParentAndReprintingKillsOldCodes() throws Exception {
        try (LaunchedSchool launched = OPERATOR.launchedSchool("Lakeside Academy")) {
            lakeside = launched.tenant();
            lakesideAdmin = launched.adminToken();
        }
        StringBuilder users = new StringBuilder(USERS_HEADER);
        for (int i = 1; i <= LAKESIDE_FAMILIES; i++) {
            users.append("ls-").append(i).append(",,,true,org-1,student,,,Kid").append(i).append(",Lake,,,,,,lp-").append(i).append(",04,\n");
            users.append("lp-").append(i).append(",,,true,org-1,parent,,,Parent").append(i).append(",Lake,,,lp").append(i)
                    .append("@lakeside.example,,,,,\n");
        }
        importApplied(lakeside, users.toString());
        Await.until(() -> total(lakesideAdmin, "provision") == LAKESIDE_FAMILIES, "all ready");

        byte[] pdf = letters(lakesideAdmin, "{\"selection\":{\"all\":true,\"tab\":\"provision\"}}");
        PdfReader reader = new PdfReader(pdf);
        assertEquals(LAKESIDE_FAMILIES, reader.getNumberOfPages());
        PdfTextExtractor text = new PdfTextExtractor(reader);
        Map<String, String> codes = new HashMap<>();
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            String content = text.getTextFromPage(page);
            assertTrue(content.contains("Lakeside Academy") && content.contains("/access/activate"), content);
            Matcher parent = Pattern.compile("Dear (Parent\\d+) Lake").matcher(content);
            assertTrue(parent.find(), content);
            String n = parent.group(1).substring("Parent".length());
            assertTrue(content.contains("Kid" + n + " Lake"), content);
            Matcher code = CODE.matcher(content);
            assertTrue(code.find(), content);
            codes.put("lp-" + n, code.group(1));
        }
        assertEquals(LAKESIDE_FAMILIES, codes.size());
        assertEquals(LAKESIDE_FAMILIES, new java.util.HashSet<>(codes.values()).size());
        assertEquals(LAKESIDE_FAMILIES, total(lakesideAdmin, "active"));

        byte[] again = letters(lakesideAdmin, "{\"selection\":{\"people\":[\"lp-1\"]}}");
        String fresh = codesIn(again).get(0);
        assertEquals(400, activateAt(lakeside, null, codes.get("lp-1"), GOOD_PASSWORD, GOOD_PASSWORD).statusCode(), "old code killed");
        assertEquals(200, activateAt(lakeside, null, fresh.toLowerCase(), GOOD_PASSWORD, GOOD_PASSWORD).statusCode());
        assertEquals(200, activateAt(lakeside, null, codes.get("lp-2"), GOOD_PASSWORD, GOOD_PASSWORD).statusCode());
    }

    @Test
    @Order(12)
    void bulkRevokeOfManyAccountsAtOnce() {
        String all = "{\"action\":\"revoke\",\"selection\":{\"all\":true,\"tab\":\"active\"}}";
        Map<String, Object> report = json(panel(lakesideAdmin, "POST", "accounts/actions", all));
        assertEquals(LAKESIDE_FAMILIES, ((Number) report.get("affected")).intValue());
        assertEquals(0, total(lakesideAdmin, "active"));
        assertEquals(LAKESIDE_FAMILIES, total(lakesideAdmin, "revoked"));
        assertEquals(LAKESIDE_FAMILIES, total(lakesideAdmin, "provision"), "revoked but still eligible: may be provisioned again");
    }

    @Test
    @Order(13)
    void withTheSmtpServerDownMailIsRetriedLaterNoneLostNoneSentTwice() throws Exception {
        smtp.stop();
        List<String> people = IntStream.rangeClosed(1, 20).mapToObj(i -> "\"lp-" + i + "\"").toList();
        Map<String, Object> report = json(panel(lakesideAdmin, "POST", "accounts/actions",
                "{\"action\":\"provision\",\"selection\":{\"people\":[" + String.join(",", people) + "]}}"));
        assertEquals(20, ((Number) report.get("affected")).intValue());
        Thread.sleep(3000);
        Map<?, ?> outbox = (Map<?, ?>) json(panel(lakesideAdmin, "GET", "accounts/summary", null)).get("outbox");
        assertEquals(20, ((Number) outbox.get("PENDING")).intValue(), outbox.toString());

        smtp = startSmtp();
        assertTrue(smtp.waitForIncomingEmail(60_000, 20), "delivered once the server is back");
        Thread.sleep(2500);
        List<String> to = recipients();
        assertEquals(20, to.size(), to.toString());
        assertEquals(20, to.stream().distinct().count(), "none sent twice");
        Await.until(() -> ((Number) ((Map<?, ?>) json(panel(lakesideAdmin, "GET", "accounts/summary", null)).get("outbox"))
                .get("SENT")).intValue() == 20, "outbox says sent");
    }

    // ---- parent access hardening: a third school, Hillside ----

    private static final String HILLSIDE = USERS_HEADER
            + "hs-1,,,true,org-1,student,,,Hana,Hill,,,,,,\"hp-1,hp-2,hp-3,hp-4,hp-5\",03,\n"
            + "hs-2,,,true,org-1,student,,,Hugo,Hill,,,,,,,04,\n"
            + "hs-3,,,true,org-1,student,,,Hal,Hill,,,,,,,05,\n"
            + "hp-1,,,true,org-1,parent,,,Ivy,Hill,,,ivy@hill.example,,,,,\n"
            + "hp-2,,,true,org-1,parent,,,Jack,Hill,,,jack@hill.example,,,,,\n"
            + "hp-3,,,true,org-1,parent,,,Kim,Hill,,,kim@hill.example,,,,,\n"
            + "hp-4,,,true,org-1,parent,,,Lou,Hill,,,lou@hill.example,,,,,\n"
            + "hp-5,,,true,org-1,parent,,,Max,Hill,,,max@hill.example,,,,,\n";
    /** The roster now also lists Max as Hugo's parent. */
    private static final String HILLSIDE_MAX_AND_HUGO = HILLSIDE.replace("Hugo,Hill,,,,,,,04", "Hugo,Hill,,,,,,hp-5,04");
    private static final String IVY = "ivy@hill.example";
    private static String hillside;
    private static String hillsideAdmin;

    @Test
    @Order(20)
    void wrongPasswordsLockTheUsernameEvenAgainstTheRightOneUntilTheLockEndsAndTheLockIsAudited() throws Exception {
        try (LaunchedSchool launched = OPERATOR.launchedSchool("Hillside")) {
            hillside = launched.tenant();
            hillsideAdmin = launched.adminToken();
        }
        importApplied(hillside, HILLSIDE);
        Await.until(() -> total(hillsideAdmin, "provision") == 5, "five ready");
        json(panel(hillsideAdmin, "POST", "accounts/actions", "{\"action\":\"provision\",\"selection\":{\"people\":[\"hp-1\",\"hp-2\"]}}"));
        String ivyLink = linkIn(awaitMessageTo(IVY));
        assertEquals(200, FORMS.activate(hillside, Http.queryOf(ivyLink).get("token"), null, GOOD_PASSWORD, GOOD_PASSWORD).statusCode());

        String wrong = problemIn(FORMS.signIn(hillside, IVY, "Wrong-Password-1"));
        for (int attempt = 2; attempt <= 5; attempt++) {
            HttpResponse<String> refused = FORMS.signIn(hillside, IVY, "Wrong-Password-" + attempt);
            assertEquals(401, refused.statusCode());
        }
        HttpResponse<String> whileLocked = FORMS.signIn(hillside, IVY, GOOD_PASSWORD);
        assertEquals(401, whileLocked.statusCode(), "the right password is refused while the username is locked");
        assertEquals(wrong, problemIn(whileLocked), "in the same words as a wrong password");
        assertTrue(whileLocked.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.startsWith("kb_parent=")));
        Map<?, ?> lock = (Map<?, ?>) items(panel(hillsideAdmin, "GET", "audit?person=hp-1&action=account.sign_in_locked", null)).get(0);
        assertTrue(((String) lock.get("detail")).startsWith("5 wrong passwords; sign-in locked until"), lock.toString());

        sql(hillside, "UPDATE access_attempt SET locked_until = locked_until - INTERVAL '1 day' "
                + "WHERE tenant_id = ? AND subject LIKE 'username:%'");
        assertEquals(303, FORMS.signIn(hillside, IVY, GOOD_PASSWORD).statusCode(), "signs in once the lock has ended");
        assertEquals(401, FORMS.signIn(hillside, IVY, "Wrong-Password-6").statusCode());
        assertEquals(303, FORMS.signIn(hillside, IVY, GOOD_PASSWORD).statusCode(), "a success reset the count");
    }

    @Test
    @Order(21)
    void unknownUsernamesLockAlikeAndOneAddressGuessingManyUsernamesOrCodesIsPaused() {
        String overlook = OPERATOR.createTenant("Overlook");
        String wrong = problemIn(FORMS.signIn(overlook, "nobody@overlook.example", "Guess-1"));
        for (int attempt = 2; attempt <= 5; attempt++) {
            FORMS.signIn(overlook, "nobody@overlook.example", "Guess-" + attempt);
        }
        HttpResponse<String> locked = FORMS.signIn(overlook, "nobody@overlook.example", "Guess-6");
        assertEquals(401, locked.statusCode());
        assertEquals(wrong, problemIn(locked), "a lock on an unknown username looks like any other refusal");

        // kinbridge.signin.address-max-failures is 10 in arquillian.xml: four more usernames reach it
        for (int other = 1; other <= 4; other++) {
            assertEquals(401, FORMS.signIn(overlook, "guess" + other + "@overlook.example", "Guess-1").statusCode());
        }
        HttpResponse<String> paused = FORMS.signIn(overlook, "someone.new@overlook.example", "Guess-1");
        assertEquals(429, paused.statusCode(), paused.body());
        assertTrue(problemIn(paused).contains("Too many wrong tries came from your network"), paused.body());

        for (int guess = 1; guess <= 10; guess++) {
            HttpResponse<String> refused = FORMS.activate(overlook, null, "AAAA-BBBB-CC" + (char) ('A' + guess), GOOD_PASSWORD, GOOD_PASSWORD);
            assertEquals(400, refused.statusCode(), refused.body());
        }
        HttpResponse<String> codesPaused = FORMS.activate(overlook, null, "AAAA-BBBB-CCZZ", GOOD_PASSWORD, GOOD_PASSWORD);
        assertEquals(429, codesPaused.statusCode(), codesPaused.body());
    }

    @Test
    @Order(22)
    void aParentFormPostedWithoutItsTokenIsRefusedWithA403PageAndChangesNothing() throws Exception {
        ParentForms.Page signInPage = FORMS.open("/access/signin?school=" + hillside);
        String formCookie = signInPage.response().headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("kb_form=")).findFirst().orElseThrow();
        assertTrue(formCookie.contains("HttpOnly") && formCookie.contains("SameSite=Strict"), formCookie);
        Map<String, String> ivy = Map.of("school", hillside, "username", IVY, "password", GOOD_PASSWORD);

        assertFormRefused(FORMS.post("/access/signin", ivy, List.of()));
        assertFormRefused(FORMS.post("/access/signin", with(ivy, "form_token", signInPage.token()), List.of()));
        assertFormRefused(FORMS.post("/access/signin", with(ivy, "form_token", signInPage.token()),
                List.of("kb_form=" + "x".repeat(43))), "another browser's cookie");
        String activateToken = FORMS.open("/access/activate?school=" + hillside, signInPage.formCookie()).token();
        assertFormRefused(FORMS.post("/access/signin", with(ivy, "form_token", activateToken), List.of(signInPage.formCookie())),
                "a token of another form");

        String jackToken = Http.queryOf(linkIn(awaitMessageTo("jack@hill.example"))).get("token");
        Map<String, String> activation = Map.of("school", hillside, "token", jackToken, "password", GOOD_PASSWORD,
                "confirmation", GOOD_PASSWORD);
        assertFormRefused(FORMS.post("/access/activate", activation, List.of()));
        assertEquals("INVITED", stateOf(hillsideAdmin, "hp-2"), "the activation did not happen");

        HttpResponse<String> signedIn = FORMS.signIn(hillside, IVY, GOOD_PASSWORD);
        String session = signedIn.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        assertFormRefused(FORMS.post("/access/signout", Map.of(), List.of(session)));
        assertEquals(200, HTTP.get(BASE + "/access/api/children", "Cookie", session).statusCode(), "still signed in");
        HttpResponse<String> signedOut = FORMS.submit("/access/home", "/access/signout", Map.of(), session);
        assertEquals(200, signedOut.statusCode(), signedOut.body());
        assertEquals(401, HTTP.get(BASE + "/access/api/children", "Cookie", session).statusCode());
        assertEquals(200, FORMS.activate(hillside, jackToken, null, GOOD_PASSWORD, GOOD_PASSWORD).statusCode(),
                "the refused activation left the link usable");
    }

    @Test
    @Order(23)
    void noLoginAndNoDataEachSuspendAndLiftingEachResumesTheAccount() {
        for (String loginOrData : List.of("noLogin", "noData")) {
            String session = FORMS.signIn(hillside, IVY, GOOD_PASSWORD).headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
            assertEquals(204, panel(hillsideAdmin, "POST", "accounts/hp-1/restriction",
                    "{\"" + loginOrData + "\":true,\"reason\":\"Court order on file\"}").statusCode());
            assertEquals("SUSPENDED", stateOf(hillsideAdmin, "hp-1"), loginOrData);
            assertEquals(401, HTTP.get(BASE + "/access/api/children", "Cookie", session).statusCode(), loginOrData);
            assertEquals(403, FORMS.signIn(hillside, IVY, GOOD_PASSWORD).statusCode(), loginOrData);

            assertEquals(204, panel(hillsideAdmin, "POST", "accounts/hp-1/restriction/lift", "{\"reason\":\"Order ended\"}").statusCode());
            assertEquals("ACTIVE", stateOf(hillsideAdmin, "hp-1"), loginOrData + " lifted");
            assertEquals(List.of(), ((List<?>) row(hillsideAdmin, "hp-1").get("reasons")));
            HttpResponse<String> back = FORMS.signIn(hillside, IVY, GOOD_PASSWORD);
            assertEquals(303, back.statusCode(), loginOrData);
            String again = back.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
            assertEquals(List.of("hs-1"), childIds(HTTP.get(BASE + "/access/api/children", "Cookie", again)));
        }
        Map<?, ?> resumed = (Map<?, ?>) items(panel(hillsideAdmin, "GET", "audit?person=hp-1&action=account.active", null)).get(0);
        assertEquals("from SUSPENDED to ACTIVE; reason: restriction lifted: Order ended; source: panel", resumed.get("detail"));

        Map<String, Object> manual = json(panel(hillsideAdmin, "POST", "accounts/actions",
                "{\"action\":\"suspend\",\"selection\":{\"people\":[\"hp-2\"]}}"));
        assertEquals(1, ((Number) manual.get("affected")).intValue());
        panel(hillsideAdmin, "POST", "accounts/hp-2/restriction", "{\"noLogin\":true,\"reason\":\"Safeguarding\"}");
        panel(hillsideAdmin, "POST", "accounts/hp-2/restriction/lift", "{\"reason\":\"Order ended\"}");
        assertEquals("SUSPENDED", stateOf(hillsideAdmin, "hp-2"), "an admin's own suspension outlasts the restriction");
    }

    @Test
    @Order(24)
    void noMessagesQueuesNoWelcomeMailButALetterMayBePrintedAndLiftingLetsMailGoAgain() throws Exception {
        panel(hillsideAdmin, "POST", "accounts/hp-3/restriction", "{\"noMessages\":true,\"reason\":\"No contact by email\"}");
        panel(hillsideAdmin, "POST", "accounts/hp-4/restriction", "{\"noMessages\":true,\"reason\":\"No contact by email\"}");
        assertEquals("READY_TO_PROVISION", stateOf(hillsideAdmin, "hp-3"), "messages alone suspend nothing");
        Map<?, ?> outboxBefore = (Map<?, ?>) json(panel(hillsideAdmin, "GET", "accounts/summary", null)).get("outbox");

        String both = "{\"action\":\"provision\",\"selection\":{\"people\":[\"hp-3\",\"hp-4\"]}}";
        Map<String, Object> report = json(panel(hillsideAdmin, "POST", "accounts/actions", both));
        assertEquals(0, ((Number) report.get("affected")).intValue());
        for (String person : List.of("hp-3", "hp-4")) {
            assertEquals("restricted_no_messages", outcomeOf(report, person).get("code"));
            assertTrue(((String) outcomeOf(report, person).get("detail")).startsWith("restricted: no messages"));
        }
        assertEquals(outboxBefore, json(panel(hillsideAdmin, "GET", "accounts/summary", null)).get("outbox"), "nothing queued");
        assertEquals("READY_TO_PROVISION", stateOf(hillsideAdmin, "hp-3"));

        assertEquals(1, codesIn(letters(hillsideAdmin, "{\"selection\":{\"people\":[\"hp-4\"]}}")).size(),
                "a letter the school hands over is still possible");
        assertEquals("INVITED", stateOf(hillsideAdmin, "hp-4"));

        panel(hillsideAdmin, "POST", "accounts/hp-3/restriction/lift", "{\"reason\":\"Email allowed again\"}");
        Map<String, Object> after = json(panel(hillsideAdmin, "POST", "accounts/actions", "{\"action\":\"provision\",\"selection\":{\"people\":[\"hp-3\"]}}"));
        assertEquals(1, ((Number) after.get("affected")).intValue());
        assertTrue(((String) awaitMessageTo("kim@hill.example").getContent()).contains("Hana Hill"));
    }

    @Test
    @Order(25)
    void noNewLinksKeepsTheAdultsLinksButImportsAndManualConnectsAddNoneUntilLifted() {
        assertEquals(204, panel(hillsideAdmin, "POST", "accounts/hp-5/restriction",
                "{\"noNewLinks\":true,\"reason\":\"Court order: no further children\"}").statusCode());
        assertEquals("READY_TO_PROVISION", stateOf(hillsideAdmin, "hp-5"), "new links alone suspend nothing");
        importApplied(hillside, HILLSIDE_MAX_AND_HUGO);
        assertTrue(OPERATOR.activeLinks(hillside).contains("hs-1,hp-5,parent"), "the existing link stays");
        assertFalse(OPERATOR.activeLinks(hillside).contains("hs-2,hp-5,parent"), "the import made no new one");
        String connect = "{\"studentSourcedId\":\"hs-3\",\"guardianSourcedId\":\"hp-5\",\"guardianRole\":\"parent\",\"reason\":\"Asked by phone\"}";
        HttpResponse<String> refused = panel(hillsideAdmin, "POST", "links", connect);
        assertEquals(409, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("new_links_held"), refused.body());

        panel(hillsideAdmin, "POST", "accounts/hp-5/restriction/lift", "{\"reason\":\"Order varied\"}");
        assertEquals(201, panel(hillsideAdmin, "POST", "links", connect).statusCode());
        importApplied(hillside, HILLSIDE_MAX_AND_HUGO);
        assertTrue(OPERATOR.activeLinks(hillside).containsAll(List.of("hs-1,hp-5,parent", "hs-2,hp-5,parent", "hs-3,hp-5,parent")),
                OPERATOR.activeLinks(hillside).toString());
    }

    @Test
    @Order(26)
    void anInvitationSuspendedThenResumedCanBeSentAgainAtOnceAndOnlyTheNewLinkWorks() throws Exception {
        // Kim (hp-3) was invited by email minutes ago; suspending her withdraws that link.
        String oldToken = Http.queryOf(linkIn(awaitMessageTo("kim@hill.example"))).get("token");
        for (String action : List.of("suspend", "resume")) {
            Map<String, Object> done = json(panel(hillsideAdmin, "POST", "accounts/actions",
                    "{\"action\":\"" + action + "\",\"selection\":{\"people\":[\"hp-3\"]}}"));
            assertEquals(1, ((Number) done.get("affected")).intValue(), action + ": " + done);
        }
        assertEquals("INVITED", stateOf(hillsideAdmin, "hp-3"));
        assertEquals(400, FORMS.activate(hillside, oldToken, null, GOOD_PASSWORD, GOOD_PASSWORD).statusCode(), "the withdrawn link");

        Map<String, Object> resent = json(panel(hillsideAdmin, "POST", "accounts/actions",
                "{\"action\":\"resend\",\"selection\":{\"people\":[\"hp-3\"]}}"));
        assertEquals(1, ((Number) resent.get("affected")).intValue(), "no working link is out, so no daily limit: " + resent);
        Await.until(() -> messagesTo("kim@hill.example").size() == 2, "the new invitation");
        String newToken = Http.queryOf(linkIn(messagesTo("kim@hill.example").get(1))).get("token");
        assertNotEquals(oldToken, newToken);
        Map<String, Object> again = json(panel(hillsideAdmin, "POST", "accounts/actions",
                "{\"action\":\"resend\",\"selection\":{\"people\":[\"hp-3\"]}}"));
        assertEquals("rate_limited", outcomeOf(again, "hp-3").get("code"), "a working link is out again");
        assertEquals(200, FORMS.activate(hillside, newToken, null, GOOD_PASSWORD, GOOD_PASSWORD).statusCode());
        assertEquals("ACTIVE", stateOf(hillsideAdmin, "hp-3"));
    }

    @Test
    @Order(27)
    void noMessagesWithdrawsAWelcomeMailThatHasNotGoneYet() throws Exception {
        smtp.stop(); // Max's welcome mail waits in the outbox, retrying
        try {
            Map<String, Object> provisioned = json(panel(hillsideAdmin, "POST", "accounts/actions",
                    "{\"action\":\"provision\",\"selection\":{\"people\":[\"hp-5\"]}}"));
            assertEquals(1, ((Number) provisioned.get("affected")).intValue(), provisioned.toString());
            assertEquals("QUEUED", row(hillsideAdmin, "hp-5").get("inviteStatus"));

            assertEquals(204, panel(hillsideAdmin, "POST", "accounts/hp-5/restriction",
                    "{\"noMessages\":true,\"reason\":\"No contact by email\"}").statusCode());
            assertEquals("WITHDRAWN", row(hillsideAdmin, "hp-5").get("inviteStatus"));
            Map<?, ?> outbox = (Map<?, ?>) json(panel(hillsideAdmin, "GET", "accounts/summary", null)).get("outbox");
            assertEquals(1, ((Number) outbox.get("CANCELLED")).intValue(), outbox.toString());
            Map<?, ?> withdrawn = (Map<?, ?>) items(panel(hillsideAdmin, "GET", "audit?person=hp-5&action=account.mail_withdrawn", null)).get(0);
            assertEquals("the welcome mail had not gone yet and will not: restriction (no messages)", withdrawn.get("detail"));
        } finally {
            smtp = startSmtp();
        }
        Thread.sleep(3000); // several outbox rounds (every 0.2 s; retries from 1 s) with the mail server back
        assertTrue(messagesTo("max@hill.example").isEmpty(), "the withdrawn mail never went");
        assertEquals(1, codesIn(letters(hillsideAdmin, "{\"selection\":{\"people\":[\"hp-5\"]}}")).size(), "a letter is the way in");
    }

    private static String problemIn(HttpResponse<String> page) {
        Matcher problem = Pattern.compile("id=\"kb-problem\">([^<]*)<").matcher(page.body());
        assertTrue(problem.find(), page.body());
        return problem.group(1);
    }

    private static void assertFormRefused(HttpResponse<String> response, String... why) {
        assertEquals(403, response.statusCode(), String.join(" ", why) + " " + response.body());
        assertTrue(response.body().contains("kb-form-refused") && response.body().contains("Nothing was changed"), response.body());
        assertTrue(response.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.startsWith("kb_parent=")));
    }

    private static Map<String, String> with(Map<String, String> form, String name, String value) {
        Map<String, String> more = new HashMap<>(form);
        more.put(name, value);
        return more;
    }

    private static MimeMessage awaitMessageTo(String address) throws Exception {
        Await.until(() -> !messagesTo(address).isEmpty(), "mail to " + address);
        return messageTo(address);
    }

    private static String stateOf(String token, String person) {
        return (String) row(token, person).get("state");
    }

    // ---- helpers ----

    private static GreenMail startSmtp() {
        GreenMail mail = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        return mail;
    }

    @Test
    @Order(100)
    void aSyncKeyParentImportMakesItsParentsReadyToProvision() {
        HttpResponse<String> applied = HTTP.send(HttpRequest.newBuilder(URI.create(BASE + "/api/v1/tenants/" + tenant
                        + "/parents/imports?syncColumn=ParentId&childColumn=Children&childMatch=INTERNAL_ID"))
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString("ParentId,Children,givenName,familyName,email\nP9,stu-1,Sam,Sync,sam@mail.example\n")),
                "Authorization", bearer(Deployments.operatorToken()));
        assertEquals(200, applied.statusCode(), applied.body());
        Await.until(() -> ids(tab(adminToken, "provision")).contains("sync:P9"), "the sync-key parent is ready to provision");
    }

    private static void importApplied(String tenantId, String users) {
        byte[] zip = OneRosterZip.fromFolder(OneRosterZip.sample("v1p1-bulk")).with("users.csv", users).bytes();
        Map<String, Object> done = OPERATOR.importAndWait(tenantId, zip);
        if ("HELD".equals(done.get("status"))) {
            HttpResponse<String> confirmed = OPERATOR.post("/api/v1/tenants/" + tenantId + "/roster/imports/" + done.get("id") + "/confirm");
            assertEquals(202, confirmed.statusCode(), confirmed.body());
            done = OPERATOR.awaitImport(tenantId, (String) OperatorApi.json(confirmed).get("id"));
        }
        assertEquals("SUCCEEDED", done.get("status"), done.toString());
    }

    private static HttpResponse<String> panel(String token, String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(BASE + "/api/panel/" + path));
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        return HTTP.send(request, "Authorization", bearer(token));
    }

    private static byte[] letters(String token, String json) {
        try {
            HttpResponse<byte[]> response = java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(BASE + "/api/panel/accounts/letters")).header("Content-Type", "application/json")
                    .header("Authorization", bearer(token)).POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, response.statusCode(), new String(response.body()));
            assertEquals("application/pdf", response.headers().firstValue("Content-Type").orElse(""));
            return response.body();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> codesIn(byte[] pdf) throws Exception {
        PdfReader reader = new PdfReader(pdf);
        PdfTextExtractor text = new PdfTextExtractor(reader);
        List<String> codes = new ArrayList<>();
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            Matcher code = CODE.matcher(text.getTextFromPage(page));
            assertTrue(code.find());
            codes.add(code.group(1));
        }
        return codes;
    }

    private static Map<String, Object> json(HttpResponse<String> response) {
        assertTrue(response.statusCode() < 300, response.statusCode() + " " + response.body());
        return OperatorApi.json(response);
    }

    private static Map<?, ?> counts(Map<String, Object> summary) {
        return (Map<?, ?>) summary.get("counts");
    }

    private static List<?> items(HttpResponse<String> page) {
        return (List<?>) json(page).get("items");
    }

    private static List<?> tab(String token, String tab) {
        return items(panel(token, "GET", "accounts?tab=" + tab + "&limit=200", null));
    }

    private static int total(String token, String tab) {
        return ((Number) json(panel(token, "GET", "accounts?tab=" + tab + "&limit=1", null)).get("total")).intValue();
    }

    private static List<String> ids(List<?> rows) {
        return rows.stream().map(r -> (String) ((Map<?, ?>) r).get("personSourcedId")).sorted().toList();
    }

    private static Map<?, ?> row(String person) {
        return row(adminToken, person);
    }

    private static Map<?, ?> row(String token, String person) {
        for (String tab : List.of("provision", "active", "revoke", "revoked", "not-eligible")) {
            List<?> found = items(panel(token, "GET", "accounts?tab=" + tab + "&q=" + person, null));
            for (Object row : found) {
                if (person.equals(((Map<?, ?>) row).get("personSourcedId"))) {
                    return (Map<?, ?>) row;
                }
            }
        }
        throw new AssertionError("No account row for " + person);
    }

    private static String stateOf(String person) {
        return (String) row(person).get("state");
    }

    private static List<String> reasonsOf(String person) {
        return ((List<?>) row(person).get("reasons")).stream().map(r -> (String) ((Map<?, ?>) r).get("code")).toList();
    }

    private static Map<?, ?> outcomeOf(Map<String, Object> report, String person) {
        return ((List<?>) report.get("outcomes")).stream().map(o -> (Map<?, ?>) o)
                .filter(o -> person.equals(o.get("personSourcedId"))).findFirst().orElseThrow();
    }

    private static HttpResponse<String> activate(String token, String code, String password, String confirmation) {
        return activateAt(tenant, token, code, password, confirmation);
    }

    private static HttpResponse<String> activateAt(String tenantId, String token, String code, String password, String confirmation) {
        return FORMS.activate(tenantId, token, code, password, confirmation);
    }

    private static HttpResponse<String> signIn(String username, String password) {
        return FORMS.signIn(tenant, username, password);
    }

    private static HttpResponse<String> mentorLaunch(String person, List<String> mentees) {
        return new LtiFlow(HTTP, BASE).loginAndLaunch(platform, t -> t.roles(IdToken.MENTOR).claim("sub", "lms-" + person)
                .lti("role_scope_mentor", mentees).lti("lis", Map.of("person_sourcedid", person)).signed());
    }

    private static String parentToken(String person) {
        return LtiFlow.panelToken(mentorLaunch(person, List.of()));
    }

    private static List<String> childIds(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        try {
            return JSONArrayUtils.parse(response.body()).stream().map(c -> (String) ((Map<?, ?>) c).get("sourcedId")).sorted().toList();
        } catch (java.text.ParseException e) {
            throw new AssertionError(response.body());
        }
    }

    private static List<String> recipients() throws Exception {
        List<String> to = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            to.add(message.getAllRecipients()[0].toString());
        }
        return to.stream().sorted().collect(Collectors.toList());
    }

    /** The mail the test SMTP server has received for this address, oldest first. */
    private static List<MimeMessage> messagesTo(String address) {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            try {
                if (Arrays.stream(message.getAllRecipients()).anyMatch(a -> a.toString().equals(address))) {
                    found.add(message);
                }
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException("Unreadable recipients in a received mail", e);
            }
        }
        return found;
    }

    private static MimeMessage messageTo(String address) throws Exception {
        List<MimeMessage> found = messagesTo(address);
        assertFalse(found.isEmpty(), "no mail to " + address);
        return found.get(0);
    }

    private static String linkIn(MimeMessage message) throws Exception {
        Matcher link = LINK.matcher((String) message.getContent());
        assertTrue(link.find(), (String) message.getContent());
        return link.group(1);
    }

    private static void sql(String statement) throws Exception {
        sql(tenant, statement);
    }

    /** Runs {@code statement} (its one parameter: the tenant) and expects it to change exactly one row. */
    private static void sql(String tenantId, String statement) throws Exception {
        try (Connection connection = DriverManager.getConnection(System.getProperty("kb.test.db.url"), "postgres", "");
             PreparedStatement update = connection.prepareStatement(statement)) {
            update.setString(1, tenantId);
            assertEquals(1, update.executeUpdate());
        }
    }
}
