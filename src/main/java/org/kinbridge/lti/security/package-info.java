/**
 * Keys and one-time values: the tool's persisted signing keys with rotation and their JWKS, each
 * platform's public keys fetched and cached from its JWKS URL, and the single-use OIDC state and nonce.
 */
package org.kinbridge.lti.security;
