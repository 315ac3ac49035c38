/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring.dataset;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.imhmeasures.core.internal.Check;
import org.imhmeasures.scoring.dataset.internal.StrictUtf8Reader;

/**
 * Opens dataset files for {@link DatasetScoring}, {@link ChangeCsv} and {@link BoundedLines}: strict
 * UTF-8 whose errors can be located exactly.
 *
 * <p>Any {@link Reader} works with the dataset readers, and every reader refuses input that fails to
 * decode with a located {@link DatasetException} ({@code input must be UTF-8: invalid byte sequence})
 * rather than an {@code IOException}. The JDK's decoders ({@link Files#newBufferedReader(Path)},
 * {@link java.io.InputStreamReader} with a reporting decoder) drop the characters they decoded in the
 * block that failed, so the position reported is where that block starts; the readers made here
 * deliver every character before the bad byte first, so the line and column are those of the bad byte.
 * A leading byte-order mark is left in place: the dataset readers drop it.
 *
 * @since 0.1.0
 */
public final class DatasetInput {

    private DatasetInput() {
    }

    /**
     * Opens a UTF-8 file.
     *
     * @param path the file
     * @return a buffered reader that throws {@link java.nio.charset.MalformedInputException} at the
     *         first invalid byte, after delivering everything before it; the caller closes it
     * @throws IOException when the file cannot be opened
     */
    public static Reader open(Path path) throws IOException {
        return of(Files.newInputStream(Check.notNull(path, "path")));
    }

    /**
     * Decodes a UTF-8 stream.
     *
     * @param in the bytes; closed when the reader is closed
     * @return a buffered reader that throws {@link java.nio.charset.MalformedInputException} at the
     *         first invalid byte, after delivering everything before it
     */
    public static Reader of(InputStream in) {
        return new BufferedReader(new StrictUtf8Reader(Check.notNull(in, "in")), 16_384);
    }

    /**
     * Decodes a stream in {@code charset}: UTF-8 as {@link #of(InputStream)}; any other charset (e.g.
     * windows-1252, which European Excel writes) through the JDK's decoder set to report, never replace,
     * bytes it cannot decode, so a file in another encoding fails with a located error rather than
     * scoring replacement characters (the position is where the failing block starts).
     *
     * @param in the bytes; closed when the reader is closed
     * @param charset the encoding the file was written in
     * @return a buffered reader
     * @since 0.1.0
     */
    public static Reader of(InputStream in, Charset charset) {
        Check.notNull(in, "in");
        if (Check.notNull(charset, "charset").equals(StandardCharsets.UTF_8)) {
            return of(in);
        }
        return new BufferedReader(new InputStreamReader(in, charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)), 16_384);
    }
}
