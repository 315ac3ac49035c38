/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.imhmeasures.core.instrument.Catalogue;
import org.imhmeasures.scoring.Scorer;
import org.imhmeasures.scoring.change.ChangeOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Reading input (issue 8 §2): byte-order marks, invalid UTF-8, over-long cells, unclosed quotes and
 * repeated header columns, for every format and for the change CSV. Each refusal is a
 * {@link DatasetException} with line and column whose message quotes no cell.
 */
class DatasetReadingTest {

    private static final String BOM = "\uFEFF";
    private static final String PHQ9_HEADER = "record_id,phq9_1,phq9_2,phq9_3,phq9_4,phq9_5,phq9_6,phq9_7,phq9_8,"
            + "phq9_9";
    private static final DatasetScoring PHQ9 = DatasetScoring.of(Scorer.of(Catalogue.builtIn().get("PHQ-9")));
    private static final DatasetScoring CORE10 = DatasetScoring.of(Scorer.of(Catalogue.builtIn().get("CORE-10")));
    /** A planted identifier: it must never appear in a message. */
    private static final String NHS_NUMBER = "9434765919";

    private record Run(DatasetSummary summary, List<String> output, List<String> rejects, List<String> header) {
    }

    private static Run run(DatasetScoring scoring, DatasetFormat format, Reader input) throws IOException {
        StringWriter out = new StringWriter();
        StringWriter rej = new StringWriter();
        List<String> header = new ArrayList<>();
        DatasetSummary summary = scoring.forEach(format, input, RowHandler.all(new HeaderRecorder(header),
                ScoresCsv.of(out, scoring.scorer().instrument(), format), RejectsCsv.of(rej)));
        return new Run(summary, out.toString().lines().toList(), rej.toString().lines().toList(), header);
    }

    private static Run run(DatasetScoring scoring, DatasetFormat format, String input) throws IOException {
        return run(scoring, format, new StringReader(input));
    }

    /** Bytes as a file would hold them, read through {@link DatasetInput} as the CLI does. */
    private static Reader utf8(byte[] bytes) {
        return DatasetInput.of(new ByteArrayInputStream(bytes));
    }

