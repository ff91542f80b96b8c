package org.kinbridge.crosslink.protocol;

import java.net.URI;
import java.util.Locale;
import java.util.Set;
import org.kinbridge.shared.InvalidRequestException;

/** A peer's base URL: https (plain http only on loopback), no query or fragment, no trailing slash. */
public final class PeerUrls {

    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    private PeerUrls() {
    }

    /** The canonical form of a base URL, or {@link InvalidRequestException} saying what is wrong. */
    public static String normalise(String url) {
        if (url == null || url.isBlank() || url.length() > 500) {
            throw new InvalidRequestException("invalid_peer_url", "Enter the other product's address, e.g. https://product.example.org.");
        }
        URI uri;
        try {
            uri = URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("invalid_peer_url", "The other product's address is not a valid URL.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new InvalidRequestException("invalid_peer_url", "The other product's address must be a plain https:// URL.");
        }
        boolean loopback = LOOPBACK.contains(uri.getHost().toLowerCase(Locale.ROOT));
        if (!scheme.equals("https") && !(scheme.equals("http") && loopback)) {
            throw new InvalidRequestException("invalid_peer_url", "The other product's address must start with https://.");
        }
        String text = scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (uri.getPort() == -1 ? "" : ":" + uri.getPort())
                + (uri.getRawPath() == null ? "" : uri.getRawPath());
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        return text;
    }

    public static boolean isAllowed(String url) {
        try {
            normalise(url);
            return true;
        } catch (InvalidRequestException e) {
            return false;
        }
    }
}
