package org.kinbridge.lti.launch;

import java.util.Collection;
import java.util.Set;
import org.kinbridge.shared.Role;

/** Maps LTI role URIs onto what a user may do in Kinbridge. */
public final class LtiRoles {

    static final Set<String> ADMINISTRATOR = Set.of(
            "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator",
            "http://purl.imsglobal.org/vocab/lis/v2/system/person#SysAdmin",
            "http://purl.imsglobal.org/vocab/lis/v2/system/person#Administrator");

    static final Set<String> MENTOR = Set.of(
            "http://purl.imsglobal.org/vocab/lis/v2/membership#Mentor",
            // LTI 1.3 still allows the short context-role names from LTI 1.1.
            "Mentor");

    private LtiRoles() {
    }

    /** Administrators outrank mentors: a parent who is also staff still gets the admin panel. */
    public static Role kinbridgeRole(Collection<String> ltiRoles) {
        if (ltiRoles.stream().anyMatch(ADMINISTRATOR::contains)) {
            return Role.SCHOOL_ADMIN;
        }
        if (ltiRoles.stream().anyMatch(MENTOR::contains)) {
            return Role.PARENT;
        }
        return Role.OTHER;
    }
}
