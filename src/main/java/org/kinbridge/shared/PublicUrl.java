package org.kinbridge.shared;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The address clients reach Kinbridge at ({@code KINBRIDGE_BASE_URL}); redirect URIs, the JWKS URL,
 * the launch URL and links in emails are derived from it exactly.
 */
@ApplicationScoped
public class PublicUrl {

    private final String base;

    @Inject
    public PublicUrl(@ConfigProperty(name = "kinbridge.base.url") Optional<String> configured,
                     @ConfigProperty(name = "kinbridge.port", defaultValue = "8080") int port) {
        String value = configured.filter(v -> !v.isBlank()).orElse("http://localhost:" + port);
        this.base = value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    }

    /** No-argument constructor for the CDI proxy. */
    protected PublicUrl() {
        this.base = null;
    }

    public String base() {
        return base;
    }

    /** {@code path} (starting with '/') appended to the base URL. */
    public String of(String path) {
        return base + path;
    }

    /** The origin (scheme, host and port) of the base URL, as browsers compare it. */
    public String origin() {
        return originOf(base);
    }

    public static String originOf(String url) {
        URI uri = URI.create(url);
        int port = uri.getPort();
        return uri.getScheme() + "://" + uri.getHost() + (port == -1 ? "" : ":" + port);
    }
}
