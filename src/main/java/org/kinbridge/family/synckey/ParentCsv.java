package org.kinbridge.family.synckey;

import org.kinbridge.shared.CsvInput;
import org.kinbridge.shared.LimitedInputStream;
import com.univocity.parsers.common.TextParsingException;
import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads a parent file (UTF-8 CSV, header by name, case-insensitive; BOM, CRLF or LF) into rows the
 * import may use, reporting the others: a row without a sync value, or one whose sync value another
 * row repeats (all rows sharing it are refused: which one is right cannot be known). A file that is
 * not CSV, is too large, or lacks a chosen column is refused whole.
 */
public final class ParentCsv {

    /** The largest upload accepted by default: 20 MB. */
    public static final long DEFAULT_MAX_BYTES = 20L * 1024 * 1024;
    /** A sync value must leave room for the {@code sync:} prefix in a 255-character sourcedId. */
    static final int MAX_SYNC_VALUE = 250;
    private static final Pattern CHILD_SEPARATORS = Pattern.compile("[,;]");
    private static final int MAX_CELL_CHARS = 1 << 16;
    private static final int MAX_COLUMNS = 1024;

    private ParentCsv() {
    }

    /** Reads the whole file (closing {@code in}) as {@code request} maps it. */
    public static ParentFile read(InputStream in, ParentImportRequest request, long maxBytes) {
        List<ParentRow> candidates = new ArrayList<>();
        List<ImportIssue> issues = new ArrayList<>();
        parse(in, maxBytes, header -> {
            Columns columns = Columns.of(header, request);
            return (number, cells) -> columns.row(number, cells, issues).ifPresent(candidates::add);
        });
        return new ParentFile(withoutDuplicates(candidates, request.syncColumn(), issues), issues);
    }

    /**
     * The columns an admin may choose among (named, each name once whatever its case, in file order), the
     * first rows to recognise them by, and how many rows the file has; reads the whole file (closing {@code in}).
     */
    public static ParentFileColumns columns(InputStream in, long maxBytes) {
        ColumnSurvey survey = new ColumnSurvey();
        parse(in, maxBytes, survey::header);
        return survey.result();
    }

