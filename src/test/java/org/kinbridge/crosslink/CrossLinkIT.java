package org.kinbridge.crosslink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kinbridge.testing.Http.bearer;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.internet.MimeMessage;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.kinbridge.crosslink.protocol.CrossLinkMessage;
import org.kinbridge.crosslink.protocol.MessageSigner;
import org.kinbridge.crosslink.protocol.MessageType;
import org.kinbridge.testing.Await;
import org.kinbridge.testing.Http;
import org.kinbridge.testing.IdToken;
import org.kinbridge.testing.KinbridgeNode;
import org.kinbridge.testing.LtiFlow;
import org.kinbridge.testing.OneRosterZip;
import org.kinbridge.testing.OperatorApi;
import org.kinbridge.testing.TestPlatform;
import org.kinbridge.testing.TestRunSettings;

/**
 * Two Kinbridge instances (two jars, two ports, two PostgreSQL schemas, each with its own key) link one
 * school over real HTTP: request, reminder email, approve, data on both sides, unlink; deny and ask again;
 * cancel; crossing requests; a peer that is down; forged, replayed, stale and misaddressed messages; expiry.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrossLinkIT {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/test";
    private static final String OPERATOR_TOKEN = "crosslink-operator";
    private static final byte[] ROSTER = OneRosterZip.fromFolder(OneRosterZip.sample("v1p1-bulk")).bytes();
    private static final Http HTTP = new Http();
    private static final Duration WAIT = Duration.ofSeconds(60);

    private static GreenMail smtp;
    private static Instance a;
    private static Instance b;
    private static String bSecondTenant;
    private static String bSecondToken;
    private static String expiringLinkAtA;

    /** One running instance with its school, its main admin and a second (non-main) admin. */
    static final class Instance extends KinbridgeNode {
        String tenant;
        TestPlatform platform;
        String mainToken;
        String otherToken;

        Instance(String name) {
            super(name, "kb_cl_", OPERATOR_TOKEN, smtp);
            env.put("KINBRIDGE_CROSSLINK_REQUEST_TTL", "PT75S");
            env.put("KINBRIDGE_CROSSLINK_REQUEST_COOLDOWN", "PT3S");
            env.put("KINBRIDGE_CROSSLINK_RETRY_MAX", "PT3S");
            env.put("KINBRIDGE_CROSSLINK_WORKER_INTERVAL", "PT0.5S");
            env.put("KINBRIDGE_CROSSLINK_FEED_PAGE", "1"); // every student a page of the feed of their own
        }

        void school(String adminEmail) {
            OperatorApi operator = new OperatorApi(HTTP, base(), OPERATOR_TOKEN);
            tenant = operator.createTenant("Riverside at " + name);
            platform = new TestPlatform();
            operator.registerPlatform(tenant, platform);
            assertEquals("SUCCEEDED", operator.importAndWait(tenant, ROSTER).get("status"));
            mainToken = LtiFlow.panelToken(new LtiFlow(HTTP, base()).loginAndLaunch(platform,
                    t -> t.claim("email", adminEmail).claim("name", "Main " + name).signed()));
            otherToken = LtiFlow.panelToken(new LtiFlow(HTTP, base()).loginAndLaunch(platform,
                    t -> t.claim("sub", "user-admin-2").claim("name", "Other " + name).signed()));
        }

        HttpResponse<String> panel(String token, String method, String path, String json) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + "/api/panel/" + path));
            request = json == null ? request.method(method, HttpRequest.BodyPublishers.noBody())
                    : request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
            return HTTP.send(request, "Authorization", bearer(token));
        }

        Map<String, Object> main(String method, String path, String json, int expected) {
            HttpResponse<String> response = panel(mainToken, method, path, json);
            assertEquals(expected, response.statusCode(), name + " " + method + " " + path + ": " + response.body());
            return OperatorApi.json(response);
        }

        /** This side's link with the given school at the other instance. */
        Map<String, Object> linkTo(Instance other, String otherTenant) {
            List<?> links = (List<?>) main("GET", "crosslink", null, 200).get("links");
            return links.stream().map(l -> (Map<String, Object>) l)
                    .filter(l -> other.base().equals(l.get("peerUrl")) && otherTenant.equals(l.get("peerSchool")))
                    .findFirst().orElse(null);
        }

        Map<String, Object> awaitLink(Instance other, String otherTenant, Predicate<Map<String, Object>> condition, String what) {
            long deadline = System.nanoTime() + WAIT.toNanos();
            Map<String, Object> link = null;
            while (System.nanoTime() < deadline) {
                link = linkTo(other, otherTenant);
                if (link != null && condition.test(link)) {
                    return link;
                }
                pause(250);
            }
            throw new AssertionError(name + ": " + what + " did not happen within " + WAIT + "; last: " + link);
        }

        List<?> records() throws Exception {
            HttpResponse<String> response = panel(mainToken, "GET", "crosslink/records", null);
            assertEquals(200, response.statusCode(), response.body());
            return (List<?>) com.nimbusds.jose.util.JSONArrayUtils.parse(response.body());
        }

        int count(String sql, Object... params) throws Exception {
            try (Connection connection = DriverManager.getConnection(SERVER + "?currentSchema=" + schema, "postgres", "");
                 PreparedStatement select = connection.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) {
                    select.setObject(i + 1, params[i]);
                }
                try (ResultSet rs = select.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        }

    }

    @BeforeAll
    static void twoInstancesOfOneSchool() {
        smtp = new GreenMail(new ServerSetup(TestRunSettings.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        a = new Instance("a");
        b = new Instance("b");
        KinbridgeNode.startTogether(a, b);
        a.school("ann@a.test");
        b.school("bob@b.test");
        // A second school at B that A asks and nobody answers: it expires (checked last).
        OperatorApi operatorB = new OperatorApi(HTTP, b.base(), OPERATOR_TOKEN);
        bSecondTenant = operatorB.createTenant("Hillside at b");
        TestPlatform hillside = new TestPlatform();
        operatorB.registerPlatform(bSecondTenant, hillside);
        bSecondToken = LtiFlow.panelToken(new LtiFlow(HTTP, b.base()).loginAndLaunch(hillside, IdToken::signed));
        hillside.close();
    }

    @AfterAll
    static void stopEverything() throws Exception {
        for (Instance instance : new Instance[] {a, b}) {
            if (instance == null) {
                continue;
            }
            instance.discard();
            if (instance.platform != null) {
                instance.platform.close();
            }
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    @Order(1)
    void eachInstancePublishesItsMetadataAndMainAdmin() {
        Map<String, Object> metadata = OperatorApi.json(HTTP.get(a.base() + "/.well-known/kinbridge-crosslink"));
        assertEquals(a.base(), metadata.get("issuer"));
        assertEquals(a.base() + "/.well-known/jwks.json", metadata.get("jwks_uri"));
        assertEquals(a.base() + "/crosslink/v1/messages", metadata.get("messages_endpoint"));
        assertTrue(((List<?>) metadata.get("versions")).contains("1"));

        Map<String, Object> overview = a.main("GET", "crosslink", null, 200);
        assertEquals("Main a", overview.get("mainAdmin"));
        assertEquals(true, overview.get("youAreMainAdmin"));
        Map<String, Object> asOther = OperatorApi.json(a.panel(a.otherToken, "GET", "crosslink", null));
        assertEquals(false, asOther.get("youAreMainAdmin"));
        assertEquals("Main a", asOther.get("mainAdmin"));

        Map<String, Object> expiring = a.main("POST", "crosslink/links", json(b.base(), bSecondTenant), 201);
        expiringLinkAtA = (String) expiring.get("id");
    }

    @Test
    @Order(2)
    void onlyTheMainAdminActs() {
        HttpResponse<String> refused = a.panel(a.otherToken, "POST", "crosslink/links", json(b.base(), b.tenant));
        assertEquals(403, refused.statusCode(), refused.body());
        assertEquals("not_main_admin", OperatorApi.json(refused).get("error"));
        assertEquals(403, a.panel(a.otherToken, "POST", "crosslink/links/" + expiringLinkAtA + "/cancel", null).statusCode());
        assertEquals(403, a.panel(a.otherToken, "POST", "crosslink/links/" + expiringLinkAtA + "/remind", null).statusCode());
        // the operator can name another main admin; the main admin can hand the role on, and back
        HttpResponse<String> transfer = a.panel(a.mainToken, "POST", "main-admin/transfer", "{\"platformUserId\":\"user-admin-2\"}");
        assertEquals(200, transfer.statusCode(), transfer.body());
        assertEquals(403, a.panel(a.mainToken, "POST", "crosslink/links", json(b.base(), b.tenant)).statusCode());
        HttpResponse<String> operator = HTTP.send(HttpRequest.newBuilder(URI.create(a.base() + "/api/v1/tenants/" + a.tenant + "/main-admin"))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("{\"platformUserId\":\"user-admin-1\"}")),
                "Authorization", bearer(OPERATOR_TOKEN));
        assertEquals(200, operator.statusCode(), operator.body());
        assertEquals(true, a.main("GET", "main-admin", null, 200).get("you"));
    }

    @Test
    @Order(3)
    void requestRemindApproveShareThenUnlink() throws Exception {
        // The feed tells each guardian's account at B: Paula (par-1) is invited there, Peter (par-2) has none yet.
        Await.until(() -> b.panel(b.mainToken, "GET", "accounts?tab=provision&limit=200", null).body().contains("par-1"),
                "Paula ready to provision at b");
        Map<String, Object> invited = b.main("POST", "accounts/actions", "{\"action\":\"provision\",\"selection\":{\"people\":[\"par-1\"]}}", 200);
        assertEquals(1, ((Number) invited.get("affected")).intValue(), invited.toString());

        Map<String, Object> requested = a.main("POST", "crosslink/links", json(b.base(), b.tenant), 201);
        assertEquals("PENDING", requested.get("state"));
        Map<String, Object> atB = b.awaitLink(a, a.tenant, l -> "PENDING".equals(l.get("state")), "the request arriving");
        assertEquals(false, atB.get("requestedByUs"));
        assertEquals("Riverside at a", atB.get("peerSchoolName"));
        String linkAtB = (String) atB.get("id");
        String linkAtA = (String) requested.get("id");

        assertTrue(a.records().isEmpty(), "no data before LINKED");
        HttpResponse<String> notLinkedYet = b.panel(b.mainToken, "GET", "crosslink/records", null);
        assertEquals("[]", notLinkedYet.body());

        a.main("POST", "crosslink/links/" + linkAtA + "/remind", null, 200);
        assertEquals(429, a.panel(a.mainToken, "POST", "crosslink/links/" + linkAtA + "/remind", null).statusCode(), "once a day");
        b.awaitLink(a, a.tenant, l -> l.get("lastReminderAt") != null, "the reminder arriving");

        assertEquals(403, b.panel(b.otherToken, "POST", "crosslink/links/" + linkAtB + "/approve", null).statusCode());
        assertEquals(409, b.panel(b.mainToken, "POST", "crosslink/links/" + linkAtB + "/cancel", null).statusCode(),
                "only the requester cancels");
        Map<String, Object> approved = b.main("POST", "crosslink/links/" + linkAtB + "/approve", null, 200);
        assertEquals("LINKED", approved.get("state"));
        Map<String, Object> linkedAtA = a.awaitLink(b, b.tenant, l -> "LINKED".equals(l.get("state")), "the approval arriving");
        assertTrue(String.valueOf(linkedAtA.get("decidedBy")).contains("Main b"), linkedAtA.toString());
        assertTrue(((List<?>) linkedAtA.get("history")).size() >= 3, linkedAtA.toString());

        Map<?, ?> recordAtA = awaitRecord(a, "stu-1");
        assertEquals("kinbridge.guardians", recordAtA.get("type"));
        assertEquals("Riverside at b", recordAtA.get("source"));
        Map<String, String> accountAtB = new HashMap<>();
        for (Object guardian : (List<?>) ((Map<?, ?>) recordAtA.get("data")).get("guardians")) {
            accountAtB.put((String) ((Map<?, ?>) guardian).get("sourcedId"), (String) ((Map<?, ?>) guardian).get("accountStatus"));
        }
        assertEquals(Map.of("par-1", "invited", "par-2", "none"), accountAtB, recordAtA.toString());
        Set<String> linkedAtB = new OperatorApi(HTTP, b.base(), OPERATOR_TOKEN).activeLinks(b.tenant).stream()
                .map(link -> link.substring(0, link.indexOf(','))).collect(Collectors.toSet());
        assertTrue(linkedAtB.size() > 1, linkedAtB.toString());
        assertEquals(linkedAtB, a.records().stream().map(r -> (String) ((Map<?, ?>) r).get("studentSourcedId")).collect(Collectors.toSet()),
                "every page of the feed arrived (one student a page here), and only whole pulls are shown");
        awaitRecord(b, "stu-1");
        HttpResponse<String> student = b.panel(b.otherToken, "GET", "crosslink/students/stu-1", null);
        assertEquals(200, student.statusCode(), "other admins see the data");
        assertTrue(student.body().contains("Riverside at a"), student.body());

        awaitMail("bob@b.test", "Link request");
        awaitMail("bob@b.test", "Reminder");

        assertEquals(403, a.panel(a.otherToken, "POST", "crosslink/links/" + linkAtA + "/unlink", null).statusCode());
        a.main("POST", "crosslink/links/" + linkAtA + "/unlink", null, 200);
        assertTrue(a.records().isEmpty(), "unlinking removes the cached copy at once");
        b.awaitLink(a, a.tenant, l -> "UNLINKED".equals(l.get("state")), "the unlink arriving");
        assertTrue(b.records().isEmpty());
    }

    @Test
    @Order(4)
    void denyThenAskAgainAfterTheCooldownThenApprove() throws Exception {
        pause(3500);
        String linkAtA = (String) a.main("POST", "crosslink/links", json(b.base(), b.tenant), 201).get("id");
        String linkAtB = (String) b.awaitLink(a, a.tenant, l -> "PENDING".equals(l.get("state")), "the new request").get("id");
        assertEquals(403, b.panel(b.otherToken, "POST", "crosslink/links/" + linkAtB + "/deny", null).statusCode());
        b.main("POST", "crosslink/links/" + linkAtB + "/deny", null, 200);
        a.awaitLink(b, b.tenant, l -> "DENIED".equals(l.get("state")), "the denial arriving");
        HttpResponse<String> tooSoon = a.panel(a.mainToken, "POST", "crosslink/links", json(b.base(), b.tenant));
        assertEquals(409, tooSoon.statusCode(), tooSoon.body());
        assertEquals("link_request_cooling_down", OperatorApi.json(tooSoon).get("error"));
        pause(3500);
        assertEquals(linkAtA, a.main("POST", "crosslink/links", json(b.base(), b.tenant), 201).get("id"), "one link row per school pair");
        b.awaitLink(a, a.tenant, l -> "PENDING".equals(l.get("state")), "the request after the denial");
        b.main("POST", "crosslink/links/" + linkAtB + "/approve", null, 200);
        a.awaitLink(b, b.tenant, l -> "LINKED".equals(l.get("state")), "the approval");
        awaitRecord(a, "stu-2");
        b.main("POST", "crosslink/links/" + linkAtB + "/unlink", null, 200);
        a.awaitLink(b, b.tenant, l -> "UNLINKED".equals(l.get("state")), "B's unlink arriving");
        assertTrue(a.records().isEmpty());
    }

    @Test
    @Order(5)
    void theRequesterCancels() {
        pause(3500);
        String linkAtA = (String) a.main("POST", "crosslink/links", json(b.base(), b.tenant), 201).get("id");
        b.awaitLink(a, a.tenant, l -> "PENDING".equals(l.get("state")), "the request");
        Map<String, Object> cancelled = a.main("POST", "crosslink/links/" + linkAtA + "/cancel", null, 200);
        assertEquals("CANCELLED", cancelled.get("state"));
        Map<String, Object> atB = b.awaitLink(a, a.tenant, l -> "CANCELLED".equals(l.get("state")), "the cancel arriving");
        assertEquals(409, b.panel(b.mainToken, "POST", "crosslink/links/" + atB.get("id") + "/approve", null).statusCode());
    }

    @Test
    @Order(6)
    void crossingRequestsMakeOneLink() {
        pause(3500);
        CompletableFuture<HttpResponse<String>> fromA = CompletableFuture.supplyAsync(
                () -> a.panel(a.mainToken, "POST", "crosslink/links", json(b.base(), b.tenant)));
        CompletableFuture<HttpResponse<String>> fromB = CompletableFuture.supplyAsync(
                () -> b.panel(b.mainToken, "POST", "crosslink/links", json(a.base(), a.tenant)));
        assertTrue(fromA.join().statusCode() / 100 == 2, fromA.join().body());
        assertTrue(fromB.join().statusCode() / 100 == 2, fromB.join().body());
        Map<String, Object> atA = a.awaitLink(b, b.tenant, l -> "LINKED".equals(l.get("state")), "crossing requests linking A");
        Map<String, Object> atB = b.awaitLink(a, a.tenant, l -> "LINKED".equals(l.get("state")), "crossing requests linking B");
        assertEquals(1, ((List<?>) a.main("GET", "crosslink", null, 200).get("links")).stream()
                .filter(l -> b.tenant.equals(((Map<?, ?>) l).get("peerSchool"))).count());
        assertNotNull(atA.get("id"));
        assertNotNull(atB.get("id"));
    }

    @Test
    @Order(7)
    void aPeerThatIsDownGetsTheMessageOnceWhenBack() throws Exception {
        String linkAtA = (String) a.linkTo(b, b.tenant).get("id");
        int unlinksAtB = b.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'crosslink.unlinked_by_peer'");
        b.stop();
        a.main("POST", "crosslink/links/" + linkAtA + "/unlink", null, 200);
        pause(2000);
        Map<String, Object> waiting = a.main("GET", "crosslink/links/" + linkAtA, null, 200);
        assertNotNull(waiting.get("waitingForPeer"), "the panel says it is waiting for the other side: " + waiting);
        b.start();
        b.awaitLink(a, a.tenant, l -> "UNLINKED".equals(l.get("state")), "the unlink after the restart");
        a.awaitLink(b, b.tenant, l -> l.get("waitingForPeer") == null, "the outbox emptying");
        pause(3000);
        assertEquals(unlinksAtB + 1, b.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'crosslink.unlinked_by_peer'"),
                "delivered once");
        assertTrue(b.records().isEmpty());
    }

    @Test
    @Order(8)
    void forgedReplayedStaleAndMisaddressedMessagesAreRefused() throws Exception {
        try (FakePeer peer = new FakePeer()) {
            int refusedBefore = b.count("SELECT COUNT(*) FROM audit_entry WHERE tenant_id = ? AND action = 'crosslink.message_refused'", b.tenant);
            String valid = peer.sign(peer.request(b.base(), b.tenant), Instant.now(), peer.key);
            assertEquals(202, post(b, valid).statusCode());
            assertRefused(post(b, valid), 409, "replayed_message");
            assertRefused(post(b, peer.sign(peer.request(b.base(), b.tenant), Instant.now(), TestPlatform.newKey())), 401, "invalid_signature");
            assertRefused(post(b, peer.sign(peer.request(b.base(), b.tenant), Instant.now().minusSeconds(400), peer.key)), 401, "stale_message");
            assertRefused(post(b, peer.sign(peer.request(a.base(), b.tenant), Instant.now(), peer.key)), 400, "wrong_recipient");
            assertRefused(post(b, peer.sign(peer.request(b.base(), "no-such-school"), Instant.now(), peer.key)), 404, "unknown_school");
            CrossLinkMessage feed = CrossLinkMessage.create(MessageType.FEED_REQUEST, peer.base(), b.base(), "fake-school", b.tenant,
                    "fake-handshake", Map.of());
            assertRefused(post(b, "/crosslink/v1/feed", peer.sign(feed, Instant.now(), peer.key)), 403, "not_linked");
            assertTrue(b.count("SELECT COUNT(*) FROM audit_entry WHERE tenant_id = ? AND action = 'crosslink.message_refused'", b.tenant)
                    >= refusedBefore + 5, "refusals are audited");

            // A flood of the same forgery reaches the school's audit page once.
            for (int i = 0; i < 3; i++) {
                assertRefused(post(b, peer.sign(peer.request(b.base(), b.tenant), Instant.now(), TestPlatform.newKey())), 401,
                        "invalid_signature");
            }
            assertEquals(1, b.count("SELECT COUNT(*) FROM audit_entry WHERE tenant_id = ? AND action = 'crosslink.message_refused' "
                    + "AND detail LIKE 'invalid_signature%' AND actor = '" + "peer " + peer.base() + "'", b.tenant),
                    "the repeats are not listed one by one");
        }
    }

    @Test
    @Order(9)
    void anUnansweredRequestExpiresOnBothSides() throws Exception {
        Map<String, Object> atA = a.awaitLink(b, bSecondTenant, l -> "EXPIRED".equals(l.get("state")), "expiry at A");
        assertNull(atA.get("decidedAt"));
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            List<?> links = (List<?>) OperatorApi.json(b.panel(bSecondToken, "GET", "crosslink", null)).get("links");
            if (links.stream().anyMatch(l -> "EXPIRED".equals(((Map<?, ?>) l).get("state")))) {
                return;
            }
            pause(250);
        }
        throw new AssertionError("the request did not expire at B");
    }

    @Test
    @Order(10)
    void theReceiverRefusesANewRequestDuringItsCooldown() throws Exception {
        try (FakePeer peer = new FakePeer()) {
            String school = "cooling-school";
            String firstRound = UUID.randomUUID().toString();
            HttpResponse<String> requested = post(b, peer.sign(peer.message(MessageType.LINK_REQUEST, b, school, firstRound),
                    Instant.now(), peer.key));
            assertEquals(202, requested.statusCode(), requested.body());
            HttpResponse<String> cancelled = post(b, peer.sign(peer.message(MessageType.LINK_CANCEL, b, school, firstRound),
                    Instant.now(), peer.key));
            assertEquals(202, cancelled.statusCode(), cancelled.body());
            assertEquals("CANCELLED", OperatorApi.json(cancelled).get("state"));
            int refusedBefore = b.count("SELECT COUNT(*) FROM audit_entry WHERE tenant_id = ? AND action = 'crosslink.message_refused' "
                    + "AND detail LIKE 'link_request_cooling_down%'", b.tenant);

            // The peer ignores the cooldown and asks again at once: this side keeps it.
            assertRefused(post(b, peer.sign(peer.message(MessageType.LINK_REQUEST, b, school, UUID.randomUUID().toString()),
                    Instant.now(), peer.key)), 409, "link_request_cooling_down");
            assertEquals(refusedBefore + 1, b.count("SELECT COUNT(*) FROM audit_entry WHERE tenant_id = ? "
                    + "AND action = 'crosslink.message_refused' AND detail LIKE 'link_request_cooling_down%'", b.tenant), "audited");
            Map<String, Object> atB = peerLink(b, peer.base(), school);
            assertEquals("CANCELLED", atB.get("state"), "the refused request changed nothing");
            assertEquals(firstRound, peerLinkRound(b, peer.base(), school));

            pause(3500);
            String secondRound = UUID.randomUUID().toString();
            HttpResponse<String> again = post(b, peer.sign(peer.message(MessageType.LINK_REQUEST, b, school, secondRound),
                    Instant.now(), peer.key));
            assertEquals(202, again.statusCode(), again.body());
            assertEquals("PENDING", OperatorApi.json(again).get("state"));
            assertEquals(secondRound, peerLinkRound(b, peer.base(), school));
            assertEquals(202, post(b, peer.sign(peer.message(MessageType.LINK_CANCEL, b, school, secondRound),
                    Instant.now(), peer.key)).statusCode());
        }
    }

    @Test
    @Order(11)
    void aFeedThatNeverEndsIsRefusedAndShowsNothing() throws Exception {
        try (FakePeer peer = new FakePeer()) {
            peer.endlessFeed("stu-1");
            String school = "endless-school";
            String round = UUID.randomUUID().toString();
            HttpResponse<String> requested = post(b, peer.sign(peer.message(MessageType.LINK_REQUEST, b, school, round),
                    Instant.now(), peer.key));
            assertEquals(202, requested.statusCode(), requested.body());
            String linkId = (String) peerLink(b, peer.base(), school).get("id");
            assertEquals("LINKED", b.main("POST", "crosslink/links/" + linkId + "/approve", null, 200).get("state"));

            // B's own feed, as this peer reads it: one student a page, each page pointing to the next.
            Map<String, Object> first = feedPage(peer, b, school, round, Map.of());
            Map<String, Object> second = feedPage(peer, b, school, round, Map.of("after", first.get("next")));
            assertEquals(1, ((List<?>) first.get("records")).size(), first.toString());
            assertNotEquals(((Map<?, ?>) ((List<?>) first.get("records")).get(0)).get("sourcedId"),
                    ((Map<?, ?>) ((List<?>) second.get("records")).get(0)).get("sourcedId"), "the next page goes on");
            assertRefused(post(b, "/crosslink/v1/feed", peer.sign(CrossLinkMessage.create(MessageType.FEED_REQUEST, peer.base(),
                    b.base(), school, b.tenant, round, Map.of("after", 42)), Instant.now(), peer.key)), 400, "invalid_cursor");

            long deadline = System.nanoTime() + WAIT.toNanos();
            Map<String, Object> link = peerLink(b, peer.base(), school);
            while (link.get("feedError") == null && System.nanoTime() < deadline) {
                pause(250);
                link = peerLink(b, peer.base(), school);
            }
            assertTrue(String.valueOf(link.get("feedError")).contains("did not end"), link.toString());
            assertTrue(peer.feedRequests.get() >= 2, "it followed the cursor once");
            assertTrue(b.records().stream().noneMatch(r -> peer.base().equals(((Map<?, ?>) r).get("peerUrl"))),
                    "no page of an unfinished pull is shown");
            b.main("POST", "crosslink/links/" + linkId + "/unlink", null, 200);
        }
    }

    private static Map<String, Object> peerLink(Instance instance, String peerUrl, String peerSchool) {
        List<?> links = (List<?>) instance.main("GET", "crosslink", null, 200).get("links");
        return links.stream().map(l -> (Map<String, Object>) l)
                .filter(l -> peerUrl.equals(l.get("peerUrl")) && peerSchool.equals(l.get("peerSchool")))
                .findFirst().orElseThrow(() -> new AssertionError("no link with " + peerSchool + " at " + peerUrl));
    }

    private static String peerLinkRound(Instance instance, String peerUrl, String peerSchool) throws Exception {
        try (Connection connection = DriverManager.getConnection(SERVER + "?currentSchema=" + instance.schema, "postgres", "");
             PreparedStatement select = connection.prepareStatement("SELECT handshake_id FROM crosslink WHERE peer_url = ? AND peer_school = ?")) {
            select.setString(1, peerUrl);
            select.setString(2, peerSchool);
            try (ResultSet rs = select.executeQuery()) {
                assertTrue(rs.next(), "a link row for " + peerSchool);
                return rs.getString(1);
            }
        }
    }

    private static Map<?, ?> awaitRecord(Instance instance, String student) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            for (Object record : instance.records()) {
                if (student.equals(((Map<?, ?>) record).get("studentSourcedId"))) {
                    return (Map<?, ?>) record;
                }
            }
            pause(250);
        }
        throw new AssertionError(instance.name + " shows no record about " + student);
    }

    private static void awaitMail(String to, String subject) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            for (MimeMessage message : smtp.getReceivedMessages()) {
                if (message.getSubject().contains(subject) && message.getAllRecipients()[0].toString().contains(to)) {
                    return;
                }
            }
            pause(500);
        }
        throw new AssertionError("no mail '" + subject + "' to " + to);
    }

    private static HttpResponse<String> post(Instance to, String jws) {
        return post(to, "/crosslink/v1/messages", jws);
    }

    private static HttpResponse<String> post(Instance to, String endpoint, String jws) {
        return HTTP.send(HttpRequest.newBuilder(URI.create(to.base() + endpoint))
                .header("Content-Type", "application/jose").POST(HttpRequest.BodyPublishers.ofString(jws)));
    }

    /** Asks {@code to} for a page of its feed as the fake peer; returns the answer's data. */
    private static Map<String, Object> feedPage(FakePeer peer, Instance to, String school, String round, Map<String, Object> data)
            throws Exception {
        CrossLinkMessage request = CrossLinkMessage.create(MessageType.FEED_REQUEST, peer.base(), to.base(), school, to.tenant,
                round, data);
        HttpResponse<String> answer = post(to, "/crosslink/v1/feed", peer.sign(request, Instant.now(), peer.key));
        assertEquals(200, answer.statusCode(), answer.body());
        return SignedJWT.parse(answer.body()).getJWTClaimsSet().getJSONObjectClaim("data");
    }

    private static void assertRefused(HttpResponse<String> response, int status, String error) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(error, OperatorApi.json(response).get("error"));
    }

    private static String json(String peerUrl, String peerSchool) {
        return JSONObjectUtils.toJSONString(Map.of("peerUrl", peerUrl, "peerSchool", peerSchool));
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A third product on loopback that publishes metadata and a key, and signs what a test wants. */
    static final class FakePeer implements AutoCloseable {
        final RSAKey key = TestPlatform.newKey();
        final java.util.concurrent.atomic.AtomicInteger feedRequests = new java.util.concurrent.atomic.AtomicInteger();
        private final HttpServer server;

        FakePeer() throws Exception {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/.well-known/kinbridge-crosslink", exchange -> answer(exchange, 200,
                    JSONObjectUtils.toJSONString(org.kinbridge.crosslink.protocol.PeerMetadata.ours(base()).toJson())));
            server.createContext("/.well-known/jwks.json", exchange -> answer(exchange, 200, new JWKSet(key.toPublicJWK()).toString()));
            server.createContext("/crosslink/v1/messages", exchange -> answer(exchange, 202, "{\"status\":\"accepted\"}"));
            server.start();
        }

        String base() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        /** Serves a feed whose every page has one record about {@code student} and points to the same next page. */
        void endlessFeed(String student) {
            server.createContext("/crosslink/v1/feed", exchange -> {
                feedRequests.incrementAndGet();
                try {
                    SignedJWT request = SignedJWT.parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                    JWTClaimsSet claims = request.getJWTClaimsSet();
                    CrossLinkMessage page = CrossLinkMessage.create(MessageType.FEED_RESPONSE, base(), claims.getIssuer(),
                            claims.getStringClaim("recipient_school"), claims.getStringClaim("sender_school"),
                            claims.getStringClaim("handshake"), Map.of("in_reply_to", claims.getJWTID(), "next", "stu-again",
                                    "records", List.of(Map.of("type", "fake.loop", "sourcedId", student, "data", Map.of("page", 1)))));
                    byte[] body = sign(page, Instant.now(), key).getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().add("Content-Type", "application/jose");
                    exchange.sendResponseHeaders(200, body.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(body);
                    }
                } catch (java.text.ParseException e) {
                    answer(exchange, 400, "{}");
                }
            });
        }

        CrossLinkMessage request(String recipient, String school) {
            return CrossLinkMessage.create(MessageType.LINK_REQUEST, base(), recipient, "fake-school", school, UUID.randomUUID().toString(),
                    Map.of("school_name", "Fake Product School", "requested_by", "Mallory"));
        }

        CrossLinkMessage message(MessageType type, Instance to, String senderSchool, String handshake) {
            return CrossLinkMessage.create(type, base(), to.base(), senderSchool, to.tenant, handshake,
                    Map.of("school_name", "Fake Product School", "requested_by", "Mallory", "by", "Mallory"));
        }

        String sign(CrossLinkMessage message, Instant at, RSAKey with) {
            RSAKey signing = new RSAKey.Builder(with).keyID(key.getKeyID()).build();
            return MessageSigner.sign(message, signing, at);
        }

        private static void answer(com.sun.net.httpserver.HttpExchange exchange, int status, String json) throws java.io.IOException {
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
