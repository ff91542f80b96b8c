package org.kinbridge.lti.registration;

import org.kinbridge.shared.InvalidRequestException;

/** A platform registration request breaks a rule (missing field, plain-http URL, ...). */
public class InvalidPlatformException extends InvalidRequestException {

    public InvalidPlatformException(String detail) {
        super("invalid_platform", detail);
    }
}
