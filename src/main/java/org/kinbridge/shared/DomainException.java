package org.kinbridge.shared;

/**
 * A use case refused: named for the situation by subclasses, with a short error code and a plain
 * sentence a user can act on. Never carries secrets.
 */
public abstract class DomainException extends RuntimeException {

    private final ProblemKind kind;
    private final String error;

    protected DomainException(ProblemKind kind, String error, String detail) {
        super(detail);
        this.kind = kind;
        this.error = error;
    }

    public ProblemKind kind() {
        return kind;
    }

    /** A stable, machine-readable code such as {@code unknown_tenant}. */
    public String error() {
        return error;
    }

    public String detail() {
        return getMessage();
    }
}
