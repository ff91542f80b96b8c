package org.kinbridge.crosslink;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.kinbridge.mail.MailMessage;
import org.kinbridge.mail.Outbox;
import org.kinbridge.school.MainSchoolAdmins;
import org.kinbridge.shared.PublicUrl;

/** Emails this school's main admin about a peer's request, through the mail outbox in the caller's transaction. */
@ApplicationScoped
public class LinkNotices {

    private static final Logger LOG = Logger.getLogger(LinkNotices.class.getName());

    @Inject
    private MainSchoolAdmins mainAdmins;

    @Inject
    private Outbox outbox;

    @Inject
    private PublicUrl publicUrl;

    void newRequest(CrossLink link, String requester) {
        notify(link, "crosslink.request", "Link request from " + peerName(link),
                requester + " at " + peerName(link) + " (" + link.peerUrl() + ") asks to link with your school in Kinbridge.\n\n"
                        + "Once linked, each product shows the other's information about your students.\n"
                        + "The request expires on " + link.expiresAt() + ".\n\n" + howToAnswer());
    }

    void reminder(CrossLink link, String requester) {
        notify(link, "crosslink.reminder", "Reminder: link request from " + peerName(link),
                requester + " at " + peerName(link) + " (" + link.peerUrl() + ") is still waiting for your answer to their "
                        + "request to link with your school.\n"
                        + "The request expires on " + link.expiresAt() + ".\n\n" + howToAnswer());
    }

    private void notify(CrossLink link, String category, String subject, String body) {
        var email = mainAdmins.find(link.tenant()).flatMap(admin -> admin.email());
        if (email.isEmpty()) {
            LOG.log(Level.INFO, "No email for the main admin of {0}; the link request shows in the panel only", link.tenant());
            return;
        }
        outbox.enqueue(new MailMessage(link.tenant(), email.get(), subject, body, category, link.id()));
    }

    private String howToAnswer() {
        return "To approve or deny, open Kinbridge from your LMS and go to Linked products (" + publicUrl.base() + ").";
    }

    private static String peerName(CrossLink link) {
        return link.peerSchoolName().filter(n -> !n.isBlank()).orElse(link.peerUrl());
    }
}
