package org.kinbridge.lti.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.kinbridge.shared.Role;

class LtiRolesTest {

    private static final String ADMIN = "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator";
    private static final String SYSADMIN = "http://purl.imsglobal.org/vocab/lis/v2/system/person#SysAdmin";
    private static final String MENTOR = "http://purl.imsglobal.org/vocab/lis/v2/membership#Mentor";
    private static final String COURSE_ADMIN = "http://purl.imsglobal.org/vocab/lis/v2/membership#Administrator";
    private static final String LEARNER = "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner";

    @Test
    void institutionAndSystemAdministratorsGetTheAdminPanel() {
        assertEquals(Role.SCHOOL_ADMIN, LtiRoles.kinbridgeRole(List.of(ADMIN)));
        assertEquals(Role.SCHOOL_ADMIN, LtiRoles.kinbridgeRole(List.of(SYSADMIN)));
    }

    @Test
    void anAdministratorWhoIsAlsoAMentorIsAnAdmin() {
        assertEquals(Role.SCHOOL_ADMIN, LtiRoles.kinbridgeRole(List.of(MENTOR, ADMIN)));
    }

    @Test
    void mentorsAreParentsInFullOrShortForm() {
        assertEquals(Role.PARENT, LtiRoles.kinbridgeRole(List.of(MENTOR)));
        assertEquals(Role.PARENT, LtiRoles.kinbridgeRole(List.of("Mentor", LEARNER)));
    }

    @Test
    void courseAdministratorsLearnersAndNobodyGetNothing() {
        assertEquals(Role.OTHER, LtiRoles.kinbridgeRole(List.of(COURSE_ADMIN)));
        assertEquals(Role.OTHER, LtiRoles.kinbridgeRole(List.of(LEARNER)));
        assertEquals(Role.OTHER, LtiRoles.kinbridgeRole(List.of()));
    }
}
