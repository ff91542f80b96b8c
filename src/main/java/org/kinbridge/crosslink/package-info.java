/**
 * The product-to-product link (DESIGN.md "Cross-product link", docs/crosslink-protocol.md): the handshake
 * between two products serving one school (request, approve, deny, cancel, remind, expire, unlink), the
 * outbox that delivers signed messages to a peer with retries, and once LINKED the feed each side pulls
 * from the other. Only the main school admin acts. Uses family (the feed), mail, lti (the instance key),
 * audit, school and shared; never web. Wire rules live in {@code crosslink.protocol}.
 */
package org.kinbridge.crosslink;
