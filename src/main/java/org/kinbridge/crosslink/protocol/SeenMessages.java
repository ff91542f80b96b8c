package org.kinbridge.crosslink.protocol;

import java.time.Instant;

/** The replay store: remembers message ids per sender so a message takes effect at most once. */
public interface SeenMessages {

    /**
     * Records a message id.
     *
     * @return false if this sender's message id was seen before (a replay or a retried duplicate)
     */
    boolean firstSighting(String recipientSchool, String sender, String messageId, Instant keepUntil);
}
