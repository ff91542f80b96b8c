package org.kinbridge.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/** Drives Kinbridge's real LTI endpoints the way a platform and a browser do. */
public final class LtiFlow {

    private final Http http;
    private final String base;

    public LtiFlow(Http http, String base) {
        this.http = http;
        this.base = base;
    }

    /** Third-party initiated login; returns the state and nonce Kinbridge sent to the platform. */
    public Login login(TestPlatform platform, String loginHint) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("iss", platform.issuer());
        params.put("login_hint", loginHint);
        params.put("target_link_uri", base + "/lti/launch");
        params.put("lti_deployment_id", TestPlatform.DEPLOYMENT_ID);
        params.put("client_id", platform.clientId());
        HttpResponse<String> response = http.get(base + "/lti/login?" + Http.formBody(params));
        assertEquals(302, response.statusCode(), () -> "login should redirect to the platform: " + response.body());
        String location = response.headers().firstValue("Location").orElseThrow();
        Map<String, String> query = Http.queryOf(location);
        return new Login(query.get("state"), query.get("nonce"), location);
    }

    public HttpResponse<String> launch(String idToken, String state) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("id_token", idToken);
        form.put("state", state);
        return http.postForm(base + "/lti/launch", form);
    }

    /** Login then launch with the id_token the given function builds from the login's nonce. */
    public HttpResponse<String> loginAndLaunch(TestPlatform platform, java.util.function.Function<IdToken, String> token) {
        Login login = login(platform, "hint");
        return launch(token.apply(platform.idToken(login.nonce(), base + "/lti/launch")), login.state());
    }

    /** The panel token a launch page carries. */
    public static String panelToken(HttpResponse<String> launchPage) {
        String marker = "<meta name=\"kb-token\" content=\"";
        int start = launchPage.body().indexOf(marker);
        if (start < 0) {
            throw new AssertionError("No panel token in the launch page: " + launchPage.body());
        }
        start += marker.length();
        return launchPage.body().substring(start, launchPage.body().indexOf('"', start));
    }

    public record Login(String state, String nonce, String location) {
    }
}
