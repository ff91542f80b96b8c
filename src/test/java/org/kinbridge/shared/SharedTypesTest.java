package org.kinbridge.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SharedTypesTest {

    @Test
    void htmlEscapingNeutralisesMarkup() {
        assertEquals("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;", Html.escape("<script>alert('x')</script> & \""));
        assertEquals("", Html.escape(null));
    }

    @Test
    void tokensAreRandomUrlSafeAndComparedExactly() {
        String a = SecureTokens.newToken(32);
        assertNotEquals(a, SecureTokens.newToken(32));
        assertTrue(a.matches("[A-Za-z0-9_-]{43}"));
        assertTrue(SecureTokens.constantTimeEquals(a, a));
        assertFalse(SecureTokens.constantTimeEquals(a, a + "x"));
        assertFalse(SecureTokens.constantTimeEquals(a, null));
        assertEquals(SecureTokens.sha256("x"), SecureTokens.sha256("x"));
    }

    @Test
    void framingIsLimitedToTheGivenOrigins() {
        String policy = ContentSecurityPolicy.framedBy(List.of("https://lms.example.org", "https://lms.example.org"));
        assertTrue(policy.endsWith("frame-ancestors 'self' https://lms.example.org"));
        assertTrue(policy.contains("script-src 'self'"));
        assertTrue(ContentSecurityPolicy.framedBy(List.of()).endsWith("frame-ancestors 'self'"));
    }

    @Test
    void tenantIdsAreBounded() {
        assertThrows(IllegalArgumentException.class, () -> new TenantId(" "));
        assertThrows(IllegalArgumentException.class, () -> new TenantId("x".repeat(65)));
        assertEquals("abc", new TenantId("abc").toString());
    }

    @Test
    void publicUrlsDropTheTrailingSlashAndKnowTheirOrigin() {
        PublicUrl url = new PublicUrl(java.util.Optional.of("https://kb.example.org/tools/"), 8080);
        assertEquals("https://kb.example.org/tools/lti/launch", url.of("/lti/launch"));
        assertEquals("https://kb.example.org", url.origin());
        assertEquals("http://localhost:9090", new PublicUrl(java.util.Optional.empty(), 9090).base());
    }
}
