package org.kinbridge.mail;

import org.kinbridge.shared.TenantId;

/** Fired when a message is given up on (rejected recipient, or retries exhausted). */
public record MailDeliveryFailed(TenantId tenant, String category, String reference, String recipient, String reason) {
}
