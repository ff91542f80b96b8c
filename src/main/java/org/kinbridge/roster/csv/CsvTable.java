package org.kinbridge.roster.csv;

import org.kinbridge.shared.CsvInput;
import com.univocity.parsers.common.TextParsingException;
import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Streams a CSV file one {@link CsvRow} at a time, so a file of millions of rows needs the memory of one
 * row. Copes with what real exports do: a UTF-8 BOM, CRLF or LF, no final newline, quoted or unquoted
 * cells, spaces around values, extra or shuffled columns. A file that is not CSV at all is refused.
 */
public final class CsvTable {

    private static final int MAX_CELL_CHARS = 1 << 16;
    private static final int MAX_COLUMNS = 1024;

    private CsvTable() {
    }

    /**
     * Calls {@code rows} for every non-empty record after the header. Closes {@code in}.
     *
     * @param requiredColumns columns the header must have, or the file is refused
     */
    public static void stream(String fileName, InputStream in, Collection<String> requiredColumns,
                              Consumer<CsvRow> rows) {
        CsvParser parser = new CsvParser(settings());
        try (InputStream input = CsvInput.withoutBom(in)) {
            parser.beginParsing(new InputStreamReader(input, StandardCharsets.UTF_8));
            String[] header = parser.parseNext();
            if (header == null) {
                throw new BrokenPackageException(fileName + " is empty: it has no header row.");
            }
            Map<String, Integer> columns = columnsOf(header);
            for (String required : requiredColumns) {
                if (!columns.containsKey(CsvRow.key(required))) {
                    throw new BrokenPackageException(fileName + " has no '" + required + "' column.");
                }
            }
            int number = 1;
            for (String[] cells = parser.parseNext(); cells != null; cells = parser.parseNext()) {
                number++;
                if (!CsvInput.isBlank(cells)) {
                    rows.accept(new CsvRow(fileName, number, columns, cells));
                }
            }
        } catch (TextParsingException e) {
            throw refusal(fileName, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            parser.stopParsing();
        }
    }

    private static CsvParserSettings settings() {
        return CsvInput.parserSettings(MAX_CELL_CHARS, MAX_COLUMNS);
    }

    private static Map<String, Integer> columnsOf(String[] header) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.length; i++) {
            String name = header[i] == null ? "" : header[i].replace("\uFEFF", "").trim();
            if (!name.isEmpty()) {
                columns.putIfAbsent(CsvRow.key(name), i);
            }
        }
        return Map.copyOf(columns);
    }

    private static RuntimeException refusal(String fileName, TextParsingException e) {
        // A limit tripped inside the stream surfaces wrapped by the parser; keep its own message.
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof BrokenPackageException broken) {
                return broken;
            }
        }
        return new BrokenPackageException(fileName + " cannot be read as CSV near record "
                + (e.getRecordNumber() + 1) + " (an unclosed quote, or a cell or row far too long).");
    }
}
