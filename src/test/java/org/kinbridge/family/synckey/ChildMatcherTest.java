package org.kinbridge.family.synckey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The three ways a parent file names a child. */
class ChildMatcherTest {

    private static final List<Student> STUDENTS = List.of(
            new Student("stu-1", "Ava.Brook", "S1001"),
            new Student("stu-2", "ben.brook", "S1002"),
            new Student("S1001x", null, null),
            new Student("stu-9", "twin", "stu-2"));

    @Test
    void internalIdMatchesTheSourcedIdExactly() {
        ChildMatcher matcher = new ChildMatcher(ChildMatch.INTERNAL_ID, STUDENTS);
        assertEquals("stu-1", matcher.match(" stu-1 ").studentSourcedId());
        assertFalse(matcher.match("STU-1").found(), "sourcedIds are compared exactly");
        assertFalse(matcher.match("S1001").found(), "an identifier is not an internal id");
        assertFalse(matcher.match("ava.brook").found());
    }

    @Test
    void syncKeyMatchesTheSourcedIdOrTheIdentifier() {
        ChildMatcher matcher = new ChildMatcher(ChildMatch.SYNC_KEY, STUDENTS);
        assertEquals("stu-1", matcher.match("stu-1").studentSourcedId());
        assertEquals("stu-1", matcher.match("S1001").studentSourcedId());
        assertEquals("S1001x", matcher.match("S1001x").studentSourcedId());
        assertFalse(matcher.match("s1001").found());
        assertFalse(matcher.match("ava.brook").found());
    }

    @Test
    void anIdNamingTwoStudentsMatchesNeither() {
        ChildMatcher.Match match = new ChildMatcher(ChildMatch.SYNC_KEY, STUDENTS).match("stu-2");
        assertTrue(match.ambiguous());
        assertFalse(match.found());
        assertNull(match.studentSourcedId());
    }

    @Test
    void usernameMatchesCaseInsensitively() {
        ChildMatcher matcher = new ChildMatcher(ChildMatch.USERNAME, STUDENTS);
        assertEquals("stu-1", matcher.match("ava.brook").studentSourcedId());
        assertEquals("stu-2", matcher.match("BEN.BROOK").studentSourcedId());
        assertFalse(matcher.match("stu-1").found());
        assertEquals(0, matcher.match("nobody").candidates());
    }
}
