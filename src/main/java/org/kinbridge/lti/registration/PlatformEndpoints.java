package org.kinbridge.lti.registration;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Set;

/**
 * Where a platform lives: its issuer, the client id it gave us, and its OIDC, token and JWKS URLs.
 * Every URL must be https, except on loopback hosts where local test platforms run.
 */
public record PlatformEndpoints(String issuer, String clientId, String authLoginUrl, String authTokenUrl, String jwksUrl) {

    private static final Set<String> LOOPBACK_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    public PlatformEndpoints {
        issuer = requireUrl("issuer", issuer);
        clientId = requireText("clientId", clientId);
        authLoginUrl = requireUrl("authLoginUrl", authLoginUrl);
        authTokenUrl = requireUrl("authTokenUrl", authTokenUrl);
        jwksUrl = requireUrl("jwksUrl", jwksUrl);
    }

    private static String requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidPlatformException(field + " is required.");
        }
        if (value.length() > 255) {
            throw new InvalidPlatformException(field + " is longer than 255 characters.");
        }
        return value.trim();
    }

    static String requireUrl(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidPlatformException(field + " is required.");
        }
        String text = value.trim();
        if (text.length() > 1000) {
            throw new InvalidPlatformException(field + " is longer than 1000 characters.");
        }
        if (!isAllowedUrl(text)) {
            throw new InvalidPlatformException(field + " must be an https:// URL (http:// only on localhost).");
        }
        return text;
    }

    /** True for https URLs, and for http URLs whose host is a loopback address. */
    public static boolean isAllowedUrl(String value) {
        try {
            URI uri = new URI(value);
            if (uri.getHost() == null || uri.getUserInfo() != null) {
                return false;
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
            return scheme.equals("https") || (scheme.equals("http") && LOOPBACK_HOSTS.contains(uri.getHost().toLowerCase()));
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
