package org.kinbridge.roster.csv;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One record of a CSV file, read by column name (any case, any order); cells are trimmed and a
 * missing cell or column reads as empty. Valid only inside the callback that received it.
 */
public final class CsvRow {

    private static final int MAX_CACHED_KEYS = 512;
    private static final Map<String, String> KEYS = new ConcurrentHashMap<>();

    private final String file;
    private final int number;
    private final Map<String, Integer> columns;
    private final String[] cells;

    CsvRow(String file, int number, Map<String, Integer> columns, String[] cells) {
        this.file = file;
        this.number = number;
        this.columns = columns;
        this.cells = cells;
    }

    public String file() {
        return file;
    }

    /** The record number, the header being 1. */
    public int number() {
        return number;
    }

    public boolean hasColumn(String column) {
        return columns.containsKey(key(column));
    }

    /** The trimmed value of a column, empty if the file has no such column or the row no such cell. */
    public String value(String column) {
        Integer index = columns.get(key(column));
        if (index == null || index >= cells.length || cells[index] == null) {
            return "";
        }
        return cells[index].trim();
    }

    /** The value of the first of these columns the file has, for renamed columns ({@code agents}). */
    public String valueOfFirst(String... columnNames) {
        for (String column : columnNames) {
            if (hasColumn(column)) {
                return value(column);
            }
        }
        return "";
    }

    /** Several ids in one cell, comma-separated, spaces allowed around them; blanks dropped. */
    public List<String> ids(String... columnNames) {
        String cell = valueOfFirst(columnNames);
        List<String> ids = new ArrayList<>();
        for (String part : cell.split(",")) {
            String id = part.trim();
            if (!id.isEmpty()) {
                ids.add(id);
            }
        }
        return ids;
    }

    public ImportIssue issue(String column, String code, String message) {
        return new ImportIssue(file, number, column, code, message);
    }

    static String key(String column) {
        // Called for every cell read: the few column names the reader asks for are lower-cased once.
        String key = KEYS.get(column);
        if (key == null) {
            key = column.trim().toLowerCase(Locale.ROOT);
            if (KEYS.size() < MAX_CACHED_KEYS) {
                KEYS.putIfAbsent(column, key);
            }
        }
        return key;
    }
}
