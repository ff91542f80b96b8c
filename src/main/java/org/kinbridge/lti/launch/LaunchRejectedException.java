package org.kinbridge.lti.launch;

import org.kinbridge.shared.DomainException;
import org.kinbridge.shared.ProblemKind;

/**
 * A login or launch Kinbridge refuses, with a sentence an LMS admin can act on. The detail never
 * contains token contents or internals.
 */
public class LaunchRejectedException extends DomainException {

    public LaunchRejectedException(ProblemKind kind, String detail) {
        super(kind, "launch_rejected", detail);
    }

    static LaunchRejectedException malformed(String detail) {
        return new LaunchRejectedException(ProblemKind.INVALID, detail);
    }

    static LaunchRejectedException untrusted(String detail) {
        return new LaunchRejectedException(ProblemKind.UNAUTHENTICATED, detail);
    }

    static LaunchRejectedException notAllowed(String detail) {
        return new LaunchRejectedException(ProblemKind.FORBIDDEN, detail);
    }
}
