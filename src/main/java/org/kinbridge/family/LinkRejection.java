package org.kinbridge.family;

import java.util.Locale;

/** Why a listed pair of people is not a parent-child link; each is counted and shown to the admin. */
public enum LinkRejection {
    /** One end is not among the users. */
    DANGLING("a listed user does not exist"),
    /** A user lists themselves. */
    SELF("a user lists themselves"),
    /** A student and an adult who holds teacher but no family role. */
    TEACHER("the adult is a teacher, not a family contact"),
    /** A student and an adult who holds only staff roles other than teacher. */
    OTHER_STAFF("the adult is staff, not a family contact"),
    /** Neither end is a student. */
    ADULT_ADULT("neither user is a student"),
    /** Both ends are students and neither holds a family role. */
    STUDENT_STUDENT("both users are students"),
    /** One end holds no role at all. */
    NO_ROLE("a user holds no role"),
    /** The roles fit, but one end's status is neither blank nor active. */
    INACTIVE("a user is not active"),
    /** Both ends hold student and a family role, so either could be the child. */
    AMBIGUOUS("either user could be the student");

    private final String reason;

    LinkRejection(String reason) {
        this.reason = reason;
    }

    /** A plain sentence for the admin. */
    public String reason() {
        return reason;
    }

    /** The key this rejection is counted under, such as {@code excluded_adult_adult}. */
    public String countKey() {
        return "excluded_" + name().toLowerCase(Locale.ROOT);
    }
}
