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
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.kinbridge.audit.AuditEntry;
import org.kinbridge.audit.AuditLog;
import org.kinbridge.family.RosterPerson;
import org.kinbridge.school.Tenant;
import org.kinbridge.school.TenantService;
import org.kinbridge.shared.InvalidRequestException;
import org.kinbridge.shared.ProblemKind;
import org.kinbridge.shared.SecureTokens;
import org.kinbridge.shared.TenantId;
import org.kinbridge.shared.persistence.DatasourceDefinition;
import org.kinbridge.shared.persistence.Sql;

/**
 * The parent's way in: activation by link or letter code, password sign-in to a session (stored hashed),
 * acceptance through an LTI Mentor launch, and their own children, nothing else. A suspended, revoked or
 * restricted adult never gets in.
 */
@ApplicationScoped
public class ParentAccess {

    public static final Duration SESSION_LIFETIME = Duration.ofHours(8);
    private static final String NOT_VALID = "This activation link or code is not valid: it may have been used already or "
            + "replaced by a newer one. Ask your school to send a new one.";

    @Resource(lookup = DatasourceDefinition.JNDI_NAME)
    private DataSource dataSource;

    @Inject
    private AuditLog audit;

    @Inject
    private TenantService tenants;

    @Inject
    private SignInGuard guard;

    @Inject
    private Clock clock;

    /** Who an activation credential belongs to. */
    public record Invitee(String personSourcedId, String name, String username) {
    }

    public record Child(String sourcedId, String givenName, String familyName, String school, List<String> orgSourcedIds) {
    }

    private record Account(String person, AccountState state, String name, String username, String passwordHash,
                           Instant expires, boolean noLogin, boolean noData) {
    }

    /** @param client the address the request came from: unknown credentials are counted against it */
    @Transactional
    public Invitee invitee(TenantId tenant, String credential, String client) {
        Account account = byCredential(tenant, credential, client);
        return new Invitee(account.person(), account.name(), account.username());
    }

