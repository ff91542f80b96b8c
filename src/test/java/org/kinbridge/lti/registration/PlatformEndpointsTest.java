package org.kinbridge.lti.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PlatformEndpointsTest {

    @Test
    void httpsIsAlwaysAllowedAndHttpOnlyOnLoopback() {
        assertTrue(PlatformEndpoints.isAllowedUrl("https://lms.example.org/jwks"));
        assertTrue(PlatformEndpoints.isAllowedUrl("http://localhost:8080/jwks"));
        assertTrue(PlatformEndpoints.isAllowedUrl("http://127.0.0.1/jwks"));
        assertTrue(PlatformEndpoints.isAllowedUrl("http://[::1]:9000/jwks"));
        assertFalse(PlatformEndpoints.isAllowedUrl("http://lms.example.org/jwks"));
        assertFalse(PlatformEndpoints.isAllowedUrl("http://localhost.evil.example/jwks"));
        assertFalse(PlatformEndpoints.isAllowedUrl("ftp://lms.example.org/jwks"));
        assertFalse(PlatformEndpoints.isAllowedUrl("https://user:pw@lms.example.org/jwks"));
        assertFalse(PlatformEndpoints.isAllowedUrl("not a url"));
    }

    @Test
    void everyFieldIsRequiredAndTrimmed() {
        PlatformEndpoints endpoints = new PlatformEndpoints(" https://lms.example.org ", " client ",
                "https://lms.example.org/auth", "https://lms.example.org/token", "https://lms.example.org/jwks");
        assertEquals("https://lms.example.org", endpoints.issuer());
        assertEquals("client", endpoints.clientId());
        InvalidPlatformException missing = assertThrows(InvalidPlatformException.class, () -> new PlatformEndpoints(
                "https://lms.example.org", "", "https://lms.example.org/auth", "https://lms.example.org/token", "https://lms.example.org/jwks"));
        assertTrue(missing.detail().contains("clientId"));
        InvalidPlatformException plain = assertThrows(InvalidPlatformException.class, () -> new PlatformEndpoints(
                "https://lms.example.org", "c", "http://lms.example.org/auth", "https://lms.example.org/token", "https://lms.example.org/jwks"));
        assertTrue(plain.detail().contains("authLoginUrl"));
    }
}
