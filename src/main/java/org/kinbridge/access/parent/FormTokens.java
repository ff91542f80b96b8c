package org.kinbridge.access.parent;

import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Optional;
import org.kinbridge.shared.SecureTokens;

/**
 * CSRF protection for the parent's forms by double submit: a random value in an HttpOnly, {@code SameSite=Strict}
 * cookie, and in each form a hidden token derived from that value and the form's name. Another site can make a
 * browser post a form here, but it can neither read the cookie nor set it on a same-site request, so it cannot
 * produce the token; a token taken from one form does not fit another.
 */
final class FormTokens {

    static final String COOKIE = "kb_form";
    static final String FIELD = "form_token";
    private static final int MIN_LENGTH = 32;

    /** The browser's form value and, when it had none (or an unusable one), the cookie that gives it a new one. */
    record Issued(String value, Optional<String> setCookie) {

        String tokenFor(String form) {
            return FormTokens.tokenFor(value, form);
        }
    }

    private FormTokens() {
    }

    static Issued issue(HttpHeaders headers, String path, boolean secure) {
        Optional<String> current = read(headers);
        if (current.isPresent()) {
            return new Issued(current.get(), Optional.empty());
        }
        String value = SecureTokens.newToken(32);
        return new Issued(value, Optional.of(COOKIE + "=" + value + "; Path=" + path + "; HttpOnly; SameSite=Strict"
                + (secure ? "; Secure" : "")));
    }

    /** Whether a posted form's token fits the browser's cookie and this form. */
    static boolean accepts(HttpHeaders headers, String form, String presented) {
        return read(headers).map(value -> SecureTokens.constantTimeEquals(tokenFor(value, form), presented)).orElse(false);
    }

    private static String tokenFor(String value, String form) {
        return SecureTokens.sha256(form + ":" + value);
    }

    private static Optional<String> read(HttpHeaders headers) {
        Cookie cookie = headers.getCookies().get(COOKIE);
        return Optional.ofNullable(cookie).map(Cookie::getValue).filter(v -> v.length() >= MIN_LENGTH && v.length() <= 64);
    }
}
