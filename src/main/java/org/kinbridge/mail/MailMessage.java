package org.kinbridge.mail;

import java.util.Objects;
import org.kinbridge.shared.TenantId;

/**
 * A message to send.
 *
 * @param category  what kind of mail, e.g. {@code welcome} or {@code crosslink.reminder}
 * @param reference what it is about in the sender's terms (an account id, a link id), echoed in outcome events
 */
public record MailMessage(TenantId tenant, String to, String subject, String textBody, String category, String reference) {

    public MailMessage {
        Objects.requireNonNull(tenant, "tenant");
        if (to == null || !to.contains("@") || to.length() > 320) {
            throw new IllegalArgumentException("A mail needs a valid recipient address");
        }
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(textBody, "textBody");
        Objects.requireNonNull(category, "category");
    }
}
