package org.kinbridge.shared;

/** What a launched user may do in Kinbridge, mapped from the LTI roles of their launch. */
public enum Role {
    /** Institution administrator or system administrator of the platform: the admin panels. */
    SCHOOL_ADMIN,
    /** A parent or guardian (LTI Mentor): their own children only. */
    PARENT,
    /** Learners, instructors and anyone else: an explanation page, no data. */
    OTHER
}
