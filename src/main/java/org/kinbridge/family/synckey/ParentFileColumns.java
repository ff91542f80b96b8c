package org.kinbridge.family.synckey;

import java.util.List;

/**
 * What an admin sees of a parent file before choosing its columns: the column names as the file spells
 * them, the first rows (cells in the same order, shortened) and how many rows the file has.
 */
public record ParentFileColumns(List<String> columns, List<List<String>> sampleRows, int rowCount) {

    static final int SAMPLE_ROWS = 3;
    /** Enough to recognise a value by; a sample is for choosing columns, not for reading the file back. */
    private static final int SAMPLE_CELL_CHARS = 60;

    public ParentFileColumns {
        columns = List.copyOf(columns);
        sampleRows = sampleRows.stream().map(List::copyOf).toList();
    }

    static String sampleCell(String cell) {
        if (cell == null) {
            return "";
        }
        return cell.length() <= SAMPLE_CELL_CHARS ? cell : cell.substring(0, SAMPLE_CELL_CHARS - 1) + "…";
    }
}
