package org.kinbridge.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An LTI 1.3 platform double on loopback: it publishes a JWKS and an OpenID configuration, accepts
 * Dynamic Registration requests, and signs id_tokens (see {@link IdToken}) as a real LMS would.
 */
public final class TestPlatform implements AutoCloseable {

    public static final String DEPLOYMENT_ID = "deployment-1";
    private static final AtomicInteger CLIENTS = new AtomicInteger();

    private final HttpServer server;
    private final String clientId;
    private final List<JWK> published = new CopyOnWriteArrayList<>();
    private final List<Map<String, Object>> registrationRequests = new CopyOnWriteArrayList<>();
    private final List<String> registrationAuthorizations = new CopyOnWriteArrayList<>();
    private final AtomicInteger jwksFetches = new AtomicInteger();
    private RSAKey signingKey;

    public TestPlatform() {
        this.clientId = "client-" + CLIENTS.incrementAndGet() + "-" + System.nanoTime();
        this.signingKey = newKey();
        published.add(signingKey.toPublicJWK());
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/jwks", exchange -> {
            jwksFetches.incrementAndGet();
            answer(exchange, 200, new JWKSet(List.copyOf(published)).toString());
        });
        server.createContext("/.well-known/openid-configuration", exchange -> answer(exchange, 200,
                JSONObjectUtils.toJSONString(openidConfiguration())));
        server.createContext("/register", this::register);
        server.start();
    }

    public String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String clientId() {
        return clientId;
    }

    public String authLoginUrl() {
        return issuer() + "/auth";
    }

    public String jwksUrl() {
        return issuer() + "/jwks";
    }

    public String openidConfigurationUrl() {
        return issuer() + "/.well-known/openid-configuration";
    }

    public int jwksFetches() {
        return jwksFetches.get();
    }

    public List<Map<String, Object>> registrationRequests() {
        return registrationRequests;
    }

    public List<String> registrationAuthorizations() {
        return registrationAuthorizations;
    }

    /** The operator API body registering this platform. */
    public String registrationJson() {
        return JSONObjectUtils.toJSONString(Map.of("issuer", issuer(), "clientId", clientId,
                "authLoginUrl", authLoginUrl(), "authTokenUrl", issuer() + "/token", "jwksUrl", jwksUrl(),
                "deploymentIds", List.of(DEPLOYMENT_ID)));
    }

    /** Starts signing with a new key, publishing both, as platforms do when they rotate. */
    public void rotateKey() {
        signingKey = newKey();
        published.add(signingKey.toPublicJWK());
    }

    public RSAKey signingKey() {
        return signingKey;
    }

    /** An admin launch id_token answering a login with this nonce; adjust it before signing. */
    public IdToken idToken(String nonce, String targetLinkUri) {
        return IdToken.adminLaunch(this, nonce, targetLinkUri);
    }

    public static RSAKey newKey() {
        try {
            return new RSAKeyGenerator(2048).keyID("key-" + System.nanoTime()).keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Object> openidConfiguration() {
        return Map.of("issuer", issuer(),
                "authorization_endpoint", authLoginUrl(),
                "token_endpoint", issuer() + "/token",
                "jwks_uri", jwksUrl(),
                "registration_endpoint", issuer() + "/register",
                "https://purl.imsglobal.org/spec/lti-platform-configuration",
                Map.of("product_family_code", "test-lms", "version", "1.0"));
    }

    private void register(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        try {
            registrationRequests.add(JSONObjectUtils.parse(body));
        } catch (java.text.ParseException e) {
            answer(exchange, 400, "{\"error\":\"invalid_client_metadata\"}");
            return;
        }
        registrationAuthorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
        answer(exchange, 200, JSONObjectUtils.toJSONString(Map.of("client_id", clientId,
                "https://purl.imsglobal.org/spec/lti-tool-configuration", Map.of("deployment_id", DEPLOYMENT_ID))));
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
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
