package org.kinbridge.access.parent;

import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Optional;
import org.kinbridge.shared.TenantId;

/** The parent's session cookie: {@code <tenant>.<token>}, HttpOnly, SameSite=Lax, Secure over HTTPS. */
final class ParentCookie {

    static final String NAME = "kb_parent";

    record Value(TenantId tenant, String token) {
    }

    private ParentCookie() {
    }

    static Optional<Value> read(HttpHeaders headers) {
        Cookie cookie = headers.getCookies().get(NAME);
        if (cookie == null || cookie.getValue() == null) {
            return Optional.empty();
        }
        String value = cookie.getValue();
        int dot = value.lastIndexOf('.');
        if (dot < 1 || dot == value.length() - 1 || dot > 64) {
            return Optional.empty();
        }
        return Optional.of(new Value(new TenantId(value.substring(0, dot)), value.substring(dot + 1)));
    }

    static String set(TenantId tenant, String token, String path, boolean secure, long maxAgeSeconds) {
        return NAME + "=" + tenant.value() + "." + token + "; Path=" + path + "; Max-Age=" + maxAgeSeconds
                + "; HttpOnly; SameSite=Lax" + (secure ? "; Secure" : "");
    }

    static String clear(String path, boolean secure) {
        return NAME + "=; Path=" + path + "; Max-Age=0; HttpOnly; SameSite=Lax" + (secure ? "; Secure" : "");
    }
}
