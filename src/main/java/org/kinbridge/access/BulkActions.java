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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.kinbridge.audit.AuditEntry;
import org.kinbridge.audit.AuditLog;
import org.kinbridge.family.RosterPerson;
import org.kinbridge.mail.MailMessage;
import org.kinbridge.mail.Outbox;
import org.kinbridge.school.Tenant;
import org.kinbridge.school.TenantService;
import org.kinbridge.shared.SecureTokens;
import org.kinbridge.shared.TenantId;
import org.kinbridge.shared.persistence.DatasourceDefinition;
import org.kinbridge.shared.persistence.IdChunks;
import org.kinbridge.shared.persistence.Sql;

/**
 * The Account Manager's bulk actions: one transaction per action, a per-person outcome for everyone selected.
 * Welcome mail goes to the outbox in the same transaction; letters come back as codes for the PDF.
 */
@ApplicationScoped
public class BulkActions {

    public static final Duration REINVITE_GAP = Duration.ofDays(1);
    /** Ids per IN list. */

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
                          String name, Instant lastInvitedAt, Instant provisionedAt, boolean restricted, boolean activated,
                          boolean noMessages, Instant invitationExpiresAt) {

        /** An activation link or code is out and still works (suspending withdraws it). */
        boolean invitationLiveAt(Instant now) {
            return invitationExpiresAt != null && invitationExpiresAt.isAfter(now);
        }

        AccountState resumed() {
            return !reasons.isEmpty() ? AccountState.READY_TO_REVOKE : activated ? AccountState.ACTIVE : AccountState.INVITED;
        }

        AccountState after(BulkAction action) {
            return switch (action) {
                case PROVISION, RESEND, PRINT -> AccountState.INVITED;
                case REVOKE -> AccountState.REVOKED;
                case SUSPEND -> AccountState.SUSPENDED;
                case RESUME -> resumed();
            };
        }
    }

    /** How many of the selected people the action would apply to, for the confirmation. */
    @Transactional
    public Report preview(TenantId tenant, BulkAction action, List<String> people) {
        List<Outcome> outcomes = new ArrayList<>();
        int affected = 0;
        Instant now = clock.instant();
        for (Target target : loadAlone(tenant, people).values()) {
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

    /**
     * Set-based: the selected accounts are locked and loaded in chunks, each action's writes go out as JDBC batches
     * (the mail as one outbox batch), and each person still gets their own outcome and audit entry. The rows stay locked
     * until commit, so what was decided from the loaded state is what gets written.
     */
    private Report apply(TenantId tenant, String actor, BulkAction action, List<String> people, String reason, List<Letter> letters) {
        Instant now = clock.instant();
        List<String> distinct = people.stream().distinct().toList();
        String school = school(tenant);
        String why = reason == null || reason.isBlank() ? action.label : reason.trim();
        List<Outcome> outcomes = new ArrayList<>();
        List<AuditEntry> entries = new ArrayList<>();
        boolean provisioned = false;
        try (Connection connection = dataSource.getConnection()) {
            lock(connection, tenant, distinct);
            Map<String, Target> targets = load(connection, tenant, distinct);
            List<Target> accepted = new ArrayList<>();
            Map<String, Outcome> refused = new HashMap<>();
            for (String person : distinct) {
                Target target = targets.get(person);
                Optional<String> refusal = target == null ? Optional.of("unknown") : refusal(action, target, now);
                if (refusal.isPresent()) {
                    refused.put(person, target == null ? new Outcome(person, person, false, "unknown", "No parent account for this person.")
                            : new Outcome(person, target.name(), false, refusal.get(), explain(refusal.get(), target)));
                } else {
                    accepted.add(target);
                }
            }
            Map<String, String> details = switch (action) {
                case PROVISION, RESEND -> invite(connection, tenant, accepted, now, school, true, letters);
                case PRINT -> invite(connection, tenant, accepted, now, school, false, letters);
                case REVOKE -> revoke(connection, tenant, accepted, now);
                case SUSPEND -> suspend(connection, tenant, accepted, now);
                case RESUME -> resume(connection, tenant, accepted, now);
            };
            for (String person : distinct) {
                if (refused.containsKey(person)) {
                    outcomes.add(refused.get(person));
                    continue;
                }
                Target target = targets.get(person);
                AccountState to = target.after(action);
                String detail = details.get(person);
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

    /** New credentials for each target, by mail (one outbox batch) or for letters; @return each person's detail. */
    private Map<String, String> invite(Connection connection, TenantId tenant, List<Target> targets, Instant now, String school,
                                       boolean byMail, List<Letter> letters) throws SQLException {
        AccessSettings.Settings settings = AccessSettings.read(connection, tenant);
        Map<String, List<String>> children = Invitations.childrenOf(connection, tenant,
                targets.stream().map(Target::person).toList(), settings.relativesAllowed());
        Instant expires = now.plus(Duration.ofDays(settings.inviteDays()));
        List<List<Object>> rows = new ArrayList<>();
        List<MailMessage> mails = new ArrayList<>();
        Map<String, String> details = new HashMap<>();
        for (Target target : targets) {
            String secret = byMail ? Invitations.newLinkToken() : Invitations.newLetterCode();
            String username = Invitations.usernameFor(target.email(), target.rosterUsername(), target.person());
            String reference = SecureTokens.newToken(16);
            boolean fresh = target.state() != AccountState.INVITED;
            rows.add(Arrays.asList(username, Invitations.hash(secret), expires, reference, byMail ? "EMAIL" : "LETTER",
                    byMail || target.lastInvitedAt() == null ? now : target.lastInvitedAt(), byMail ? "QUEUED" : null,
                    fresh || target.provisionedAt() == null ? now : target.provisionedAt(), now, tenant.value(), target.person()));
            List<String> kids = children.getOrDefault(target.person(), List.of());
            if (byMail) {
                mails.add(invitations.welcomeMail(tenant, school, target.email(), target.name(), username, kids, secret, expires,
                        settings.welcomeNote(), MailOutcomes.reference(reference, target.person())));
                details.put(target.person(), "welcome email queued to " + target.email());
            } else {
                letters.add(new Letter(target.person(), target.name(), username, kids, secret, expires));
                details.put(target.person(), "letter printed with a new code");
            }
        }
        Sql.batch(connection, "UPDATE parent_account SET state = 'INVITED', username = ?, password_hash = NULL, activation_hash = ?, "
                + "activation_expires_at = ?, invite_ref = ?, invite_channel = ?, last_invited_at = ?, mail_status = ?, mail_error = NULL, "
                + "provisioned_at = ?, activated_at = NULL, state_changed_at = ? WHERE tenant_id = ? AND person_sourced_id = ?", rows);
        outbox.enqueueAll(mails);
        return details;
    }

    private static Map<String, String> revoke(Connection connection, TenantId tenant, List<Target> targets, Instant now)
            throws SQLException {
        Sql.batch(connection, "UPDATE parent_account SET state = 'REVOKED', username = NULL, password_hash = NULL, "
                + "activation_hash = NULL, activation_expires_at = NULL, invite_ref = NULL, state_changed_at = ? "
                + "WHERE tenant_id = ? AND person_sourced_id = ?", byPerson(tenant, targets, now));
        return describeEach(targets, endSessions(connection, tenant, targets), "username, password and %d session(s) removed");
    }

    private static Map<String, String> suspend(Connection connection, TenantId tenant, List<Target> targets, Instant now)
            throws SQLException {
        Sql.batch(connection, "UPDATE parent_account SET state = 'SUSPENDED', activation_hash = NULL, activation_expires_at = NULL, "
                + "state_changed_at = ? WHERE tenant_id = ? AND person_sourced_id = ?", byPerson(tenant, targets, now));
        return describeEach(targets, endSessions(connection, tenant, targets), "sign-in off, %d session(s) ended");
    }

    private static Map<String, String> resume(Connection connection, TenantId tenant, List<Target> targets, Instant now)
            throws SQLException {
        Sql.batch(connection, "UPDATE parent_account SET state = ?, state_changed_at = ? WHERE tenant_id = ? AND person_sourced_id = ?",
                targets.stream().map(t -> List.<Object>of(t.resumed().name(), now, tenant.value(), t.person())).toList());
        return describeEach(targets, new int[targets.size()], "sign-in on again");
    }

    /** Rows of (now, tenant, person) for the updates that take only those. */
    private static List<List<Object>> byPerson(TenantId tenant, List<Target> targets, Instant now) {
        return targets.stream().map(t -> List.<Object>of(now, tenant.value(), t.person())).toList();
    }

    /** The sessions each target had, ended. */
    private static int[] endSessions(Connection connection, TenantId tenant, List<Target> targets) throws SQLException {
        return Sql.batch(connection, "DELETE FROM parent_session WHERE tenant_id = ? AND person_sourced_id = ?",
                targets.stream().map(t -> List.of(tenant.value(), t.person())).toList());
    }

    private static Map<String, String> describeEach(List<Target> targets, int[] counts, String format) {
        Map<String, String> details = new HashMap<>();
        for (int i = 0; i < targets.size(); i++) {
            details.put(targets.get(i).person(), String.format(Locale.ROOT, format, counts[i]));
        }
        return details;
    }

    private static Optional<String> refusal(BulkAction action, Target target, Instant now) {
        if (!action.from.contains(target.state())) {
            return Optional.of("not_applicable");
        }
        if ((action == BulkAction.PROVISION || action == BulkAction.PRINT) && target.state() == AccountState.REVOKED
                && !target.reasons().isEmpty()) {
            return Optional.of("not_eligible");
        }
        if ((action == BulkAction.PROVISION || action == BulkAction.RESEND) && target.noMessages()) {
            return Optional.of("restricted_no_messages"); // a letter the school prints is still possible
        }
        if ((action == BulkAction.PROVISION || action == BulkAction.RESEND) && (target.email() == null || !target.email().contains("@"))) {
            return Optional.of("no_email");
        }
        // The daily limit spares a parent repeated mail while a working link is out; without one, sending again is the only way in.
        if (action == BulkAction.RESEND && target.invitationLiveAt(now) && target.lastInvitedAt() != null
                && target.lastInvitedAt().plus(REINVITE_GAP).isAfter(now)) {
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
            case "restricted_no_messages" -> "restricted: no messages. No email is sent; print a letter if the school decides to.";
            default -> code;
        };
    }

    /**
     * Locks the selected accounts (those that exist) until the action commits. The tenant row first, as the reasons
     * engine does before it writes accounts: the same order, so an engine run and a bulk action wait for each other
     * instead of deadlocking.
     */
    private static void lock(Connection connection, TenantId tenant, List<String> people) throws SQLException {
        Sql.list(connection, "SELECT id FROM tenant WHERE id = ? FOR UPDATE", List.of(tenant.value()), rs -> 1);
        IdChunks.query(connection, "SELECT person_sourced_id FROM parent_account WHERE tenant_id = ? AND person_sourced_id IN ("
                + IdChunks.IDS + ") FOR UPDATE", tenant.value(), people, rs -> { });
    }

    private static Map<String, Target> load(Connection connection, TenantId tenant, List<String> people) throws SQLException {
        Map<String, Target> targets = new HashMap<>();
        IdChunks.query(connection, "SELECT a.person_sourced_id, a.state, a.reasons, p.email, p.username, p.given_name, "
                    + "p.family_name, a.last_invited_at, a.provisioned_at, r.person_sourced_id, a.activated_at, m.no_messages, "
                    + "CASE WHEN a.activation_hash IS NULL THEN NULL ELSE a.activation_expires_at END AS invitation_expires_at "
                    + "FROM parent_account a JOIN person p ON p.tenant_id = a.tenant_id AND p.sourced_id = a.person_sourced_id "
                    + "LEFT JOIN access_restriction r ON r.tenant_id = a.tenant_id AND r.person_sourced_id = a.person_sourced_id "
                    + "AND r.lifted_at IS NULL AND (r.no_login = TRUE OR r.no_data = TRUE) "
                    + "LEFT JOIN access_restriction m ON m.tenant_id = a.tenant_id AND m.person_sourced_id = a.person_sourced_id "
                    + "AND m.lifted_at IS NULL "
                    + "WHERE a.tenant_id = ? AND a.person_sourced_id IN (" + IdChunks.IDS + ")", tenant.value(),
                    new LinkedHashSet<>(people),
                    rs -> targets.put(rs.getString(1), new Target(rs.getString(1), AccountState.valueOf(rs.getString(2)),
                            RevokeReason.parse(rs.getString(3)), rs.getString(4), rs.getString(5),
                            RosterPerson.displayName(rs.getString(6), rs.getString(7), rs.getString(1)), Sql.instant(rs, "last_invited_at"),
                            Sql.instant(rs, "provisioned_at"), rs.getString(10) != null, rs.getString(11) != null,
                            rs.getBoolean(12), Sql.instant(rs, "invitation_expires_at"))));
        return targets;
    }

    private Map<String, Target> loadAlone(TenantId tenant, List<String> people) {
        try (Connection connection = dataSource.getConnection()) {
            return load(connection, tenant, people);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not load accounts", e);
        }
    }

    private String school(TenantId tenant) {
        return tenants.find(tenant).map(Tenant::name).orElse("Your school");
    }
}
