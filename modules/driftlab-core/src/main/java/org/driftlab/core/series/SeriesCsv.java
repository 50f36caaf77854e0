package org.driftlab.core.series;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A numeric series read from CSV (RFC 4180 via Apache Commons CSV): a header row naming the columns, then one
 * data row per step with one finite decimal number per column (one column per dimension). Blank lines are
 * skipped; cells are trimmed. Immutable.
 *
 * <p>Every problem is a {@link SeriesFormatException} naming the file, the file line and 1-based data row,
 * and the column by its header name: empty file, no header row (a first row of numbers only), empty or duplicate
 * header name, no data rows, ragged row
 * (wrong number of cells), missing (empty) cell, non-numeric cell, NaN or infinite value; and naming the
 * file: text that is not UTF-8, malformed CSV (an unterminated quote).
 */
public final class SeriesCsv {
    // decimal numbers only: Double.parseDouble would also take "1d", hex floats and "NaN"
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern NON_FINITE = Pattern.compile("[+-]?(nan|inf|infinity)", Pattern.CASE_INSENSITIVE);

    private final String source;
    private final List<String> columns;
    private final int rows;
    private final double[] values;

    private SeriesCsv(String source, List<String> columns, int rows, double[] values) {
        this.source = source;
        this.columns = columns;
        this.rows = rows;
        this.values = values;
    }

    /**
     * Reads {@code file} (UTF-8). IOException when it cannot be opened or read (a {@link FileSystemException}
     * naming the file when it is a directory); {@link SeriesFormatException} also when it is not UTF-8 text.
     */
    public static SeriesCsv read(Path file) throws IOException {
        // a directory opens on some platforms and fails only at the first read, with a message naming nothing
        if (Files.isDirectory(file))
            throw new FileSystemException(file.toString(), null, "is a directory, not a CSV file");
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(in, file.toString());
        }
    }

    /**
     * Reads a CSV text from {@code in}, naming it {@code source} in messages. {@code in} is not closed.
     * IOException only when {@code in} fails; text that is not UTF-8 or not CSV (an unterminated quote) is a
     * {@link SeriesFormatException}.
     */
    public static SeriesCsv read(Reader in, String source) throws IOException {
        try {
            return parse(in, source);
        } catch (CharacterCodingException e) {
            throw new SeriesFormatException(source + ": not UTF-8 text");
        } catch (CSVException e) {
            throw new SeriesFormatException(source + ": malformed CSV: " + e.getMessage());
        } catch (UncheckedIOException e) {
            // Commons CSV's record iterator wraps what the reader throws
            if (e.getCause() instanceof CharacterCodingException)
                throw new SeriesFormatException(source + ": not UTF-8 text");
            if (e.getCause() instanceof CSVException c)
                throw new SeriesFormatException(source + ": malformed CSV: " + c.getMessage());
            throw e.getCause();
        }
    }

    private static SeriesCsv parse(Reader in, String source) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setTrim(true)
                .setIgnoreEmptyLines(true)
                .get();
        CSVParser parser = CSVParser.parse(in, format);
        Iterator<CSVRecord> it = parser.iterator();
        if (!it.hasNext()) throw new SeriesFormatException(source + ": empty file (expected a header row)");
        CSVRecord header = it.next();
        long headerLine = parser.getCurrentLineNumber();
        List<String> names = new ArrayList<>(header.size());
        for (int c = 0; c < header.size(); c++) {
            String name = header.get(c);
            if (c == 0 && name.startsWith("\uFEFF")) name = name.substring(1).trim(); // a UTF-8 byte-order mark
            if (name.isEmpty()) {
                throw new SeriesFormatException(
                        source + " line " + headerLine + ": header column " + (c + 1) + " has no name");
            }
            if (names.contains(name)) {
                throw new SeriesFormatException(
                        source + " line " + headerLine + ": duplicate column name '" + name + "'");
            }
            names.add(name);
        }
        if (names.stream()
                .allMatch(n ->
                        NUMBER.matcher(n).matches() || NON_FINITE.matcher(n).matches())) {
            // numbers as column names are a data row where the header belongs: reading on would drop that row
            throw new SeriesFormatException(
                    source + " line " + headerLine + ": no header row: the first row '" + String.join(",", names)
                            + "' holds only numbers (the first row names the columns, e.g. x or x0,x1)");
        }
        int width = names.size();
        double[] data = new double[Math.max(16, width * 64)];
        int row = 0;
        while (it.hasNext()) {
            CSVRecord record = it.next();
            row++;
            String where = source + " line " + parser.getCurrentLineNumber() + " (data row " + row + ")";
            if (record.size() != width) {
                throw new SeriesFormatException(
                        where + ": expected " + width + " cells (one per column of the header), got " + record.size());
            }
            if ((long) row * width > data.length)
                data = java.util.Arrays.copyOf(data, Math.multiplyExact(data.length, 2));
            int base = (row - 1) * width;
            for (int c = 0; c < width; c++) {
                data[base + c] = parse(record.get(c), where + ", column '" + names.get(c) + "'");
            }
        }
        if (row == 0)
            throw new SeriesFormatException(source + ": no data rows after the header (line " + headerLine + ")");
        return new SeriesCsv(source, List.copyOf(names), row, java.util.Arrays.copyOf(data, row * width));
    }

    private static double parse(String cell, String where) {
        if (cell.isEmpty()) throw new SeriesFormatException(where + ": missing value");
        if (NON_FINITE.matcher(cell).matches())
            throw new SeriesFormatException(where + ": value must be finite, got " + cell);
        if (!NUMBER.matcher(cell).matches()) throw new SeriesFormatException(where + ": not a number: '" + cell + "'");
        double v = Double.parseDouble(cell);
        if (!Double.isFinite(v))
            throw new SeriesFormatException(where + ": value must be finite, got " + cell + " (overflows a double)");
        return v;
    }

    /** The name the series was read from (file path). */
    public String source() {
        return source;
    }

    /** Column names from the header, in file order. */
    public List<String> columns() {
        return columns;
    }

    /** Doubles per step: the number of columns. */
    public int width() {
        return columns.size();
    }

    /** Data rows (steps). */
    public int rows() {
        return rows;
    }

    /** The value at 0-based data row {@code row} and column {@code column}. */
    public double value(int row, int column) {
        if (row < 0 || row >= rows || column < 0 || column >= columns.size()) {
            throw new IndexOutOfBoundsException(
                    "row " + row + ", column " + column + " outside " + rows + "x" + columns.size());
        }
        return values[row * columns.size() + column];
    }

    /** A fresh row-major copy of the values: step t (0-based) at [t·width … t·width + width − 1]. */
    public double[] values() {
        return values.clone();
    }
}
