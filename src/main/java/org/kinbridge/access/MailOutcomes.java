package org.kinbridge.access;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import org.kinbridge.audit.AuditEntry;
import org.kinbridge.audit.AuditLog;
import org.kinbridge.mail.MailDelivered;
import org.kinbridge.mail.MailDeliveryFailed;
import org.kinbridge.shared.persistence.DatasourceDefinition;

/**
 * Marks an invitation by what became of its welcome mail. The reference is the invitation's own random id,
 * so the outcome of an older (killed) invitation never marks the current one.
 */
@ApplicationScoped
public class MailOutcomes {

    @Resource(lookup = DatasourceDefinition.JNDI_NAME)
    private DataSource dataSource;

    @Inject
    private AuditLog audit;

    @Inject
    private Clock clock;

    @Transactional
    void delivered(@Observes MailDelivered delivered) {
        if (!Invitations.MAIL_CATEGORY.equals(delivered.category()) || delivered.reference() == null) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            Sql.update(connection, "UPDATE parent_account SET mail_status = 'SENT' WHERE tenant_id = ? AND invite_ref = ?",
                    List.of(delivered.tenant().value(), delivered.reference()));
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
            List<String> people = Sql.list(connection, "SELECT person_sourced_id FROM parent_account WHERE tenant_id = ? "
                    + "AND invite_ref = ?", List.of(failed.tenant().value(), failed.reference()), rs -> rs.getString(1));
            String reason = failed.reason() == null ? "delivery failed" : failed.reason();
            Sql.update(connection, "UPDATE parent_account SET mail_status = 'BOUNCED', mail_error = ? WHERE tenant_id = ? "
                    + "AND invite_ref = ?", List.of(reason.length() > 1000 ? reason.substring(0, 1000) : reason,
                    failed.tenant().value(), failed.reference()));
            for (String person : people) {
                audit.record(failed.tenant(), new AuditEntry(clock.instant(), "mail", "account.mail_bounced", person,
                        "reason: " + reason + "; source: mail"));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record a failed welcome mail", e);
        }
    }
}
