package org.kinbridge.family.synckey;

/**
 * One problem with one row of a parent file, reported while the rest is imported.
 *
 * @param row        the record number, the header being 1
 * @param column     the column concerned, as the file spells it
 * @param code       a stable code such as {@code duplicate_sync_value}
 * @param message    a plain sentence for the admin
 * @param rowRefused whether the whole row is left out; otherwise the row is imported without what the issue names
 */
public record ImportIssue(int row, String column, String code, String message, boolean rowRefused) {

    public static final String MISSING_VALUE = "missing_value";
    public static final String VALUE_TOO_LONG = "value_too_long";
    public static final String DUPLICATE_SYNC_VALUE = "duplicate_sync_value";
    public static final String UNKNOWN_CHILD = "unknown_child";
    public static final String AMBIGUOUS_CHILD = "ambiguous_child";
    public static final String BLOCKED_PAIR = "blocked_pair";
    public static final String NEW_LINKS_HELD = "new_links_held";
    public static final String ENDED_ELSEWHERE = "link_ended_elsewhere";

    /** The row cannot be imported at all (no usable sync value). */
    static ImportIssue refusal(int row, String column, String code, String message) {
        return new ImportIssue(row, column, code, message, true);
    }

    /** The row is imported, but part of it is not (a child not linked, no child named). */
    static ImportIssue warning(int row, String column, String code, String message) {
        return new ImportIssue(row, column, code, message, false);
    }
}
