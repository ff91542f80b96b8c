/**
 * The wire protocol between two linked products (docs/crosslink-protocol.md): the well-known metadata
 * document, the message types, and RS256 JWS signing and checking of messages, one rule at a time
 * (signature by the sender's JWKS, recipient, ±300 s clock window, message id, replay). Pure code over
 * Nimbus JOSE+JWT: no storage, no HTTP, no CDI.
 */
package org.kinbridge.crosslink.protocol;
