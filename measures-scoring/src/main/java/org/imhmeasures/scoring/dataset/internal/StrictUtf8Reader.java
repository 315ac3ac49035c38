/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.scoring.dataset.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes UTF-8 and refuses anything else ({@link CodingErrorAction#REPORT}), like
 * {@link java.nio.file.Files#newBufferedReader}, with one difference that matters for locating the
 * problem: every character before an invalid byte is delivered first, and only the next read throws
 * the {@link java.nio.charset.MalformedInputException}. (The JDK's decoder throws at once and drops the
 * characters it decoded in that call, so the reader's position is up to a block before the bad byte.)
 * Not thread-safe.
 */
public final class StrictUtf8Reader extends Reader {

    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(16_384);
    /** Decoded characters not yet delivered (a surrogate pair for a 1-character read). */
    private final CharBuffer spare = CharBuffer.allocate(2);
    private boolean eof;
    private boolean flushed;
    private CoderResult error;

    /**
     * Creates the reader.
     *
     * @param in UTF-8 bytes; closed when this reader is closed
     */
    public StrictUtf8Reader(InputStream in) {
        this.in = in;
        bytes.flip();
        spare.flip();
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (spare.hasRemaining()) {
            int n = Math.min(length, spare.remaining());
            spare.get(buffer, offset, n);
            return n;
        }
        if (length < 2) {
            // a supplementary character needs two chars: decode into the spare buffer
            spare.clear();
            int n = decode(spare);
            spare.flip();
            if (n <= 0) {
                return n;
            }
            buffer[offset] = spare.get();
            return 1;
        }
        return decode(CharBuffer.wrap(buffer, offset, length));
    }

    private int decode(CharBuffer out) throws IOException {
        if (error != null) {
            error.throwException();
        }
        int start = out.position();
        while (true) {
            CoderResult result = decoder.decode(bytes, out, eof);
            if (result.isError()) {
                if (out.position() > start) {
                    error = result; // deliver what came before the bad byte; fail on the next read
                    break;
                }
                error = result;
                result.throwException();
            }
            if (result.isOverflow()) {
                break;
            }
            // underflow: every byte decoded that can be
            if (eof) {
                if (!flushed) {
                    flushed = true;
                    decoder.flush(out);
                }
                break;
            }
            if (out.position() > start) {
                break; // hand on what there is rather than block on a pipe for more
            }
            bytes.compact();
            int n = in.read(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
            if (n < 0) {
                eof = true;
            } else {
                bytes.position(bytes.position() + n);
            }
            bytes.flip();
        }
        int n = out.position() - start;
        return n == 0 && eof ? -1 : n;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
