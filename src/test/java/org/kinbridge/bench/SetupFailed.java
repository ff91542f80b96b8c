package org.kinbridge.bench;

/** A benchmark could not set up what it measures (exit status 2): the figures would mean nothing. */
final class SetupFailed extends RuntimeException {

    private static final long serialVersionUID = 1L;

    SetupFailed(String message) {
        super(message);
    }
}
