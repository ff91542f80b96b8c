package org.kinbridge.lti.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlatformOfferTest {

    private static Map<String, Object> configuration(String issuer, String host) {
        Map<String, Object> config = new HashMap<>();
        config.put("issuer", issuer);
        config.put("authorization_endpoint", host + "/auth");
        config.put("token_endpoint", host + "/token");
        config.put("jwks_uri", host + "/jwks");
        config.put("registration_endpoint", host + "/register");
        return config;
    }

    @Test
    void acceptsAnIssuerOnTheConfigurationHost() {
        var offer = DynamicRegistration.PlatformOffer.from(null, "https://moodle.school.org/mod/lti/openid-configuration.php",
                configuration("https://moodle.school.org", "https://moodle.school.org"));
        assertEquals("https://moodle.school.org/register", offer.registrationEndpoint());
        assertEquals("unknown", offer.productFamily());
    }

    @Test
    void acceptsCanvasCloudsSharedIssuerFromASchoolSite() {
        var offer = DynamicRegistration.PlatformOffer.from(null, "https://district.instructure.com/api/lti/security/openid-configuration",
                configuration("https://canvas.instructure.com", "https://sso.canvaslms.com"));
        assertEquals("https://canvas.instructure.com", offer.issuer());
    }

    @Test
    void refusesAnIssuerFromAnotherHost() {
        assertThrows(RegistrationLinkRefusedException.class, () -> DynamicRegistration.PlatformOffer.from(null,
                "https://attacker.example/openid", configuration("https://moodle.school.org", "https://moodle.school.org")));
        assertThrows(RegistrationLinkRefusedException.class, () -> DynamicRegistration.PlatformOffer.from(null,
                "https://evil.example/openid", configuration("https://canvas.instructure.com", "https://sso.canvaslms.com")));
    }

    @Test
    void refusesMissingEndpointsAndPlainHttp() {
        Map<String, Object> incomplete = configuration("https://lms.school.org", "https://lms.school.org");
        incomplete.remove("registration_endpoint");
        assertThrows(RegistrationLinkRefusedException.class, () -> DynamicRegistration.PlatformOffer.from(null,
                "https://lms.school.org/openid", incomplete));
        assertThrows(RegistrationLinkRefusedException.class, () -> DynamicRegistration.PlatformOffer.from(null,
                "https://lms.school.org/openid", configuration("https://lms.school.org", "http://lms.school.org")));
    }
}