    private static byte[] withBadByte(String before, String after) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(before.getBytes(StandardCharsets.UTF_8));
        bytes.write(0xC3); // a lead byte followed by a non-continuation byte: invalid
        bytes.write('(');
        bytes.writeBytes(after.getBytes(StandardCharsets.UTF_8));
        return bytes.toByteArray();
    }

    private static String longRows(String record, String timepoint, String... codes) {
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < codes.length; i++) {
            rows.append(record).append(',').append(timepoint).append(",PHQ-9,phq9_").append(i + 1).append(',')
                    .append(codes[i]).append('\n');
        }
        return rows.toString();
    }

    private static void assertLocated(DatasetException e, long line, long column) {
        assertEquals(line, e.line(), e.getMessage());
        assertEquals(column, e.column(), e.getMessage());
        assertTrue(e.getMessage().startsWith("line " + line + ", column " + column + ": "), e.getMessage());
        assertFalse(e.getMessage().contains(NHS_NUMBER), e.getMessage());
    }

    private static ChangeCsv.Run change(String csv) throws IOException {
        return ChangeCsv.of(Catalogue.builtIn().get("PHQ-9"), ChangeOptions.defaults(), List.of())
                .run(() -> new StringReader(csv), new StringWriter());
    }

    // --- byte-order mark ---

    @Test
    void wideCsv_utf8BomBeforeRecordId_isStripped() throws IOException {
        Run r = run(PHQ9, DatasetFormat.WIDE_CSV, BOM + PHQ9_HEADER + "\nr1,1,1,1,1,1,1,1,1,0\n");
        assertEquals(new DatasetSummary(1, 1, 0, 0), r.summary());
        assertEquals("record_id", r.header().get(0));
        assertEquals("r1,PHQ-9,1.0.0,8,8,mild,false,0,false,,", r.output().get(1));
    }

    @Test
    void wideCsv_utf8BomBeforeFirstCore10ItemColumn_isStrippedAndNoRowIsProrated() throws IOException {
        // Excel "CSV UTF-8" with the items first: before the fix core10_1 was "\uFEFFcore10_1", absent,
        // and every row was silently prorated on 9 of 10 items
        String csv = BOM + "core10_1,core10_2,core10_3,core10_4,core10_5,core10_6,core10_7,core10_8,core10_9,"
                + "core10_10,record_id\n"
                + "1,3,3,1,1,0,1,1,1,2,a\n"
                + "4,0,0,4,4,4,4,4,4,4,b\n";
        Run r = run(CORE10, DatasetFormat.WIDE_CSV, csv);
        assertEquals(List.of(), CORE10.absentItemColumns(r.header()));
        assertEquals(List.of(
                "record_id,instrument,definition_version,raw_total,total,band,caseness,items_missing,prorated,"
                        + "critical_items,critical_unanswered",
                "a,CORE-10,1.0.1,10,10,healthy/low level,false,0,false,,",
                "b,CORE-10,1.0.1,40,40,severe,true,0,false,core10_6,"), r.output());
    }

    @Test
    void wideCsv_utf8BomInFileBytes_isStrippedThroughDatasetInput() throws IOException {
        byte[] bytes = (BOM + PHQ9_HEADER + "\nr1,1,1,1,1,1,1,1,1,0\n").getBytes(StandardCharsets.UTF_8);
        assertEquals((byte) 0xEF, bytes[0]);
        Run r = run(PHQ9, DatasetFormat.WIDE_CSV, utf8(bytes));
        assertEquals(new DatasetSummary(1, 1, 0, 0), r.summary());
    }

    @Test
    void longCsv_utf8BomBeforeRecordId_isStripped() throws IOException {
        Run r = run(PHQ9, DatasetFormat.LONG_CSV, BOM + "record_id,timepoint,instrument,item_id,code\n"
                + longRows("a", "baseline", "1", "1", "1", "1", "1", "1", "1", "1", "0"));
        assertEquals(new DatasetSummary(1, 1, 0, 0), r.summary());
        assertEquals("a,PHQ-9,1.0.0,8,8,mild,false,0,false,,,baseline", r.output().get(1));
    }

    @Test
    void jsonLines_utf8BomBeforeFirstObject_isStripped() throws IOException {
        Run r = run(PHQ9, DatasetFormat.JSON_LINES, BOM + "{\"record_id\":\"a\",\"instrument\":\"PHQ-9\","
                + "\"answers\":{\"phq9_1\":\"1\",\"phq9_2\":\"1\",\"phq9_3\":\"1\",\"phq9_4\":\"1\",\"phq9_5\":\"1\","
                + "\"phq9_6\":\"1\",\"phq9_7\":\"1\",\"phq9_8\":\"1\",\"phq9_9\":\"0\"}}\n");
        assertEquals(new DatasetSummary(1, 1, 0, 0), r.summary(), r.rejects().toString());
    }

    @Test
    void changeCsv_utf8BomBeforeRecordId_isStripped() throws IOException {
        ChangeCsv.Run run = change(BOM + "record_id,pre,post\na,16,9\n");
        assertEquals(new DatasetSummary(1, 1, 0, 0), run.summary());
    }

    @Test
    void wideCsv_byteOrderMarkLaterInTheFile_isData() throws IOException {
        // only a leading mark is an encoding signature; anywhere else it is a character like any other
        Run r = run(PHQ9, DatasetFormat.WIDE_CSV, PHQ9_HEADER + "\n" + BOM + "r1,1,1,1,1,1,1,1,1,0\n");
        assertTrue(r.output().get(1).startsWith(BOM + "r1,"), r.output().get(1));
    }

    // --- header cells: trimmed, unique ---

    @Test
    void wideCsv_headerCellsWithSpaces_areMatchedTrimmed() throws IOException {
        Run r = run(PHQ9, DatasetFormat.WIDE_CSV, " record_id , phq9_1,phq9_2,phq9_3,phq9_4,phq9_5,phq9_6,phq9_7,"
                + "phq9_8,phq9_9 \nr1,1,1,1,1,1,1,1,1,0\n");
        assertEquals(new DatasetSummary(1, 1, 0, 0), r.summary());
        assertEquals("record_id", r.header().get(0));
    }

    @Test
    void wideCsv_duplicateItemColumn_isRefusedAtTheSecondOccurrence() {
        DatasetException e = assertThrows(DatasetException.class, () -> run(PHQ9, DatasetFormat.WIDE_CSV,
                "record_id,phq9_1,phq9_2,phq9_3,phq9_3,phq9_4\nr1,1,1,1,2,1\n"));
        assertLocated(e, 1, 32);
        assertEquals("line 1, column 32: header columns must be unique: phq9_3 repeated (cells 4 and 5)",
                e.getMessage());
    }

    @Test
    void wideCsv_duplicateAfterTrimmingAndBom_isRefused() {
        DatasetException e = assertThrows(DatasetException.class, () -> run(PHQ9, DatasetFormat.WIDE_CSV,
                BOM + "record_id,phq9_1, record_id\n"));
        assertLocated(e, 1, 18);
        assertTrue(e.getMessage().contains("record_id repeated (cells 1 and 3)"), e.getMessage());
    }

    @Test
    void longCsv_duplicateColumn_isRefusedAtTheSecondOccurrence() {
        DatasetException e = assertThrows(DatasetException.class, () -> run(PHQ9, DatasetFormat.LONG_CSV,
                "record_id,timepoint,instrument,item_id,code,code\n"));
        assertLocated(e, 1, 45);
    }

    @Test
    void changeCsv_twoPreColumns_isRefusedAtTheSecondOccurrence() {
        DatasetException e = assertThrows(DatasetException.class, () -> change("record_id,pre,post,pre\na,16,9,20\n"));
        assertLocated(e, 1, 20);
        assertTrue(e.getMessage().contains("pre repeated"), e.getMessage());
    }

    @Test
    void duplicateHeaderName_thatLooksLikeAnIdentifier_isNotEchoed() {
        DatasetException e = assertThrows(DatasetException.class, () -> run(PHQ9, DatasetFormat.WIDE_CSV,
                "record_id,phq9_1," + NHS_NUMBER + "," + NHS_NUMBER + "\n"));
        assertLocated(e, 1, 29);
    }

    // --- invalid UTF-8 ---

    @ParameterizedTest
    @EnumSource(DatasetFormat.class)
    void anyFormat_invalidUtf8_isLocatedAtTheBadByte(DatasetFormat format) {
        String header = format == DatasetFormat.LONG_CSV ? "record_id,timepoint,instrument,item_id,code\n"
                : format == DatasetFormat.WIDE_CSV ? PHQ9_HEADER + "\n" : "";
        // line 2 (CSV) or 1 (JSON Lines) is long enough to cross the decoder's and the parser's blocks
        String padding = "x".repeat(20_000);
        String before = header + NHS_NUMBER + "," + padding + "\nab";
        DatasetException e = assertThrows(DatasetException.class, () -> run(PHQ9, format,
                utf8(withBadByte(before, "cd\n"))));
        assertLocated(e, header.isEmpty() ? 2 : 3, 3);
        assertEquals("input must be UTF-8: invalid byte sequence", e.getMessage().substring(e.getMessage()
                .indexOf(": ") + 2));
    }

    @Test
    void changeCsv_invalidUtf8_isLocatedAtTheBadByte() {
        byte[] bytes = withBadByte("record_id,pre,post\na,1", "6,9\n");
        DatasetException e = assertThrows(DatasetException.class, () -> ChangeCsv.of(Catalogue.builtIn().get(
                "PHQ-9"), ChangeOptions.defaults(), List.of()).run(() -> utf8(bytes), new StringWriter()));
        assertLocated(e, 2, 4);
    }

    @Test
    void anyReader_characterCodingException_isLocatedDatasetExceptionNotIoException() {
        // the JDK's own reporting decoder, as Files.newBufferedReader uses: the position is where the block
        // that failed starts (it drops that block's characters), still a located DatasetException
        byte[] bytes = withBadByte(PHQ9_HEADER + "\nr1,1,1,1,1,1,1,1,1,0\n", "\n");
        Reader jdk = new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT));
        DatasetException e = assertThrows(DatasetException.class, () -> run(PHQ9, DatasetFormat.WIDE_CSV, jdk));
        assertTrue(e.line() >= 1, e.getMessage());
        assertTrue(e.getMessage().contains("input must be UTF-8: invalid byte sequence"), e.getMessage());
    }

    @Test
    void boundedLines_characterCodingException_isLocated() {
        BoundedLines lines = BoundedLines.of(utf8(withBadByte("{}\n{\"a\":", "}\n")), 100);
        DatasetException e = assertThrows(DatasetException.class, () -> {
            while (lines.next().isPresent()) {
                // read to the bad byte
            }
        });
        assertLocated(e, 2, 6);
    }

    // --- cells over the size limit ---

    @Test
    void wideCsv_cellOverSizeLimit_isLocatedWhereTheCellStarts() {
        String cell = NHS_NUMBER + "x".repeat(100_000);
        DatasetException e = assertThrows(DatasetException.class, () -> run(PHQ9, DatasetFormat.WIDE_CSV,
                PHQ9_HEADER + "\nr1,1,1\nr2,1," + cell + ",1,1,1,1,1,1,0\n"));
        assertLocated(e, 3, 6);
        assertTrue(e.getMessage().endsWith("cell must be at most 100000 characters: longer"), e.getMessage());
    }

    @Test
    void wideCsv_quotedCellOverSizeLimit_isLocatedAtItsQuote() {
        String cell = "\"" + NHS_NUMBER + "\"\"" + "x".repeat(100_000) + "\"";
        DatasetException e = assertThrows(DatasetException.class, () -> run(PHQ9, DatasetFormat.WIDE_CSV,
                PHQ9_HEADER + "\nr1," + cell + "\n"));
        assertLocated(e, 2, 4);
    }

    @Test
    void wideCsv_cellAtSizeLimit_isRead() throws IOException {
        Run r = run(PHQ9, DatasetFormat.WIDE_CSV, "record_id,note,phq9_1\nr1,\"" + "\"\"".repeat(50_000) + "x"
                .repeat(50_000) + "\",1\n");
        assertEquals(1, r.summary().rowsRead());
    }

    @Test
    void longCsv_cellOverSizeLimit_isLocated() {
        DatasetException e = assertThrows(DatasetException.class, () -> run(PHQ9, DatasetFormat.LONG_CSV,
                "record_id,timepoint,instrument,item_id,code\na,b,PHQ-9,phq9_1," + "9".repeat(100_001) + "\n"));
        assertLocated(e, 2, 18);
    }

    @Test
    void changeCsv_cellOverSizeLimit_isLocated() {
        DatasetException e = assertThrows(DatasetException.class, () -> change("record_id,pre,post\n"
                + "a,16,9\nb," + "1".repeat(100_001) + ",9\n"));
        assertLocated(e, 3, 3);
    }

    // --- unclosed quotes and other broken CSV ---

    @Test
    void wideCsv_unterminatedQuote_isReportedWhereTheQuoteOpened() {
        DatasetException e = assertThrows(DatasetException.class, () -> run(PHQ9, DatasetFormat.WIDE_CSV,
                PHQ9_HEADER + "\nr1,1,1,1,1,1,1,1,1,0\nr2,\"" + NHS_NUMBER + ",1,1\nr3,1,1,1,1,1,1,1,1,0\n"
                        + "r4,1,1,1,1,1,1,1,1,0\n"));
        assertLocated(e, 3, 4);
        assertTrue(e.getMessage().endsWith("quoted cell must be closed before end of input: unclosed quote"),
                e.getMessage());
    }

    @Test
    void longCsv_unterminatedQuote_isReportedWhereTheQuoteOpened() {
        DatasetException e = assertThrows(DatasetException.class, () -> run(PHQ9, DatasetFormat.LONG_CSV,
                "record_id,timepoint,instrument,item_id,code\n\"a\nb\",x,PHQ-9,phq9_1,1\nc,x,\"PHQ-9,phq9_1,1\n"));
        assertLocated(e, 4, 5);
    }

    @Test
    void changeCsv_unterminatedQuote_isReportedWhereTheQuoteOpened() {
        DatasetException e = assertThrows(DatasetException.class, () -> change("record_id,pre,post\n"
                + "a,16,\"9\n\nb,1,2\n"));
        assertLocated(e, 2, 6);
    }

    @Test
    void wideCsv_characterAfterClosingQuote_isLocated() {
        DatasetException e = assertThrows(DatasetException.class, () -> run(PHQ9, DatasetFormat.WIDE_CSV,
                PHQ9_HEADER + "\nr1,\"1\"" + "x,1\n"));
        assertEquals(2, e.line(), e.getMessage());
        assertTrue(e.column() > 0, e.getMessage());
        assertTrue(e.getMessage().contains("input must be well-formed CSV"), e.getMessage());
    }

    @Test
    void wideCsv_quotedCellsSpanningLines_keepTheirFirstLine() throws IOException {
        Run r = run(PHQ9, DatasetFormat.WIDE_CSV, "record_id,note,phq9_1\r\n"
                + "r1,\"a\r\nb\",1\r\n"     // lines 2-3
                + "r2,\"c\rd\"\"\",\n"       // lines 4-5: a lone CR is a line end too
                + "r3,,\n");               // line 6
        assertEquals(4, r.rejects().size(), r.rejects().toString());
        assertTrue(r.rejects().get(1).startsWith("2,r1,too_many_missing,"), r.rejects().get(1));
        assertTrue(r.rejects().get(2).startsWith("4,r2,too_many_missing,"), r.rejects().get(2));
        assertTrue(r.rejects().get(3).startsWith("6,r3,too_many_missing,"), r.rejects().get(3));
    }

    @Test
    void score_inputReader_isNotClosed() throws IOException {
        boolean[] closed = new boolean[1];
        Reader input = new StringReader(PHQ9_HEADER + "\nr1,1,1,1,1,1,1,1,1,0\n") {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        for (DatasetFormat format : DatasetFormat.values()) {
            closed[0] = false;
            try {
                run(PHQ9, format, input);
            } catch (DatasetException e) {
                // the wide header does not suit the other formats; only closing matters here
            }
            assertFalse(closed[0], format.name());
        }
    }
}
