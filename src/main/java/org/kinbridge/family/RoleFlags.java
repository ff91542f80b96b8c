package org.kinbridge.family;

import java.util.Locale;

/**
 * Roles folded into the bits of one small int, so each of a district's people costs a few bytes of
 * role data instead of a set of strings.
 */
final class RoleFlags {

    static final int STUDENT = 1;
    static final int PARENT = 1 << 1;
    static final int GUARDIAN = 1 << 2;
    static final int RELATIVE = 1 << 3;
    static final int TEACHER = 1 << 4;
    /** Every other role: administrators, aides, proctors, counsellors, {@code ext:} roles, SDS staff. */
    static final int OTHER_STAFF = 1 << 5;

    static final int FAMILY = PARENT | GUARDIAN | RELATIVE;

    private RoleFlags() {
    }

    /** The flag of one role name; blank is no role at all. */
    static int of(String role) {
        if (role == null || role.isBlank()) {
            return 0;
        }
        return switch (role.trim().toLowerCase(Locale.ROOT)) {
            case "student" -> STUDENT;
            case "parent" -> PARENT;
            case "guardian" -> GUARDIAN;
            case "relative" -> RELATIVE;
            case "teacher" -> TEACHER;
            default -> OTHER_STAFF;
        };
    }

    static boolean has(int flags, int flag) {
        return (flags & flag) != 0;
    }

    /** The strongest family role among the flags: parent, then guardian, then relative. */
    static GuardianRole strongestFamilyRole(int flags) {
        if (has(flags, PARENT)) {
            return GuardianRole.PARENT;
        }
        if (has(flags, GUARDIAN)) {
            return GuardianRole.GUARDIAN;
        }
        if (has(flags, RELATIVE)) {
            return GuardianRole.RELATIVE;
        }
        throw new IllegalArgumentException("No family role among the flags " + flags);
    }
}
