package org.kinbridge.family;

/**
 * A listed pair that is not a link, in the direction it was listed.
 *
 * @param listedBy the user whose row (or relationships.csv's student column) named the other
 * @param listed   the user named there
 * @param reason   why it is not a link
 */
public record RejectedLink(String listedBy, String listed, LinkRejection reason) {
}
