package org.driftlab.core.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeriesCsvTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void readsAGoodFile() throws IOException {
        Path p = write("good.csv", "a, b\n1,2.5\n\n-3e-2, .5\n+4.,7\n");
        SeriesCsv s = SeriesCsv.read(p);
        assertThat(s.columns()).containsExactly("a", "b");
        assertThat(s.width()).isEqualTo(2);
        assertThat(s.rows()).isEqualTo(3);
        assertThat(s.values()).containsExactly(1, 2.5, -0.03, 0.5, 4.0, 7);
        assertThat(s.value(1, 0)).isEqualTo(-0.03);
        assertThat(s.source()).isEqualTo(p.toString());
        double[] copy = s.values();
        copy[0] = 99;
        assertThat(s.value(0, 0)).isEqualTo(1);
    }

    @Test
    void readsAFileWithoutATrailingNewlineAndQuotedCells() throws IOException {
        SeriesCsv s = SeriesCsv.read(write("q.csv", "\"x\"\n\"1.5\"\n2"));
        assertThat(s.values()).containsExactly(1.5, 2);
        assertThat(SeriesCsv.read(write("bom.csv", "\uFEFFx\n1\n")).columns()).containsExactly("x");
    }

    private void assertProblem(String text, String... parts) throws IOException {
        Path p = write("bad.csv", text);
        assertThatThrownBy(() -> SeriesCsv.read(p))
                .isInstanceOf(SeriesFormatException.class)
                .hasMessageContaining(p.toString())
                .hasMessageContainingAll(parts);
    }

    @Test
    void emptyFile() throws IOException {
        assertProblem("", "empty file");
        assertProblem("\n\n", "empty file");
    }

    @Test
    void noDataRows() throws IOException {
        assertProblem("a,b\n", "no data rows");
    }

    @Test
    void raggedRow() throws IOException {
        assertProblem("a,b\n1,2\n3\n", "line 3", "data row 2", "expected 2 cells", "got 1");
        assertProblem("a,b\n1,2,3\n", "line 2", "data row 1", "got 3");
    }

    @Test
    void missingCell() throws IOException {
        assertProblem("a,b\n1,2\n\n3,\n", "line 4", "data row 2", "column 'b'", "missing value");
    }

    @Test
    void nonNumericCell() throws IOException {
        assertProblem("alpha,beta\n1,x2\n", "line 2", "data row 1", "column 'beta'", "not a number", "'x2'");
        assertProblem("a\n1d\n", "column 'a'", "not a number");
        assertProblem("a\n0x1p3\n", "column 'a'", "not a number");
    }

    @Test
    void nonFiniteValue() throws IOException {
        assertProblem("a,b\n1,NaN\n", "data row 1", "column 'b'", "must be finite", "NaN");
        assertProblem("a,b\n-Infinity,1\n", "column 'a'", "must be finite");
        assertProblem("a,b\n1e400,1\n", "column 'a'", "must be finite", "overflows");
    }

    @Test
    void badHeader() throws IOException {
        assertProblem("a,,c\n1,2,3\n", "line 1", "header column 2");
        assertProblem("a,a\n1,2\n", "duplicate column name 'a'");
    }

    @Test
    void aFirstRowOfNumbersIsAMissingHeaderNotColumnNames() throws IOException {
        assertProblem("1.5\n2\n3\n", "line 1", "no header row", "'1.5'");
        assertProblem("\n-1,2e-3,NaN\n4,5,6\n", "line 2", "no header row", "'-1,2e-3,NaN'");
        // one name among numbers is a header (odd, but not data)
        assertThat(SeriesCsv.read(write("mixed.csv", "x,1\n2,3\n")).columns()).containsExactly("x", "1");
    }

    @Test
    void notUtf8AndUnterminatedQuoteAreFormatProblemsNamingTheFile() throws IOException {
        Path binary = Files.write(dir.resolve("bin.csv"), new byte[] {'a', '\n', (byte) 0xC3, (byte) 0x28, '\n'});
        assertThatThrownBy(() -> SeriesCsv.read(binary))
                .isInstanceOf(SeriesFormatException.class)
                .hasMessage(binary + ": not UTF-8 text");
        assertProblem("a\n\"1\n2\n", "malformed CSV", "EOF");
    }

    @Test
    void aDirectoryIsAnIoErrorNamingIt() throws IOException {
        Path d = Files.createDirectory(dir.resolve("series.csv"));
        assertThatThrownBy(() -> SeriesCsv.read(d))
                .isInstanceOf(java.nio.file.FileSystemException.class)
                .hasMessageContaining(d.toString())
                .hasMessageContaining("is a directory");
    }

    @Test
    void missingFileIsAnIoError() {
        assertThatThrownBy(() -> SeriesCsv.read(dir.resolve("absent.csv"))).isInstanceOf(NoSuchFileException.class);
    }
}
