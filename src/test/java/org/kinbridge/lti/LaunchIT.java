package org.kinbridge.lti;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kinbridge.testing.Http.bearer;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
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
import org.kinbridge.testing.LtiFlow;
import org.kinbridge.testing.TestPlatform;

/**
 * The LTI 1.3 journey over real HTTP against Kinbridge in Payara Micro on PostgreSQL: the operator sets
 * up tenants and platforms, platforms launch users, forged and broken launches are refused in plain words.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LaunchIT {

    private static final Http HTTP = new Http();
    private static final String BASE = Deployments.baseUrl();
    private static final LtiFlow FLOW = new LtiFlow(HTTP, BASE);
    private static final String OPERATOR = bearer(Deployments.operatorToken());

    private static TestPlatform platformA;
    private static TestPlatform platformB;
    private static String tenantA;
    private static String tenantB;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.kinbridgeWar();
    }

    @BeforeAll
    static void twoSchoolsWithTheirPlatforms() {
        platformA = new TestPlatform();
        platformB = new TestPlatform();
        tenantA = createTenant("Alder School");
        tenantB = createTenant("Birch Academy");
        assertEquals(201, registerPlatform(tenantA, platformA).statusCode());
        assertEquals(201, registerPlatform(tenantB, platformB).statusCode());
    }

    @AfterAll
    static void stopPlatforms() {
        platformA.close();
        platformB.close();
    }

    // --- Operator API -------------------------------------------------------------------------

    @Test
    void operatorApiRefusesMissingOrWrongToken() {
        HttpResponse<String> missing = HTTP.postJson(BASE + "/api/v1/tenants", "{\"name\":\"X\"}");
        HttpResponse<String> wrong = HTTP.postJson(BASE + "/api/v1/tenants", "{\"name\":\"X\"}", "Authorization", bearer("guess"));
        HttpResponse<String> lowercase = HTTP.get(BASE + "/api/v1/tenants/" + tenantA, "Authorization", "bearer " + Deployments.operatorToken());
        assertEquals(401, missing.statusCode());
        assertEquals(401, wrong.statusCode());
        assertEquals("unauthorized", json(wrong).get("error"));
        assertEquals(200, lowercase.statusCode(), "the auth scheme is case-insensitive");
    }

    @Test
    void operatorApiAnswersBadInputWithJsonErrors() {
        assertError(HTTP.postJson(BASE + "/api/v1/tenants", "{\"name\":\"  \"}", "Authorization", OPERATOR), 400, "invalid_tenant");
        assertError(HTTP.postJson(BASE + "/api/v1/tenants", "{not json", "Authorization", OPERATOR), 400, "bad_request");
        assertError(HTTP.postJson(BASE + "/api/v1/tenants/no-such-tenant/platforms", platformA.registrationJson(),
                "Authorization", OPERATOR), 404, "unknown_tenant");
        assertError(registerPlatform(tenantA, platformA), 409, "platform_exists");
        String plainHttp = platformA.registrationJson().replace("http://127.0.0.1", "http://lms.example.org");
        assertError(HTTP.postJson(BASE + "/api/v1/tenants/" + tenantA + "/platforms", plainHttp, "Authorization", OPERATOR),
                400, "invalid_platform");
        String noDeployments = platformA.registrationJson().replace("\"" + TestPlatform.DEPLOYMENT_ID + "\"", "");
        assertError(HTTP.postJson(BASE + "/api/v1/tenants/" + tenantA + "/platforms", noDeployments, "Authorization", OPERATOR),
                400, "invalid_platform");
    }

    // --- Launches that work ---------------------------------------------------------------------

    @Test
    void adminLaunchOpensTheAdminPanelFramedOnlyByThePlatform() {
        HttpResponse<String> page = FLOW.loginAndLaunch(platformA, IdToken::signed);

        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(page.body().contains("id=\"kb-admin\""));
        assertTrue(page.body().contains("Alder School"));
        assertTrue(page.body().contains("Alice Admin"));
        String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(csp.contains("frame-ancestors 'self' " + platformA.issuer()), csp);
        assertFalse(csp.contains(platformB.issuer()), "another school's platform may not frame this panel");
        assertTrue(page.headers().firstValue("X-Frame-Options").isEmpty());

        Map<String, Object> me = json(HTTP.get(BASE + "/api/panel/me", "Authorization", bearer(LtiFlow.panelToken(page))));
        assertEquals(tenantA, me.get("tenantId"));
        assertEquals("SCHOOL_ADMIN", me.get("role"));
        assertEquals("staff-001", me.get("personSourcedId"));
    }

    @Test
    void mentorLaunchShowsTheParentViewWithTheMenteesGiven() {
        HttpResponse<String> page = FLOW.loginAndLaunch(platformA, token -> token.roles(IdToken.MENTOR)
                .lti("role_scope_mentor", List.of("student-17", "student-23")).signed());

        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.body().contains("id=\"kb-parent\""));
        assertTrue(page.body().contains("data-mentee=\"student-17\""));
        assertTrue(page.body().contains("data-mentee=\"student-23\""));
        assertFalse(page.body().contains("kb-admin"));
    }

    @Test
    void mentorLaunchWithNobodyLinkedExplainsWhy() {
        HttpResponse<String> page = FLOW.loginAndLaunch(platformA, token -> token.roles(IdToken.MENTOR).signed());

        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.body().contains("id=\"kb-no-children\""));
    }

    @Test
    void learnersAndInstructorsGetAnExplanationAndNoPanelToken() {
        for (String role : List.of(IdToken.LEARNER, IdToken.INSTRUCTOR)) {
            HttpResponse<String> page = FLOW.loginAndLaunch(platformA, token -> token.roles(role).signed());
            assertEquals(200, page.statusCode(), page.body());
            assertTrue(page.body().contains("What Kinbridge is for"));
            assertFalse(page.body().contains("kb-token"));
        }
    }

    @Test
    void loginWorksByFormPostToo() {
        HttpResponse<String> response = HTTP.postForm(BASE + "/lti/login", Map.of("iss", platformA.issuer(),
                "login_hint", "u1", "target_link_uri", BASE + "/lti/launch", "client_id", platformA.clientId()));
        assertEquals(302, response.statusCode());
        String location = response.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith(platformA.authLoginUrl() + "?"));
        Map<String, String> query = Http.queryOf(location);
        assertEquals(BASE + "/lti/launch", query.get("redirect_uri"));
        assertEquals("form_post", query.get("response_mode"));
        assertEquals(platformA.clientId(), query.get("client_id"));
        String cookie = response.headers().firstValue("Set-Cookie").orElse("");
        assertTrue(cookie.startsWith("kb_lti_state=" + query.get("state") + ";"), cookie);
        assertTrue(cookie.contains("Secure") && cookie.contains("SameSite=None") && cookie.contains("HttpOnly"), cookie);
    }

    @Test
    void aPlatformThatRotatesItsKeyIsFollowed() {
        try (TestPlatform rotating = new TestPlatform()) {
            assertEquals(201, registerPlatform(tenantA, rotating).statusCode());
            assertEquals(200, FLOW.loginAndLaunch(rotating, IdToken::signed).statusCode());
            rotating.rotateKey();
            assertEquals(200, FLOW.loginAndLaunch(rotating, IdToken::signed).statusCode(), "unknown kid refetches the JWKS");
            assertEquals(2, rotating.jwksFetches());
        }
    }

    // --- Launches that are refused ----------------------------------------------------------------

    @Test
    void refusesABadSignature() {
        assertRefused(t -> t.forgedWith(TestPlatform.newKey()).signed(), 401, "signature is not valid");
    }

    @Test
    void refusesAlgNone() {
        assertRefused(IdToken::unsigned, 401, "not signed");
    }

    @Test
    void refusesHmacAlgorithmConfusion() {
        assertRefused(IdToken::hmacSigned, 401, "only RS256");
    }

    @Test
    void refusesAnExpiredToken() {
        Instant now = Instant.now();
        assertRefused(t -> t.times(now.minus(Duration.ofMinutes(10)), now.minus(Duration.ofMinutes(5))).signed(), 401, "expired");
    }

    @Test
    void refusesATokenIssuedInTheFuture() {
        Instant now = Instant.now();
        assertRefused(t -> t.times(now.plus(Duration.ofMinutes(10)), now.plus(Duration.ofMinutes(15))).signed(), 401, "future");
    }

    @Test
    void refusesTheWrongAudience() {
        assertRefused(t -> t.audience("some-other-tool").signed(), 401, "another tool");
    }

    @Test
    void refusesSeveralAudiencesWithoutAzp() {
        assertRefused(t -> t.audience(platformA.clientId(), "other").signed(), 401, "azp");
    }

    @Test
    void refusesAnUnknownIssuer() {
        assertRefused(t -> t.claim("iss", "https://unknown-lms.example.org").signed(), 403, "not registered");
    }

    @Test
    void refusesAnUnknownDeployment() {
        assertRefused(t -> t.lti("deployment_id", "deployment-99").signed(), 403, "deployment-99 is not registered");
    }

    @Test
    void refusesAMissingMessageType() {
        assertRefused(t -> t.without(IdToken.LTI + "message_type").signed(), 400, "no message_type");
    }

    @Test
    void refusesAnUnsupportedMessageType() {
        assertRefused(t -> t.lti("message_type", "LtiSubmissionReviewRequest").signed(), 400, "does not support the message type");
    }

    @Test
    void refusesTheWrongVersion() {
        assertRefused(t -> t.lti("version", "1.1.0").signed(), 400, "not LTI version 1.3.0");
    }

    @Test
    void refusesMissingRoles() {
        assertRefused(t -> t.without(IdToken.LTI + "roles").signed(), 400, "no roles");
    }

    @Test
    void refusesAMissingResourceLinkId() {
        assertRefused(t -> t.lti("resource_link", Map.of("title", "no id")).signed(), 400, "no resource_link id");
    }

    @Test
    void refusesAForeignTargetLinkUri() {
        assertRefused(t -> t.lti("target_link_uri", "https://evil.example.org/lti/launch").signed(), 403, "another tool");
    }

    @Test
    void refusesAGarbageToken() {
        assertRefused(t -> "this-is-not-a-jwt", 400, "not a valid JWT");
    }

    @Test
    void refusesAMissingToken() {
        assertRejectionPage(HTTP.postForm(BASE + "/lti/launch", Map.of("state", "x")), 400, "no id_token");
    }

    @Test
    void refusesANonceReplay() {
        LtiFlow.Login login = FLOW.login(platformA, "hint");
        String token = platformA.idToken(login.nonce(), BASE + "/lti/launch").signed();
        assertEquals(200, FLOW.launch(token, login.state()).statusCode());
        assertRejectionPage(FLOW.launch(token, login.state()), 401, "already used");
    }

    @Test
    void refusesAStateMismatch() {
        LtiFlow.Login login = FLOW.login(platformA, "hint");
        String token = platformA.idToken(login.nonce(), BASE + "/lti/launch").signed();
        assertRejectionPage(FLOW.launch(token, "a-state-we-never-issued"), 401, "state");
    }

    @Test
    void refusesAStateIssuedForAnotherNonce() {
        LtiFlow.Login first = FLOW.login(platformA, "hint");
        LtiFlow.Login second = FLOW.login(platformA, "hint");
        String token = platformA.idToken(first.nonce(), BASE + "/lti/launch").signed();
        assertRejectionPage(FLOW.launch(token, second.state()), 401, "does not match the login");
    }

    @Test
    void refusesLoginsItCannotPlace() {
        Map<String, String> login = Map.of("iss", "https://unknown-lms.example.org", "login_hint", "u",
                "target_link_uri", BASE + "/lti/launch");
        assertRejectionPage(HTTP.get(BASE + "/lti/login?" + Http.formBody(login)), 403, "not registered");
        Map<String, String> noHint = Map.of("iss", platformA.issuer(), "target_link_uri", BASE + "/lti/launch");
        assertRejectionPage(HTTP.get(BASE + "/lti/login?" + Http.formBody(noHint)), 400, "missing login_hint");
        Map<String, String> foreignTarget = Map.of("iss", platformA.issuer(), "login_hint", "u",
                "target_link_uri", "https://evil.example.org/");
        assertRejectionPage(HTTP.get(BASE + "/lti/login?" + Http.formBody(foreignTarget)), 403, "another tool");
        Map<String, String> unknownDeployment = Map.of("iss", platformA.issuer(), "login_hint", "u",
                "target_link_uri", BASE + "/lti/launch", "lti_deployment_id", "nope");
        assertRejectionPage(HTTP.get(BASE + "/lti/login?" + Http.formBody(unknownDeployment)), 403, "nope is not registered");
    }

    // --- Tool keys ------------------------------------------------------------------------------

    @Test
    void toolKeysArePublishedRotatedAndRetired() throws ParseException {
        List<Object> before = keysOf(HTTP.get(BASE + "/.well-known/jwks.json"));
        assertFalse(before.isEmpty());
        String oldKid = (String) ((Map<?, ?>) before.get(0)).get("kid");
        assertFalse(((Map<?, ?>) before.get(0)).containsKey("d"), "private parts are never published");

        HttpResponse<String> rotated = HTTP.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(BASE + "/api/v1/keys/rotate"))
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()), "Authorization", OPERATOR);
        assertEquals(201, rotated.statusCode(), rotated.body());
        String newKid = (String) json(rotated).get("kid");
        List<Object> during = keysOf(HTTP.get(BASE + "/.well-known/jwks.json"));
        assertEquals(before.size() + 1, during.size(), "the old key stays published after rotation");

        assertEquals(409, postEmpty("/api/v1/keys/" + newKid + "/retire").statusCode(), "the signing key cannot be retired");
        assertEquals(204, postEmpty("/api/v1/keys/" + oldKid + "/retire").statusCode());
        List<Object> after = keysOf(HTTP.get(BASE + "/.well-known/jwks.json"));
        assertTrue(after.stream().noneMatch(k -> oldKid.equals(((Map<?, ?>) k).get("kid"))));
        assertEquals(404, postEmpty("/api/v1/keys/unknown-kid/retire").statusCode());
    }

    // --- Dynamic Registration ---------------------------------------------------------------------

    @Test
    void dynamicRegistrationLandsInTheTenantOfTheLinkAndThenLaunches() {
        try (TestPlatform lms = new TestPlatform()) {
            HttpResponse<String> link = HTTP.postJson(BASE + "/api/v1/tenants/" + tenantB + "/registrations", "{}",
                    "Authorization", OPERATOR);
            assertEquals(201, link.statusCode(), link.body());
            String registrationUrl = (String) json(link).get("registrationUrl");
            assertTrue(registrationUrl.startsWith(BASE + "/lti/register?"));
            String invitation = Http.queryOf(registrationUrl).get("invitation");

            String opened = registrationUrl + "&openid_configuration=" + Http.encode(lms.openidConfigurationUrl())
                    + "&registration_token=reg-token-1";
            HttpResponse<String> confirm = HTTP.get(opened);
            assertEquals(200, confirm.statusCode(), confirm.body());
            assertTrue(confirm.body().contains("Birch Academy"));
            assertTrue(confirm.body().contains("<form method=\"post\""));
            assertTrue(lms.registrationRequests().isEmpty(), "nothing is registered before the admin confirms");

            HttpResponse<String> done = HTTP.postForm(BASE + "/lti/register", Map.of("invitation", invitation,
                    "openid_configuration", lms.openidConfigurationUrl(), "registration_token", "reg-token-1"));
            assertEquals(200, done.statusCode(), done.body());
            assertTrue(done.body().contains("/lti/register/close.js"));
            assertTrue(HTTP.get(BASE + "/lti/register/close.js").body().contains("org.imsglobal.lti.close"));

            assertEquals(List.of("Bearer reg-token-1"), lms.registrationAuthorizations());
            Map<String, Object> sent = lms.registrationRequests().get(0);
            assertEquals(BASE + "/lti/login", sent.get("initiate_login_uri"));
            assertEquals(List.of(BASE + "/lti/launch"), sent.get("redirect_uris"));
            assertEquals(BASE + "/.well-known/jwks.json", sent.get("jwks_uri"));

            HttpResponse<String> page = FLOW.loginAndLaunch(lms, IdToken::signed);
            assertEquals(200, page.statusCode(), page.body());
            assertTrue(page.body().contains("Birch Academy"), "the platform belongs to the tenant the link was made for");

            assertRejectionPage(HTTP.get(opened), 400, "already used");
            assertRejectionPage(HTTP.postForm(BASE + "/lti/register", Map.of("invitation", invitation,
                    "openid_configuration", lms.openidConfigurationUrl())), 400, "already used");
        }
    }

    @Test
    void dynamicRegistrationRefusesUnknownLinks() {
        try (TestPlatform lms = new TestPlatform()) {
            assertRejectionPage(HTTP.get(BASE + "/lti/register?invitation=made-up&openid_configuration="
                    + Http.encode(lms.openidConfigurationUrl())), 400, "unknown, expired or already used");
        }
    }

    // --- Tenant isolation -------------------------------------------------------------------------

    @Test
    void aPanelTokenSeesOnlyItsOwnSchool() {
        String tokenA = LtiFlow.panelToken(FLOW.loginAndLaunch(platformA, IdToken::signed));

        List<Object> platforms = jsonArray(HTTP.get(BASE + "/api/panel/platforms", "Authorization", bearer(tokenA)));
        assertTrue(platforms.stream().allMatch(p -> !platformB.issuer().equals(((Map<?, ?>) p).get("issuer"))));
        assertTrue(platforms.stream().anyMatch(p -> platformA.issuer().equals(((Map<?, ?>) p).get("issuer"))));

        String[] parts = tokenA.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1])).replace(tenantA, tenantB);
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes()) + "." + parts[2];
        assertError(HTTP.get(BASE + "/api/panel/me", "Authorization", bearer(tampered)), 401, "session_expired");
        assertError(HTTP.get(BASE + "/api/panel/me"), 401, "session_expired");
        assertError(HTTP.get(BASE + "/api/v1/tenants/" + tenantB, "Authorization", bearer(tokenA)), 401, "unauthorized");
    }

    @Test
    void parentsCannotUseAdminPanelApis() {
        String parentToken = LtiFlow.panelToken(FLOW.loginAndLaunch(platformA, t -> t.roles(IdToken.MENTOR).signed()));
        assertError(HTTP.get(BASE + "/api/panel/platforms", "Authorization", bearer(parentToken)), 403, "forbidden");
    }

    @Test
    void reportsReadyWhenItCanTakeLaunches() {
        HttpResponse<String> ready = HTTP.get(BASE.replace("/kinbridge", "") + "/health/ready");
        assertEquals(200, ready.statusCode(), ready.body());
        assertTrue(ready.body().contains("\"UP\""));
    }

    // --- helpers ----------------------------------------------------------------------------------

    private static void assertRefused(Function<IdToken, String> token, int status, String reason) {
        assertRejectionPage(FLOW.loginAndLaunch(platformA, token), status, reason);
    }

    private static void assertRejectionPage(HttpResponse<String> response, int status, String reason) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(response.body().contains(reason), () -> "expected '" + reason + "' in " + response.body());
        assertFalse(response.body().contains("Exception") || response.body().contains("at org."), "no internals leak");
    }

    private static void assertError(HttpResponse<String> response, int status, String error) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(error, json(response).get("error"), response.body());
    }

    private static String createTenant(String name) {
        HttpResponse<String> response = HTTP.postJson(BASE + "/api/v1/tenants", "{\"name\":\"" + name + "\"}", "Authorization", OPERATOR);
        assertEquals(201, response.statusCode(), response.body());
        return (String) json(response).get("id");
    }

    private static HttpResponse<String> registerPlatform(String tenant, TestPlatform platform) {
        return HTTP.postJson(BASE + "/api/v1/tenants/" + tenant + "/platforms", platform.registrationJson(), "Authorization", OPERATOR);
    }

    private static HttpResponse<String> postEmpty(String path) {
        return HTTP.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(BASE + path))
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()), "Authorization", OPERATOR);
    }

    private static Map<String, Object> json(HttpResponse<String> response) {
        try {
            return JSONObjectUtils.parse(response.body());
        } catch (ParseException e) {
            throw new AssertionError("Not JSON (" + response.statusCode() + "): " + response.body());
        }
    }

    private static List<Object> jsonArray(HttpResponse<String> response) {
        try {
            return JSONObjectUtils.parse("{\"items\":" + response.body() + "}").get("items") instanceof List<?> list
                    ? List.copyOf(list) : List.of();
        } catch (ParseException e) {
            throw new AssertionError("Not a JSON array (" + response.statusCode() + "): " + response.body());
        }
    }

    private static List<Object> keysOf(HttpResponse<String> jwks) throws ParseException {
        return List.copyOf((List<?>) JSONObjectUtils.parse(jwks.body()).get("keys"));
    }
}
