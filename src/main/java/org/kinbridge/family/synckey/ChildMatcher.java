package org.kinbridge.family.synckey;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds the student a parent file means by one of its child ids. Built from the tenant's active
 * students only, so a former pupil, an adult or another school's student never matches. SourcedIds
 * and identifiers are compared exactly, usernames case-insensitively.
 */
public final class ChildMatcher {

    private final ChildMatch mode;
    private final Map<String, Set<String>> studentsByKey = new HashMap<>();

    public ChildMatcher(ChildMatch mode, Collection<Student> students) {
        this.mode = mode;
        for (Student student : students) {
            switch (mode) {
                case INTERNAL_ID -> index(student.sourcedId(), student);
                case SYNC_KEY -> {
                    index(student.sourcedId(), student);
                    index(student.identifier(), student);
                }
                case USERNAME -> index(lower(student.username()), student);
            }
        }
    }

    public Match match(String childId) {
        String key = mode == ChildMatch.USERNAME ? lower(childId.trim()) : childId.trim();
        Set<String> found = studentsByKey.getOrDefault(key, Set.of());
        if (found.size() == 1) {
            return new Match(found.iterator().next(), 1);
        }
        return new Match(null, found.size());
    }

    /** What one id matched: exactly one student, none, or several (then none is chosen). */
    public record Match(String studentSourcedId, int candidates) {

        public boolean found() {
            return candidates == 1;
        }

        public boolean ambiguous() {
            return candidates > 1;
        }
    }

    String describe(String childId) {
        return switch (mode) {
            case INTERNAL_ID -> "the id '" + childId + "'";
            case SYNC_KEY -> "the sourcedId or identifier '" + childId + "'";
            case USERNAME -> "the username '" + childId + "'";
        };
    }

    private void index(String key, Student student) {
        if (key != null && !key.isBlank()) {
            studentsByKey.computeIfAbsent(key.trim(), k -> new LinkedHashSet<>()).add(student.sourcedId());
        }
    }

    private static String lower(String value) {
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }
}
