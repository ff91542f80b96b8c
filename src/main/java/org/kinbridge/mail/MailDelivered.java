package org.kinbridge.mail;

import org.kinbridge.shared.TenantId;

/** Fired when a message has been handed to the SMTP server. */
public record MailDelivered(TenantId tenant, String category, String reference, String recipient) {
}
