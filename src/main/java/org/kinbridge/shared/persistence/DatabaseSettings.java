package org.kinbridge.shared.persistence;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.Config;

/** The operator's database choice: {@code KINBRIDGE_DB_URL}, {@code _USER}, {@code _PASSWORD}. */
record DatabaseSettings(String url, Optional<String> user, Optional<String> password) {

    private static final Pattern CURRENT_SCHEMA = Pattern.compile("[?&]currentSchema=([A-Za-z_][A-Za-z0-9_]*)");

    static DatabaseSettings fromConfig(Config config) {
        return new DatabaseSettings(
                config.getOptionalValue("kinbridge.db.url", String.class).orElse(UrlRoutedDataSource.DEFAULT_URL),
                config.getOptionalValue("kinbridge.db.user", String.class),
                config.getOptionalValue("kinbridge.db.password", String.class));
    }

    /** Shared migrations, plus db/vendor/postgresql or db/vendor/h2 for what only one database can do. */
    String[] migrationLocations() {
        return new String[] {"classpath:db/migration", "classpath:db/vendor/" + (url.startsWith("jdbc:postgresql:") ? "postgresql" : "h2")};
    }

    /** The PostgreSQL schema named in the URL, which migrations create when it does not exist yet. */
    Optional<String> schema() {
        Matcher matcher = CURRENT_SCHEMA.matcher(url);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }
}
