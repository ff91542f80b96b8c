package org.kinbridge.lti.security;

/** The platform's JWKS could not be fetched or read, so no launch signature can be checked now. */
public class PlatformKeysUnavailableException extends RuntimeException {

    public PlatformKeysUnavailableException() {
        super("The platform's public keys could not be fetched");
    }
}