    /** Sets the password, uses up the credential, and makes the account ACTIVE. */
    @Transactional
    public Invitee activate(TenantId tenant, String credential, String password, String confirmation, String client) {
        Account account = byCredential(tenant, credential, client);
        if (password == null || !password.equals(confirmation)) {
            throw new InvalidRequestException("passwords_differ", "The two passwords are not the same.");
        }
        Optional<String> weakness = Passwords.weakness(password, account.username(), account.name());
        if (weakness.isPresent()) {
            throw new InvalidRequestException("weak_password", weakness.get());
        }
        Instant now = clock.instant();
        try (Connection connection = dataSource.getConnection()) {
            int updated = Sql.update(connection, "UPDATE parent_account SET state = 'ACTIVE', password_hash = ?, activation_hash = NULL, "
                    + "activation_expires_at = NULL, activated_at = ?, state_changed_at = ? WHERE tenant_id = ? AND person_sourced_id = ? "
                    + "AND state = 'INVITED' AND activation_hash = ?", List.of(Passwords.hash(password), now, now, tenant.value(),
                    account.person(), Invitations.hash(credential)));
            if (updated != 1) {
                throw new AccessRefusedException(ProblemKind.INVALID, "activation_invalid", NOT_VALID);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not activate the account", e);
        }
        audit.record(tenant, ReasonsEngine.transition(now, account.name() + " (" + account.person() + ")", account.person(),
                Optional.of(AccountState.INVITED), AccountState.ACTIVE, "password set with the activation code", "activation page"));
        return new Invitee(account.person(), account.name(), account.username());
    }

    /**
     * Checks a username and password; a new session token for the parent. While the username or the client address
     * is locked after too many failures, even the right password is refused, in the same words as a wrong one.
     */
    @Transactional
    public String signIn(TenantId tenant, String username, String password, String client) {
        String key = username == null ? "" : username.trim().toLowerCase(java.util.Locale.ROOT);
        guard.requireMayTrySignIn(tenant, key, client);
        List<Account> accounts = accounts(tenant, "a.username = ? AND a.password_hash IS NOT NULL", key);
        Optional<Account> match = accounts.stream().filter(a -> Passwords.matches(password, a.passwordHash())).findFirst();
        if (accounts.isEmpty()) {
            Passwords.dummyCheck(password);
        }
        if (match.isEmpty()) {
            guard.signInFailed(tenant, key, accounts.stream().findFirst().map(Account::person), client);
            throw SignInGuard.refused();
        }
        Account account = match.get();
        guard.signInSucceeded(tenant, key);
        requireMayEnter(account);
        Instant now = clock.instant();
        String token = SecureTokens.newToken(32);
        try (Connection connection = dataSource.getConnection()) {
            Sql.update(connection, "INSERT INTO parent_session (token_hash, tenant_id, person_sourced_id, created_at, expires_at) "
                    + "VALUES (?, ?, ?, ?, ?)", List.of(SecureTokens.sha256(token), tenant.value(), account.person(), now,
                    now.plus(SESSION_LIFETIME)));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not start a session", e);
        }
        audit.record(tenant, new AuditEntry(now, account.name() + " (" + account.person() + ")", "account.signed_in",
                account.person(), "source: password"));
        return token;
    }

    /** The parent a session token belongs to, while their account still lets them in. */
    @Transactional
    public Optional<String> session(TenantId tenant, String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        try (Connection connection = dataSource.getConnection()) {
            Optional<String> person = Sql.list(connection, "SELECT person_sourced_id FROM parent_session WHERE token_hash = ? "
                    + "AND tenant_id = ? AND expires_at > ?", List.of(SecureTokens.sha256(token), tenant.value(), clock.instant()),
                    rs -> rs.getString(1)).stream().findFirst();
            return person.filter(p -> accounts(tenant, "a.person_sourced_id = ?", p).stream().anyMatch(ParentAccess::mayEnter));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the session", e);
        }
    }

    @Transactional
    public void signOut(TenantId tenant, String token) {
        try (Connection connection = dataSource.getConnection()) {
            Sql.update(connection, "DELETE FROM parent_session WHERE token_hash = ? AND tenant_id = ?",
                    List.of(SecureTokens.sha256(token == null ? "" : token), tenant.value()));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not end the session", e);
        }
    }

    /**
     * An LTI Mentor launch whose {@code lis_person_sourcedid} is this adult: accepts a pending invitation, and tells
     * whether the parent may see their children. Empty when the person has no account here at all.
     */
    @Transactional
    public Optional<Boolean> enterByLaunch(TenantId tenant, String person, String displayName) {
        Optional<Account> found = accounts(tenant, "a.person_sourced_id = ?", person).stream().findFirst();
        if (restricted(tenant, person)) {
            return Optional.of(false);
        }
        if (found.isEmpty() || found.get().state() == AccountState.NOT_ELIGIBLE || found.get().state() == AccountState.READY_TO_PROVISION) {
            return Optional.empty();
        }
        Account account = found.get();
        if (account.state() == AccountState.INVITED && !account.noLogin() && !account.noData()) {
            Instant now = clock.instant();
            try (Connection connection = dataSource.getConnection()) {
                Sql.update(connection, "UPDATE parent_account SET state = 'ACTIVE', activation_hash = NULL, activation_expires_at = NULL, "
                        + "activated_at = ?, state_changed_at = ? WHERE tenant_id = ? AND person_sourced_id = ? AND state = 'INVITED'",
                        List.of(now, now, tenant.value(), person));
            } catch (SQLException e) {
                throw new IllegalStateException("Could not accept the invitation", e);
            }
            audit.record(tenant, ReasonsEngine.transition(now, displayName + " (" + person + ")", person,
                    Optional.of(AccountState.INVITED), AccountState.ACTIVE, "invitation accepted through the LMS", "lti launch"));
            return Optional.of(true);
        }
        return Optional.of(mayEnter(account));
    }

    /** The parent's linked, active children with their school: only those, for this parent only. */
    @Transactional
    public List<Child> children(TenantId tenant, String person) {
        Account account = accounts(tenant, "a.person_sourced_id = ?", person).stream().findFirst()
                .orElseThrow(() -> new AccessRefusedException(ProblemKind.FORBIDDEN, "no_access", "You have no access here."));
        requireMayEnter(account);
        String school = tenants.find(tenant).map(Tenant::name).orElse("");
        try (Connection connection = dataSource.getConnection()) {
            boolean relatives = AccessSettings.read(connection, tenant).relativesAllowed();
            return Sql.list(connection, "SELECT s.sourced_id, s.given_name, s.family_name, s.org_sourced_ids FROM guardian_link l "
                    + "JOIN person s ON s.tenant_id = l.tenant_id AND s.sourced_id = l.student_sourced_id AND s.active = TRUE "
                    + "WHERE l.tenant_id = ? AND l.guardian_sourced_id = ? AND l.active = TRUE AND (l.guardian_role <> 'relative' OR ?) "
                    + "ORDER BY s.given_name, s.family_name", Arrays.asList(tenant.value(), person, relatives),
                    rs -> new Child(rs.getString(1), rs.getString(2), rs.getString(3), school, split(rs.getString(4))));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the children", e);
        }
    }

    /** One of the parent's own children; a forged or foreign id is simply not found. */
    @Transactional
    public Child child(TenantId tenant, String person, String childId) {
        return children(tenant, person).stream().filter(c -> c.sourcedId().equals(childId)).findFirst()
                .orElseThrow(() -> new AccessRefusedException(ProblemKind.NOT_FOUND, "unknown_child", "No such child of yours here."));
    }

    private Account byCredential(TenantId tenant, String credential, String client) {
        guard.requireMayTryCode(tenant, client);
        Optional<Account> found = credential == null || credential.isBlank() || credential.length() > 100 ? Optional.empty()
                : accounts(tenant, "a.activation_hash = ?", Invitations.hash(credential)).stream().findFirst();
        if (found.isEmpty()) {
            guard.codeFailed(tenant, client); // a used, replaced or guessed code: the guessing kind is what this counts
            throw new AccessRefusedException(ProblemKind.INVALID, "activation_invalid", NOT_VALID);
        }
        Account account = found.get();
        if (account.state() != AccountState.INVITED) {
            throw new AccessRefusedException(ProblemKind.INVALID, "activation_invalid", NOT_VALID);
        }
        if (account.expires() == null || !account.expires().isAfter(clock.instant())) {
            throw new AccessRefusedException(ProblemKind.INVALID, "activation_expired",
                    "This activation link has expired. Ask your school to send a new one.");
        }
        if (account.noLogin() || account.noData()) {
            throw new AccessRefusedException(ProblemKind.FORBIDDEN, "access_restricted",
                    "This account cannot be activated. Please contact your school.");
        }
        return account;
    }

    private boolean restricted(TenantId tenant, String person) {
        try (Connection connection = dataSource.getConnection()) {
            return !Sql.list(connection, "SELECT 1 FROM access_restriction WHERE tenant_id = ? AND person_sourced_id = ? "
                    + "AND lifted_at IS NULL AND (no_login = TRUE OR no_data = TRUE)", List.of(tenant.value(), person), rs -> 1).isEmpty();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read restrictions", e);
        }
    }

    private static boolean mayEnter(Account account) {
        return (account.state() == AccountState.ACTIVE || account.state() == AccountState.READY_TO_REVOKE)
                && !account.noLogin() && !account.noData();
    }

    private static void requireMayEnter(Account account) {
        if (!mayEnter(account)) {
            throw new AccessRefusedException(ProblemKind.FORBIDDEN, "access_suspended",
                    "Your access is switched off. Please contact your school.");
        }
    }

    private List<Account> accounts(TenantId tenant, String condition, String value) {
        try (Connection connection = dataSource.getConnection()) {
            return Sql.list(connection, "SELECT a.person_sourced_id, a.state, p.given_name, p.family_name, a.username, a.password_hash, "
                    + "a.activation_expires_at, r.no_login, r.no_data FROM parent_account a JOIN person p ON p.tenant_id = a.tenant_id "
                    + "AND p.sourced_id = a.person_sourced_id LEFT JOIN access_restriction r ON r.tenant_id = a.tenant_id "
                    + "AND r.person_sourced_id = a.person_sourced_id AND r.lifted_at IS NULL WHERE a.tenant_id = ? AND " + condition
                    + " ORDER BY a.activated_at DESC", List.of(tenant.value(), value), rs -> new Account(rs.getString(1),
                    AccountState.valueOf(rs.getString(2)), RosterPerson.displayName(rs.getString(3), rs.getString(4), rs.getString(1)), rs.getString(5),
                    rs.getString(6), Sql.instant(rs, "activation_expires_at"), rs.getBoolean(8), rs.getBoolean(9)));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the account", e);
        }
    }

    private static List<String> split(String joined) {
        List<String> parts = new ArrayList<>();
        if (joined != null) {
            for (String part : joined.split(",")) {
                if (!part.isBlank()) {
                    parts.add(part.trim());
                }
            }
        }
        return parts;
    }
}