    /**
     * Parses the file, giving its header to {@code onHeader} and each non-blank record, numbered from the
     * header's 1, to what that returns. Refuses an empty file, one over {@code maxBytes} and one that is not CSV.
     */
    private static void parse(InputStream in, long maxBytes, Function<String[], RecordHandler> onHeader) {
        CsvParser parser = new CsvParser(settings());
        try (InputStream input = CsvInput.withoutBom(new LimitedInputStream(in, maxBytes, () -> BrokenParentFileException.tooLarge(maxBytes)))) {
            parser.beginParsing(new InputStreamReader(input, StandardCharsets.UTF_8));
            String[] header = parser.parseNext();
            if (header == null) {
                throw new BrokenParentFileException("empty_file", "The file is empty: it has no header row.");
            }
            RecordHandler records = onHeader.apply(header);
            int number = 1;
            for (String[] cells = parser.parseNext(); cells != null; cells = parser.parseNext()) {
                number++;
                if (!CsvInput.isBlank(cells)) {
                    records.record(number, cells);
                }
            }
        } catch (TextParsingException e) {
            throw refusal(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            parser.stopParsing();
        }
    }

    @FunctionalInterface
    private interface RecordHandler {
        void record(int number, String[] cells);
    }

    /** Collects the named columns, the first rows under them and the number of rows. */
    private static final class ColumnSurvey implements RecordHandler {
        private final List<String> names = new ArrayList<>();
        private final List<Integer> positions = new ArrayList<>();
        private final List<List<String>> sample = new ArrayList<>();
        private int rowCount;

        RecordHandler header(String[] header) {
            for (int position : headerPositions(header).values()) {
                names.add(headerName(header[position]));
                positions.add(position);
            }
            return this;
        }

        @Override
        public void record(int number, String[] cells) {
            rowCount++;
            if (sample.size() < ParentFileColumns.SAMPLE_ROWS) {
                sample.add(positions.stream().map(position -> ParentFileColumns.sampleCell(cellAt(cells, position))).toList());
            }
        }

        ParentFileColumns result() {
            return new ParentFileColumns(names, sample, rowCount);
        }
    }

    /** Each named column's position by its case-insensitive key; where a name repeats, the first one counts. */
    private static Map<String, Integer> headerPositions(String[] header) {
        Map<String, Integer> positions = new LinkedHashMap<>();
        for (int i = 0; i < header.length; i++) {
            String name = headerName(header[i]);
            if (!name.isEmpty()) {
                positions.putIfAbsent(columnKey(name), i);
            }
        }
        return positions;
    }

    private static String headerName(String raw) {
        return raw == null ? "" : raw.replace("\uFEFF", "").trim();
    }

    private static String columnKey(String column) {
        return column.trim().toLowerCase(Locale.ROOT);
    }

    /** The cell's trimmed text, or null where the row is too short or the cell blank. */
    private static String cellAt(String[] cells, int index) {
        if (index < 0 || index >= cells.length || cells[index] == null || cells[index].isBlank()) {
            return null;
        }
        return cells[index].trim();
    }

    /**
     * The ids in a row's children cells, in order: each cell separated by commas or semicolons, trimmed,
     * blanks and repeats (also across cells) dropped.
     */
    private static List<String> childIds(List<String> cells) {
        Set<String> ids = new LinkedHashSet<>();
        for (String cell : cells) {
            if (cell != null) {
                for (String id : CHILD_SEPARATORS.split(cell)) {
                    if (!id.isBlank()) {
                        ids.add(id.trim());
                    }
                }
            }
        }
        return List.copyOf(ids);
    }

    private static List<ParentRow> withoutDuplicates(List<ParentRow> candidates, String syncColumn, List<ImportIssue> issues) {
        Map<String, List<Integer>> rowsByValue = candidates.stream().collect(Collectors.groupingBy(ParentRow::syncValue,
                HashMap::new, Collectors.mapping(ParentRow::row, Collectors.toList())));
        List<ParentRow> accepted = new ArrayList<>();
        for (ParentRow row : candidates) {
            List<Integer> rows = rowsByValue.get(row.syncValue());
            if (rows.size() == 1) {
                accepted.add(row);
            } else {
                issues.add(ImportIssue.refusal(row.row(), syncColumn, ImportIssue.DUPLICATE_SYNC_VALUE, "The sync value '"
                        + row.syncValue() + "' is on rows " + rows.stream().map(String::valueOf).collect(Collectors.joining(", "))
                        + "; it must be unique, so none of these rows is imported."));
            }
        }
        issues.sort(java.util.Comparator.comparingInt(ImportIssue::row));
        return accepted;
    }

    private static CsvParserSettings settings() {
        return CsvInput.parserSettings(MAX_CELL_CHARS, MAX_COLUMNS);
    }

    private static RuntimeException refusal(TextParsingException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof BrokenParentFileException broken) {
                return broken;
            }
        }
        return new BrokenParentFileException("invalid_csv", "The file cannot be read as CSV near record "
                + (e.getRecordNumber() + 1) + " (an unclosed quote, or a cell or row far too long).");
    }

    /** Where the chosen columns sit in this file's header; optional name columns may be absent. */
    private record Columns(String syncName, int sync, String childNames, List<Integer> children, int givenName,
                           int familyName, int email) {

        static Columns of(String[] header, ParentImportRequest request) {
            Map<String, Integer> positions = headerPositions(header);
            List<Integer> children = request.childColumns().stream()
                    .map(column -> required(positions, "childColumn", column)).toList();
            return new Columns(request.syncColumn(), required(positions, "syncColumn", request.syncColumn()),
                    request.childColumnsLabel(), children,
                    optional(positions, "givenNameColumn", request.givenNameColumn(), ParentImportRequest.DEFAULT_GIVEN_NAME),
                    optional(positions, "familyNameColumn", request.familyNameColumn(), ParentImportRequest.DEFAULT_FAMILY_NAME),
                    optional(positions, "emailColumn", request.emailColumn(), ParentImportRequest.DEFAULT_EMAIL));
        }

        Optional<ParentRow> row(int number, String[] cells, List<ImportIssue> issues) {
            String syncValue = cellAt(cells, sync);
            if (syncValue == null) {
                issues.add(ImportIssue.refusal(number, syncName, ImportIssue.MISSING_VALUE,
                        "The row has no sync value, so it cannot be imported."));
                return Optional.empty();
            }
            if (syncValue.length() > MAX_SYNC_VALUE) {
                issues.add(ImportIssue.refusal(number, syncName, ImportIssue.VALUE_TOO_LONG,
                        "The sync value is longer than " + MAX_SYNC_VALUE + " characters, so the row cannot be imported."));
                return Optional.empty();
            }
            List<String> childIds = childIds(children.stream().map(child -> cellAt(cells, child)).toList());
            if (childIds.isEmpty()) {
                issues.add(ImportIssue.warning(number, childNames, ImportIssue.MISSING_VALUE,
                        "The row names no child, so this parent is linked to nobody by this import."));
            }
            return Optional.of(new ParentRow(number, syncValue, cellAt(cells, givenName), cellAt(cells, familyName),
                    cellAt(cells, email), childIds));
        }

        private static int required(Map<String, Integer> positions, String parameter, String column) {
            Integer position = positions.get(columnKey(column));
            if (position == null) {
                throw BrokenParentFileException.missingColumn(parameter, column);
            }
            return position;
        }

        private static int optional(Map<String, Integer> positions, String parameter, Optional<String> named, String fallback) {
            if (named.isPresent()) {
                return required(positions, parameter, named.get());
            }
            return positions.getOrDefault(columnKey(fallback), -1);
        }
    }
}
