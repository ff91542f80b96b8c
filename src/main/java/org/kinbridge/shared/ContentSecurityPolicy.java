package org.kinbridge.shared;

import java.util.Collection;
import java.util.stream.Collectors;

/**
 * Our pages' Content-Security-Policy: only our own scripts and styles, and framing only by the origins
 * given (the LMS platforms), since panels render inside the platform's iframe. No X-Frame-Options:
 * it cannot name several origins and would break the iframe.
 */
public final class ContentSecurityPolicy {

    public static final String HEADER = "Content-Security-Policy";

    private ContentSecurityPolicy() {
    }

    /** A policy for a page that the given origins (plus ourselves) may frame. */
    public static String framedBy(Collection<String> origins) {
        String ancestors = origins.stream().distinct().collect(Collectors.joining(" "));
        return base() + "; frame-ancestors 'self'" + (ancestors.isEmpty() ? "" : " " + ancestors);
    }

    /** A policy for pages that carry no action worth clickjacking (error pages), framable anywhere. */
    public static String framedByAnyone() {
        return base() + "; frame-ancestors *";
    }

    private static String base() {
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
                + "form-action 'self'; base-uri 'none'; object-src 'none'";
    }
}
