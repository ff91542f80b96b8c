package org.kinbridge.access;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.kinbridge.audit.AuditEntry;
import org.kinbridge.audit.AuditLog;
import org.kinbridge.mail.Outbox;
import org.kinbridge.school.Tenant;
import org.kinbridge.school.TenantService;
import org.kinbridge.shared.SecureTokens;
import org.kinbridge.shared.TenantId;
import org.kinbridge.shared.persistence.DatasourceDefinition;

/**
 * The Account Manager's bulk actions: one transaction per action, a per-person outcome for everyone selected.
 * Welcome mail goes to the outbox in the same transaction; letters come back as codes for the PDF.
 */
@ApplicationScoped
public class BulkActions {

    public static final Duration REINVITE_GAP = Duration.ofDays(1);

    @Resource(lookup = DatasourceDefinition.JNDI_NAME)
    private DataSource dataSource;

    @Inject
    private AuditLog audit;

    @Inject
    private Outbox outbox;

    @Inject
    private Invitations invitations;

    @Inject
    private TenantService tenants;

    @Inject
    private ReasonsEngine engine;

    @Inject
    private Clock clock;

    public record Outcome(String personSourcedId, String name, boolean done, String code, String detail) {
    }

    public record Report(BulkAction action, int selected, int affected, List<Outcome> outcomes) {
    }

    /** A printed letter's content. */
    public record Letter(String personSourcedId, String name, String username, List<String> children, String code,
                         Instant expires) {
    }

    public record Printed(Report report, String school, String activationPage, List<Letter> letters) {
    }

    private record Target(String person, AccountState state, Set<RevokeReason> reasons, String email, String rosterUsername,
                          String name, Instant lastInvitedAt, Instant provisionedAt, boolean restricted, boolean activated) {

        AccountState resumed() {
            return !reasons.isEmpty() ? AccountState.READY_TO_REVOKE : activated ? AccountState.ACTIVE : AccountState.INVITED;
        }
    }

    /** How many of the selected people the action would apply to, for the confirmation. */
    @Transactional
    public Report preview(TenantId tenant, BulkAction action, List<String> people) {
        List<Outcome> outcomes = new ArrayList<>();
        int affected = 0;
        Instant now = clock.instant();
        for (Target target : load(tenant, people).values()) {
            Optional<String> refusal = refusal(action, target, now);
            affected += refusal.isEmpty() ? 1 : 0;
            outcomes.add(new Outcome(target.person(), target.name(), refusal.isEmpty(), refusal.orElse("ok"), ""));
        }
        return new Report(action, people.size(), affected, outcomes);
    }

    @Transactional
    public Report run(TenantId tenant, String actor, BulkAction action, List<String> people, String reason) {
        if (action == BulkAction.PRINT) {
            return print(tenant, actor, people).report();
        }
        return apply(tenant, actor, action, people, reason, new ArrayList<>());
    }

    @Transactional
    public Printed print(TenantId tenant, String actor, List<String> people) {
        List<Letter> letters = new ArrayList<>();
        Report report = apply(tenant, actor, BulkAction.PRINT, people, null, letters);
        return new Printed(report, school(tenant), invitations.activationPage(tenant), letters);
    }

