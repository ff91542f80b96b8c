package org.kinbridge.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The SMTP server ({@code KINBRIDGE_SMTP_*}); without a host, mail stays in the outbox. */
@ApplicationScoped
public class MailSettings {

    @Inject
    @ConfigProperty(name = "kinbridge.smtp.host")
    private Optional<String> host;

    @Inject
    @ConfigProperty(name = "kinbridge.smtp.port", defaultValue = "25")
    private int port;

    @Inject
    @ConfigProperty(name = "kinbridge.smtp.user")
    private Optional<String> user;

    @Inject
    @ConfigProperty(name = "kinbridge.smtp.password")
    private Optional<String> password;

    @Inject
    @ConfigProperty(name = "kinbridge.smtp.from", defaultValue = "Kinbridge <no-reply@kinbridge.invalid>")
    private String from;

    public boolean isConfigured() {
        return host.filter(h -> !h.isBlank()).isPresent();
    }

    String from() {
        return from;
    }

    Optional<String> user() {
        return user.filter(u -> !u.isBlank());
    }

    Optional<String> password() {
        return password;
    }

    Properties sessionProperties() {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", host.orElse("localhost"));
        properties.put("mail.smtp.port", String.valueOf(port));
        properties.put("mail.smtp.connectiontimeout", "5000");
        properties.put("mail.smtp.timeout", "10000");
        properties.put("mail.smtp.writetimeout", "10000");
        properties.put("mail.smtp.auth", String.valueOf(user().isPresent()));
        properties.put("mail.smtp.starttls.enable", "true");
        return properties;
    }
}
