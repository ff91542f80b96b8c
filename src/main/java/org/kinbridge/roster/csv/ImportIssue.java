package org.kinbridge.roster.csv;

/**
 * One problem with one row, reported to the admin while the import goes on.
 *
 * @param file    the file's name as the package spells it, such as {@code users.csv}
 * @param row     the record number in that file, the header being 1
 * @param column  the column concerned, or empty when the row as a whole is
 * @param code    a stable code such as {@code missing_value}
 * @param message a plain sentence for the admin
 */
public record ImportIssue(String file, int row, String column, String code, String message) {

    public static final String MISSING_VALUE = "missing_value";
    public static final String UNKNOWN_STATUS = "unknown_status";
    public static final String NOT_A_BOOLEAN = "not_a_boolean";
    public static final String DUPLICATE_SOURCED_ID = "duplicate_sourced_id";
    public static final String UNKNOWN_USER = "unknown_user";
}
