package org.kinbridge.web.demo;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The people of the demo LMS and the LTI roles their launches carry. */
enum DemoUser {

    ADMIN("admin", "Ada Admin", "demo-admin-1",
            List.of("http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator"), List.of()),
    PARENT("parent", "Pat Parent", "demo-parent-1",
            List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Mentor"), List.of("demo-student-1", "demo-student-2")),
    TEACHER("teacher", "Tom Teacher", "demo-teacher-1",
            List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor"), List.of());

    private static final Map<String, DemoUser> BY_HINT = Map.of("admin", ADMIN, "parent", PARENT, "teacher", TEACHER);

    final String loginHint;
    final String name;
    final String sourcedId;
    final List<String> roles;
    final List<String> mentees;

    DemoUser(String loginHint, String name, String sourcedId, List<String> roles, List<String> mentees) {
        this.loginHint = loginHint;
        this.name = name;
        this.sourcedId = sourcedId;
        this.roles = roles;
        this.mentees = mentees;
    }

    static Optional<DemoUser> byLoginHint(String hint) {
        return Optional.ofNullable(hint == null ? null : BY_HINT.get(hint));
    }
}
