package org.kinbridge.crosslink.protocol;

import com.nimbusds.jose.JOSEObjectType;
import java.time.Duration;

/** The fixed names of the protocol: paths, media type, JWS type and the clock window. */
public final class Protocol {

    public static final String NAME = "kinbridge-crosslink";
    public static final String VERSION = "1";
    public static final String WELL_KNOWN = "/.well-known/kinbridge-crosslink";
    public static final String MESSAGES_PATH = "/crosslink/v1/messages";
    public static final String FEED_PATH = "/crosslink/v1/feed";
    public static final String JWKS_PATH = "/.well-known/jwks.json";
    public static final String MEDIA_TYPE = "application/jose";
    public static final JOSEObjectType JWS_TYPE = new JOSEObjectType("kinbridge-crosslink+jwt");
    public static final Duration CLOCK_WINDOW = Duration.ofSeconds(300);
    /** How long a message id is remembered: well past the window in which it could be accepted at all. */
    public static final Duration REPLAY_MEMORY = Duration.ofHours(1);

    private Protocol() {
    }
}
