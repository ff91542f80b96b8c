package org.kinbridge.access;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.kinbridge.audit.AuditEntry;
import org.kinbridge.shared.ProblemKind;
import org.kinbridge.shared.SecureTokens;
import org.kinbridge.shared.TenantId;

/**
 * Brute-force protection for the parent's sign-in and activation-code forms, counted per tenant in the database.
 * A username is locked after {@code KINBRIDGE_SIGNIN_MAX_FAILURES} (5) wrong passwords within
 * {@code KINBRIDGE_SIGNIN_LOCK} (PT15M), for that long, doubling with each further lock up to
 * {@code KINBRIDGE_SIGNIN_LONGEST_LOCK} (PT24H); usernames without an account lock alike, so a lock tells nothing.
 * A client address is paused after {@code KINBRIDGE_SIGNIN_ADDRESS_MAX_FAILURES} (50) failed sign-ins or
 * {@code KINBRIDGE_ACTIVATION_ADDRESS_MAX_FAILURES} (10) unknown activation codes in the same time.
 */
@ApplicationScoped
public class SignInGuard {

    /** Said for a wrong password and for a locked username alike: which one it was is not given away. */
    public static final String SIGN_IN_REFUSED = "The username or password is not right, or sign-in is paused after too "
            + "many wrong tries. Check them, wait a few minutes and try again, or ask your school.";
    private static final String ADDRESS_PAUSED = "Too many wrong tries came from your network. Wait a few minutes and try again.";

    @Inject
    private AttemptCounters counters;

    @Inject
    private Clock clock;

    @Inject
    @ConfigProperty(name = "kinbridge.signin.max-failures", defaultValue = "5")
    int maxFailures;

    @Inject
    @ConfigProperty(name = "kinbridge.signin.lock", defaultValue = "PT15M")
    String firstLock;

    @Inject
    @ConfigProperty(name = "kinbridge.signin.longest-lock", defaultValue = "PT24H")
    String longestLock;

    @Inject
    @ConfigProperty(name = "kinbridge.signin.address-max-failures", defaultValue = "50")
    int addressMaxFailures;

    @Inject
    @ConfigProperty(name = "kinbridge.activation.address-max-failures", defaultValue = "10")
    int codeAddressMaxFailures;

    private LockoutPolicy accountPolicy;
    private LockoutPolicy addressPolicy;
    private LockoutPolicy codePolicy;

    @PostConstruct
    void readSettings() {
        Duration first = Duration.parse(firstLock);
        Duration longest = Duration.parse(longestLock);
        accountPolicy = new LockoutPolicy(maxFailures, first, longest);
        addressPolicy = new LockoutPolicy(addressMaxFailures, first, longest);
        codePolicy = new LockoutPolicy(codeAddressMaxFailures, first, longest);
    }

    /** Forgets the counters of usernames and addresses that stayed quiet long enough (all policies share their times). */
    public int forgetQuietSubjects() {
        return counters.forgetQuiet(accountPolicy, clock.instant());
    }

    /** Refuses at once while the username or the client address is locked, with the usual words. */
    public void requireMayTrySignIn(TenantId tenant, String username, String client) {
        Instant now = clock.instant();
        if (locked(tenant, addressSubject("signin", client), now)) {
            throw new AccessRefusedException(ProblemKind.TOO_MANY_REQUESTS, "too_many_attempts", ADDRESS_PAUSED);
        }
        if (locked(tenant, usernameSubject(username), now)) {
            // a try on a locked username still counts against the address: a guesser moves on to other usernames
            failOnce(tenant, addressSubject("signin", client), addressPolicy, now, c -> addressLocked(now, client, c, "sign-ins"));
            throw refused();
        }
    }

    /** Counts a wrong password (or unknown username) against the username and the client address. */
    public void signInFailed(TenantId tenant, String username, Optional<String> person, String client) {
        Instant now = clock.instant();
        failOnce(tenant, usernameSubject(username), accountPolicy, now, c -> new AuditEntry(now, "sign-in guard",
                "account.sign_in_locked", person.orElse("unknown username"), accountPolicy.maxFailures() + " wrong passwords; "
                + "sign-in locked until " + c.lockedUntil().orElseThrow() + " (lock " + c.lockouts() + "); from " + client));
        failOnce(tenant, addressSubject("signin", client), addressPolicy, now, c -> addressLocked(now, client, c, "sign-ins"));
    }

    /** A right password: the username's failures and locks are forgotten. */
    public void signInSucceeded(TenantId tenant, String username) {
        counters.clear(tenant, usernameSubject(username));
    }

    public void requireMayTryCode(TenantId tenant, String client) {
        if (locked(tenant, addressSubject("code", client), clock.instant())) {
            throw new AccessRefusedException(ProblemKind.TOO_MANY_REQUESTS, "too_many_attempts", ADDRESS_PAUSED);
        }
    }

    /** An activation link or letter code that matches nothing. */
    public void codeFailed(TenantId tenant, String client) {
        Instant now = clock.instant();
        failOnce(tenant, addressSubject("code", client), codePolicy, now, c -> addressLocked(now, client, c, "activation codes"));
    }

    public static AccessRefusedException refused() {
        return new AccessRefusedException(ProblemKind.UNAUTHENTICATED, "sign_in_failed", SIGN_IN_REFUSED);
    }

    private boolean locked(TenantId tenant, String subject, Instant now) {
        return counters.find(tenant, subject).map(c -> c.lockedAt(now)).orElse(false);
    }

    private void failOnce(TenantId tenant, String subject, LockoutPolicy policy, Instant now,
                          Function<LockoutPolicy.Counter, AuditEntry> lockAudit) {
        try {
            counters.fail(tenant, subject, policy, now, lockAudit);
        } catch (AttemptCounters.FirstFailureRace race) {
            counters.fail(tenant, subject, policy, now, lockAudit); // the row exists now: this time it is an update
        }
    }

    private AuditEntry addressLocked(Instant now, String client, LockoutPolicy.Counter counter, String what) {
        return new AuditEntry(now, "sign-in guard", "access.address_paused", "address " + client,
                "too many wrong " + what + "; paused until " + counter.lockedUntil().orElseThrow());
    }

    /** Usernames are stored hashed: a guessed one may be anything, and is no business of this table. */
    private static String usernameSubject(String username) {
        return "username:" + SecureTokens.sha256(username == null ? "" : username.trim().toLowerCase(Locale.ROOT));
    }

    private static String addressSubject(String form, String client) {
        String address = client == null || client.isBlank() ? "unknown" : client;
        return form + "@" + (address.length() > 100 ? address.substring(0, 100) : address);
    }
}