    private Report apply(TenantId tenant, String actor, BulkAction action, List<String> people, String reason, List<Letter> letters) {
        Instant now = clock.instant();
        Map<String, Target> targets = load(tenant, people);
        AccessSettings.Settings settings;
        Map<String, List<String>> children;
        List<Outcome> outcomes = new ArrayList<>();
        List<AuditEntry> entries = new ArrayList<>();
        String school = school(tenant);
        boolean provisioned = false;
        try (Connection connection = dataSource.getConnection()) {
            settings = AccessSettings.read(connection, tenant);
            children = action == BulkAction.PROVISION || action == BulkAction.RESEND || action == BulkAction.PRINT
                    ? Invitations.childrenOf(connection, tenant, targets.keySet(), settings.relativesAllowed()) : Map.of();
            for (String person : people) {
                Target target = targets.get(person);
                if (target == null) {
                    outcomes.add(new Outcome(person, person, false, "unknown", "No parent account for this person."));
                    continue;
                }
                Optional<String> refusal = refusal(action, target, now);
                if (refusal.isPresent()) {
                    outcomes.add(new Outcome(person, target.name(), false, refusal.get(), explain(refusal.get(), target)));
                    continue;
                }
                List<String> kids = children.getOrDefault(person, List.of());
                String why = reason == null || reason.isBlank() ? action.label : reason.trim();
                AccountState to = switch (action) {
                    case PROVISION, RESEND, PRINT -> AccountState.INVITED;
                    case REVOKE -> AccountState.REVOKED;
                    case SUSPEND -> AccountState.SUSPENDED;
                    case RESUME -> target.resumed();
                };
                String detail = switch (action) {
                    case PROVISION, RESEND -> invite(connection, tenant, target, now, settings, school, kids, true, null);
                    case PRINT -> invite(connection, tenant, target, now, settings, school, kids, false, letters);
                    case REVOKE -> revoke(connection, tenant, target, now);
                    case SUSPEND -> suspend(connection, tenant, target, now);
                    case RESUME -> resume(connection, tenant, target, now);
                };
                provisioned |= target.state() != AccountState.INVITED && to == AccountState.INVITED;
                outcomes.add(new Outcome(person, target.name(), true, "done", detail));
                entries.add(ReasonsEngine.transition(now, actor, person, Optional.of(target.state()), to, why + " (" + detail + ")", "panel"));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not run " + action, e);
        }
        audit.recordAll(tenant, entries);
        if (provisioned || action == BulkAction.RESUME) {
            engine.recomputeNow(tenant, Optional.empty(), actor);
        }
        return new Report(action, people.size(), entries.size(), outcomes);
    }

    private String invite(Connection connection, TenantId tenant, Target target, Instant now, AccessSettings.Settings settings,
                          String school, List<String> kids, boolean byMail, List<Letter> letters) throws SQLException {
        String secret = byMail ? Invitations.newLinkToken() : Invitations.newLetterCode();
        Instant expires = now.plus(Duration.ofDays(settings.inviteDays()));
        String username = Invitations.usernameFor(target.email(), target.rosterUsername(), target.person());
        String reference = SecureTokens.newToken(16);
        boolean fresh = target.state() != AccountState.INVITED;
        int updated = Sql.update(connection, "UPDATE parent_account SET state = 'INVITED', username = ?, password_hash = NULL, "
                + "activation_hash = ?, activation_expires_at = ?, invite_ref = ?, invite_channel = ?, last_invited_at = ?, "
                + "mail_status = ?, mail_error = NULL, provisioned_at = ?, activated_at = NULL, state_changed_at = ? "
                + "WHERE tenant_id = ? AND person_sourced_id = ? AND state = ?", Arrays.asList(username, Invitations.hash(secret),
                expires, reference, byMail ? "EMAIL" : "LETTER", byMail || target.lastInvitedAt() == null ? now : target.lastInvitedAt(),
                byMail ? "QUEUED" : null, fresh || target.provisionedAt() == null ? now : target.provisionedAt(), now,
                tenant.value(), target.person(), target.state().name()));
        if (updated != 1) {
            throw new IllegalStateException("The account changed while it was being invited");
        }
        if (byMail) {
            outbox.enqueue(invitations.welcomeMail(tenant, school, target.email(), target.name(), username, kids, secret, expires,
                    settings.welcomeNote(), MailOutcomes.reference(reference, target.person())));
            return "welcome email queued to " + target.email();
        }
        letters.add(new Letter(target.person(), target.name(), username, kids, secret, expires));
        return "letter printed with a new code";
    }

    private static String revoke(Connection connection, TenantId tenant, Target target, Instant now) throws SQLException {
        Sql.update(connection, "UPDATE parent_account SET state = 'REVOKED', username = NULL, password_hash = NULL, "
                + "activation_hash = NULL, activation_expires_at = NULL, invite_ref = NULL, state_changed_at = ? "
                + "WHERE tenant_id = ? AND person_sourced_id = ? AND state = ?",
                List.of(now, tenant.value(), target.person(), target.state().name()));
        int sessions = endSessions(connection, tenant, target.person());
        return "username, password and " + sessions + " session(s) removed";
    }

    private static String suspend(Connection connection, TenantId tenant, Target target, Instant now) throws SQLException {
        Sql.update(connection, "UPDATE parent_account SET state = 'SUSPENDED', activation_hash = NULL, activation_expires_at = NULL, "
                + "state_changed_at = ? WHERE tenant_id = ? AND person_sourced_id = ? AND state = ?",
                List.of(now, tenant.value(), target.person(), target.state().name()));
        int sessions = endSessions(connection, tenant, target.person());
        return "sign-in off, " + sessions + " session(s) ended";
    }

    private static String resume(Connection connection, TenantId tenant, Target target, Instant now) throws SQLException {
        AccountState to = target.resumed();
        Sql.update(connection, "UPDATE parent_account SET state = ?, state_changed_at = ? WHERE tenant_id = ? "
                + "AND person_sourced_id = ? AND state = 'SUSPENDED'", List.of(to.name(), now, tenant.value(), target.person()));
        return "sign-in on again";
    }

    static int endSessions(Connection connection, TenantId tenant, String person) throws SQLException {
        return Sql.update(connection, "DELETE FROM parent_session WHERE tenant_id = ? AND person_sourced_id = ?",
                List.of(tenant.value(), person));
    }

    private static Optional<String> refusal(BulkAction action, Target target, Instant now) {
        if (!action.from.contains(target.state())) {
            return Optional.of("not_applicable");
        }
        if ((action == BulkAction.PROVISION || action == BulkAction.PRINT) && target.state() == AccountState.REVOKED
                && !target.reasons().isEmpty()) {
            return Optional.of("not_eligible");
        }
        if ((action == BulkAction.PROVISION || action == BulkAction.RESEND) && (target.email() == null || !target.email().contains("@"))) {
            return Optional.of("no_email");
        }
        if (action == BulkAction.RESEND && target.lastInvitedAt() != null && target.lastInvitedAt().plus(REINVITE_GAP).isAfter(now)) {
            return Optional.of("rate_limited");
        }
        if ((action == BulkAction.RESUME || action == BulkAction.PROVISION || action == BulkAction.RESEND
                || action == BulkAction.PRINT) && target.restricted()) {
            return Optional.of("restricted");
        }
        return Optional.empty();
    }

    private static String explain(String code, Target target) {
        return switch (code) {
            case "not_applicable" -> "Not possible while the account is " + target.state() + ".";
            case "not_eligible" -> "Not eligible: " + ReasonsEngine.describe(target.reasons());
            case "no_email" -> "No email address on the roster: print a letter instead.";
            case "rate_limited" -> "Already invited in the last 24 hours; try again tomorrow.";
            case "restricted" -> "A restriction is recorded for this adult.";
            default -> code;
        };
    }

    private Map<String, Target> load(TenantId tenant, List<String> people) {
        Map<String, Target> targets = new HashMap<>();
        List<String> all = people.stream().distinct().toList();
        try (Connection connection = dataSource.getConnection()) {
            for (int from = 0; from < all.size(); from += 500) {
                List<String> chunk = all.subList(from, Math.min(all.size(), from + 500));
                List<Object> params = new ArrayList<>(List.of(tenant.value()));
                params.addAll(chunk);
                Sql.list(connection, "SELECT a.person_sourced_id, a.state, a.reasons, p.email, p.username, p.given_name, "
                        + "p.family_name, a.last_invited_at, a.provisioned_at, r.person_sourced_id, a.activated_at FROM parent_account a "
                        + "JOIN person p ON p.tenant_id = a.tenant_id AND p.sourced_id = a.person_sourced_id "
                        + "LEFT JOIN access_restriction r ON r.tenant_id = a.tenant_id AND r.person_sourced_id = a.person_sourced_id "
                        + "AND r.lifted_at IS NULL AND (r.no_login = TRUE OR r.no_data = TRUE) "
                        + "WHERE a.tenant_id = ? AND a.person_sourced_id IN (" + "?,".repeat(chunk.size() - 1) + "?)", params,
                        rs -> targets.put(rs.getString(1), new Target(rs.getString(1), AccountState.valueOf(rs.getString(2)),
                                RevokeReason.parse(rs.getString(3)), rs.getString(4), rs.getString(5),
                                Sql.name(rs.getString(6), rs.getString(7), rs.getString(1)), Sql.instant(rs, "last_invited_at"),
                                Sql.instant(rs, "provisioned_at"), rs.getString(10) != null, rs.getString(11) != null)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not load accounts", e);
        }
        return targets;
    }

    private String school(TenantId tenant) {
        return tenants.find(tenant).map(Tenant::name).orElse("Your school");
    }
}
