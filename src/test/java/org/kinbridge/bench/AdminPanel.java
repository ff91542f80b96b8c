package org.kinbridge.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.kinbridge.testing.Http;
import org.kinbridge.testing.IdToken;
import org.kinbridge.testing.LtiFlow;
import org.kinbridge.testing.TestPlatform;

/**
 * A school admin in the panel, for benchmarks: the token of a real LTI admin launch (login 302, signed admin
 * id_token, launch 200) from a {@link TestPlatform} registered for the tenant through the operator API, and the
 * panel API called with it over plain HTTP/1.1, as one browser tab would.
 */
final class AdminPanel {

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String token;

    private AdminPanel(String base, String token) {
        this.base = base;
        this.token = token;
    }

    /** Registers the platform for the tenant; its launches then land in that tenant. */
    static void register(Http http, String base, String operatorToken, String tenant, TestPlatform platform) {
        HttpResponse<String> registered = http.postJson(base + "/api/v1/tenants/" + tenant + "/platforms",
                platform.registrationJson(), "Authorization", Http.bearer(operatorToken));
        if (registered.statusCode() != 201) {
            throw new SetupFailed("register platform answered " + registered.statusCode() + ": " + registered.body());
        }
    }

    /** An admin launch from a registered platform. */
    static AdminPanel launch(Http http, String base, TestPlatform platform) {
        HttpResponse<String> launch = new LtiFlow(http, base).loginAndLaunch(platform, IdToken::signed);
        if (launch.statusCode() != 200) {
            throw new SetupFailed("launch answered " + launch.statusCode() + ": " + launch.body());
        }
        return new AdminPanel(base, LtiFlow.panelToken(launch));
    }

    /** {@code GET /api/panel/<path>}. */
    HttpResponse<String> get(String path) throws Exception {
        return send("GET", path, null, Duration.ofSeconds(60));
    }

    HttpResponse<String> send(String method, String path, String json, Duration timeout) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/api/panel/" + path)).timeout(timeout)
                .header("Authorization", Http.bearer(token));
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
