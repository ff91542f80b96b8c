package org.kinbridge.family.synckey;

import java.util.List;

/** A parent file as read: the rows that may be imported and the issues of those that may not. */
public record ParentFile(List<ParentRow> rows, List<ImportIssue> issues) {

    public ParentFile {
        rows = List.copyOf(rows);
        issues = List.copyOf(issues);
    }
}
