package org.kinbridge.access;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.kinbridge.audit.AuditEntry;
import org.kinbridge.audit.AuditLog;
import org.kinbridge.mail.MailDelivered;
import org.kinbridge.mail.MailDeliveryFailed;
import org.kinbridge.mail.Outbox;
import org.kinbridge.shared.TenantId;
import org.kinbridge.shared.persistence.DatasourceDefinition;
import org.kinbridge.shared.persistence.Sql;

/**
 * Marks an invitation by what became of its welcome mail. The reference is the invitation's own random id,
 * so the outcome of an older (killed) invitation never marks the current one. The mail's reference also names the
 * person ({@code <invite_ref>:<person>}), so an outcome is recorded through the account's primary key: there is no
 * index on {@code invite_ref}, and scanning a tenant's accounts once per delivered mail held the outbox well under
 * 200 mails/s. A reference without a person (queued before this form) is still matched on {@code invite_ref} alone.
 */
@ApplicationScoped
public class MailOutcomes {

    @Resource(lookup = DatasourceDefinition.JNDI_NAME)
    private DataSource dataSource;

    @Inject
    private AuditLog audit;

    @Inject
    private Clock clock;

    @Inject
    private Outbox outbox;

    @Transactional
    void delivered(@Observes MailDelivered delivered) {
        if (!Invitations.MAIL_CATEGORY.equals(delivered.category()) || delivered.reference() == null) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            List<Object> params = new ArrayList<>();
            String where = where(delivered.tenant().value(), delivered.reference(), params);
            Sql.update(connection, "UPDATE parent_account SET mail_status = 'SENT'" + where, params);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record a delivered welcome mail", e);
        }
    }

    @Transactional
    void failed(@Observes MailDeliveryFailed failed) {
        if (!Invitations.MAIL_CATEGORY.equals(failed.category()) || failed.reference() == null) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            List<Object> params = new ArrayList<>();
            String where = where(failed.tenant().value(), failed.reference(), params);
            List<String> people = Sql.list(connection, "SELECT person_sourced_id FROM parent_account" + where, params,
                    rs -> rs.getString(1));
            String reason = failed.reason() == null ? "delivery failed" : failed.reason();
            List<Object> update = new ArrayList<>(List.of(reason.length() > 1000 ? reason.substring(0, 1000) : reason));
            update.addAll(params);
            Sql.update(connection, "UPDATE parent_account SET mail_status = 'BOUNCED', mail_error = ?" + where, update);
            for (String person : people) {
                audit.record(failed.tenant(), new AuditEntry(clock.instant(), "mail", "account.mail_bounced", person,
                        "reason: " + reason + "; source: mail"));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record a failed welcome mail", e);
        }
    }

    /**
     * Withdraws the adult's welcome mail if it has not gone yet (a "no messages" restriction arrived after it was
     * queued); the account then lists its mail as WITHDRAWN, and a printed letter is the way in.
     *
     * @return whether a mail was withdrawn
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean withdrawQueued(TenantId tenant, String person) {
        try (Connection connection = dataSource.getConnection()) {
            List<String> queued = Sql.list(connection, "SELECT invite_ref FROM parent_account WHERE tenant_id = ? "
                    + "AND person_sourced_id = ? AND mail_status = 'QUEUED' AND invite_ref IS NOT NULL",
                    List.of(tenant.value(), person), rs -> rs.getString(1));
            if (queued.isEmpty()) {
                return false;
            }
            String inviteRef = queued.get(0);
            // The mail carries reference(...), or the bare invite_ref if queued before that form; both are the same
            // when the person's id does not fit, and Set.of would refuse the pair.
            Set<String> references = new LinkedHashSet<>(List.of(reference(inviteRef, person), inviteRef));
            if (outbox.cancelPending(tenant, Invitations.MAIL_CATEGORY, references) == 0) {
                return false;
            }
            Sql.update(connection, "UPDATE parent_account SET mail_status = 'WITHDRAWN' WHERE tenant_id = ? "
                    + "AND person_sourced_id = ? AND invite_ref = ?", List.of(tenant.value(), person, inviteRef));
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not withdraw the welcome mail", e);
        }
    }

    /** The welcome mail's reference: the invitation's id and, when it fits the outbox column, the person's id. */
    static String reference(String inviteRef, String person) {
        String both = inviteRef + SEPARATOR + person;
        return inviteRef.indexOf(SEPARATOR) < 0 && both.length() <= MAX_REFERENCE ? both : inviteRef;
    }

    /** The WHERE clause finding the account a welcome mail's reference names. */
    static String where(String tenant, String reference, List<Object> params) {
        params.add(tenant);
        int at = reference.indexOf(SEPARATOR);
        if (at < 0) {
            params.add(reference);
            return " WHERE tenant_id = ? AND invite_ref = ?";
        }
        params.add(reference.substring(at + 1));
        params.add(reference.substring(0, at));
        return " WHERE tenant_id = ? AND person_sourced_id = ? AND invite_ref = ?";
    }

    private static final char SEPARATOR = ':';
    private static final int MAX_REFERENCE = 255;
}
