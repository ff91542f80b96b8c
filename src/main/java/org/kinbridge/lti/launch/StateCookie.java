package org.kinbridge.lti.launch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import org.kinbridge.shared.PublicUrl;

/**
 * The browser-side copy of the OIDC state. The launch runs in a cross-site iframe where browsers may
 * drop third-party cookies, so it is checked when present and the server-side state suffices without it.
 */
@ApplicationScoped
public class StateCookie {

    static final String NAME = "kb_lti_state";

    @Inject
    private PublicUrl publicUrl;

    String set(String state) {
        return NAME + "=" + state + "; Path=" + path() + "; Max-Age=600; HttpOnly; Secure; SameSite=None";
    }

    String clear() {
        return NAME + "=; Path=" + path() + "; Max-Age=0; HttpOnly; Secure; SameSite=None";
    }

    private String path() {
        String basePath = URI.create(publicUrl.base()).getPath();
        return (basePath == null ? "" : basePath) + "/lti";
    }
}
