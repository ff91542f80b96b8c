package org.kinbridge.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.kinbridge.family.RosterPerson;
import org.kinbridge.mail.MailMessage;
import org.kinbridge.shared.PublicUrl;
import org.kinbridge.shared.SecureTokens;
import org.kinbridge.shared.TenantId;
import org.kinbridge.shared.persistence.Sql;

/**
 * Activation credentials and what carries them: a random link token for email, a short one-time code for
 * letters. Only their SHA-256 is stored; issuing a new one overwrites (kills) the old.
 */
@ApplicationScoped
public class Invitations {

    public static final String MAIL_CATEGORY = "welcome";
    private static final char[] CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK).withZone(ZoneOffset.UTC);

    @Inject
    private PublicUrl publicUrl;

    public static String newLinkToken() {
        return SecureTokens.newToken(32);
    }

    /** Twelve characters without look-alikes (60 bits), printed as XXXX-XXXX-XXXX. */
    public static String newLetterCode() {
        StringBuilder code = new StringBuilder(14);
        for (int i = 0; i < 12; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(CODE_ALPHABET[RANDOM.nextInt(CODE_ALPHABET.length)]);
        }
        return code.toString();
    }

    /** The stored form of a link token or a letter code (codes are read case- and dash-insensitively). */
    public static String hash(String presented) {
        String value = presented == null ? "" : presented.trim();
        if (value.length() <= 16) {
            value = value.toUpperCase(Locale.ROOT).replace("-", "").replace(" ", "");
        }
        return SecureTokens.sha256(value);
    }

    public static String usernameFor(String email, String rosterUsername, String sourcedId) {
        if (email != null && email.contains("@")) {
            return email.trim().toLowerCase(Locale.ROOT);
        }
        if (rosterUsername != null && !rosterUsername.isBlank()) {
            return rosterUsername.trim().toLowerCase(Locale.ROOT);
        }
        return sourcedId.toLowerCase(Locale.ROOT);
    }

    public String activationPage(TenantId tenant) {
        return publicUrl.of("/access/activate?school=" + URLEncoder.encode(tenant.value(), StandardCharsets.UTF_8));
    }

    public String activationLink(TenantId tenant, String token) {
        return activationPage(tenant) + "&token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    public String signInPage(TenantId tenant) {
        return publicUrl.of("/access/signin?school=" + URLEncoder.encode(tenant.value(), StandardCharsets.UTF_8));
    }

    MailMessage welcomeMail(TenantId tenant, String school, String to, String name, String username, List<String> children,
                            String token, Instant expires, String note, String reference) {
        String body = "Hello " + name + ",\n\n"
                + school + " has set up a parent account for you in Kinbridge"
                + (children.isEmpty() ? "" : ", where you can see information about " + String.join(", ", children)) + ".\n\n"
                + "Set your password here. The link works once and expires on " + DAY.format(expires) + ":\n"
                + activationLink(tenant, token) + "\n\n"
                + "Your username is " + username + ". Afterwards, sign in at " + signInPage(tenant) + "\n\n"
                + (note == null ? "" : note + "\n\n")
                + "If you did not expect this message, please contact " + school + ".\n";
        return new MailMessage(tenant, to, "Your parent account at " + school, body, MAIL_CATEGORY, reference);
    }

    /** Names of each adult's linked, active children (the ones they will see). */
    static Map<String, List<String>> childrenOf(Connection connection, TenantId tenant, Collection<String> people,
                                                boolean relatives) throws SQLException {
        Map<String, List<String>> children = new HashMap<>();
        List<String> all = new ArrayList<>(people);
        for (int from = 0; from < all.size(); from += 500) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + 500));
            List<Object> params = new ArrayList<>(List.of(tenant.value(), relatives));
            params.addAll(chunk);
            Sql.list(connection, "SELECT l.guardian_sourced_id, s.given_name, s.family_name, s.sourced_id FROM guardian_link l "
                    + "JOIN person s ON s.tenant_id = l.tenant_id AND s.sourced_id = l.student_sourced_id AND s.active = TRUE "
                    + "WHERE l.tenant_id = ? AND l.active = TRUE AND (l.guardian_role <> 'relative' OR ?) "
                    + "AND l.guardian_sourced_id IN (" + "?,".repeat(chunk.size() - 1) + "?) "
                    + "ORDER BY s.given_name, s.family_name", params, rs -> children.computeIfAbsent(rs.getString(1),
                            k -> new ArrayList<>()).add(RosterPerson.displayName(rs.getString(2), rs.getString(3), rs.getString(4))));
        }
        return children;
    }
}
