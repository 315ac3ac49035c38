/*
 * Copyright 2026 the imh-measures authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.imhmeasures.portal.submission;

import org.imhmeasures.core.internal.Check;

/**
 * The size and parser limits a {@link SubmissionValidator} applies before it reads a submission: document
 * size in bytes, nesting depth, number length and string length. A document beyond any of them is rejected
 * with {@code json.too_large} or {@code json.limits}, never parsed further.
 *
 * <p>Immutable: {@link #defaults()}, then {@code with...} methods that return a changed copy. Equal when
 * every limit is equal.
 *
 * @since 0.1.0
 */
public final class SubmissionLimits {

    private static final SubmissionLimits DEFAULTS = new SubmissionLimits(SubmissionValidator.MAX_BYTES,
            SubmissionValidator.MAX_DEPTH, SubmissionValidator.MAX_NUMBER_LENGTH,
            SubmissionValidator.MAX_STRING_LENGTH);

    /** The deepest nesting a submission needs: root, administrations, an administration, its answers. */
    static final int MIN_DEPTH = 4;

    private final int maxBytes;
    private final int maxDepth;
    private final int maxNumberLength;
    private final int maxStringLength;

    private SubmissionLimits(int maxBytes, int maxDepth, int maxNumberLength, int maxStringLength) {
        Check.argument(maxBytes >= 1 && maxBytes < Integer.MAX_VALUE, "maximum bytes must be 1 to %s: %s",
                Integer.MAX_VALUE - 1, maxBytes);
        Check.argument(maxDepth >= MIN_DEPTH && maxDepth <= 1000, "maximum depth must be %s to 1000: %s", MIN_DEPTH,
                maxDepth);
        Check.argument(maxNumberLength >= 1 && maxNumberLength <= 1000, "maximum number length must be 1 to 1000: %s",
                maxNumberLength);
        Check.argument(maxStringLength >= 1 && maxStringLength <= 10_000_000,
                "maximum string length must be 1 to 10000000: %s", maxStringLength);
        this.maxBytes = maxBytes;
        this.maxDepth = maxDepth;
        this.maxNumberLength = maxNumberLength;
        this.maxStringLength = maxStringLength;
    }

    /**
     * The default limits: {@value SubmissionValidator#MAX_BYTES} bytes, depth
     * {@value SubmissionValidator#MAX_DEPTH}, numbers of {@value SubmissionValidator#MAX_NUMBER_LENGTH}
     * characters, strings of {@value SubmissionValidator#MAX_STRING_LENGTH}.
     *
     * @return the defaults
     */
    public static SubmissionLimits defaults() {
        return DEFAULTS;
    }

    /**
     * These limits with another largest document.
     *
     * @param bytes the largest accepted document, in bytes, 1 or more
     * @return the changed copy
     * @throws IllegalArgumentException when {@code bytes} is out of range
     */
    public SubmissionLimits withMaxBytes(int bytes) {
        return new SubmissionLimits(bytes, maxDepth, maxNumberLength, maxStringLength);
    }

    /**
     * These limits with another deepest nesting of arrays and objects.
     *
     * @param depth the deepest accepted nesting, 4 to 1000
     * @return the changed copy
     * @throws IllegalArgumentException when {@code depth} is out of range
     */
    public SubmissionLimits withMaxDepth(int depth) {
        return new SubmissionLimits(maxBytes, depth, maxNumberLength, maxStringLength);
    }

    /**
     * These limits with another longest number literal.
     *
     * @param length the longest accepted number, in characters, 1 to 1000
     * @return the changed copy
     * @throws IllegalArgumentException when {@code length} is out of range
     */
    public SubmissionLimits withMaxNumberLength(int length) {
        return new SubmissionLimits(maxBytes, maxDepth, length, maxStringLength);
    }

    /**
     * These limits with another longest string.
     *
     * @param length the longest accepted string, in characters, 1 to 10,000,000
     * @return the changed copy
     * @throws IllegalArgumentException when {@code length} is out of range
     */
    public SubmissionLimits withMaxStringLength(int length) {
        return new SubmissionLimits(maxBytes, maxDepth, maxNumberLength, length);
    }

    /**
     * The largest accepted document.
     *
     * @return bytes
     */
    public int maxBytes() {
        return maxBytes;
    }

    /**
     * The deepest accepted nesting of arrays and objects.
     *
     * @return the depth
     */
    public int maxDepth() {
        return maxDepth;
    }

    /**
     * The longest accepted number literal.
     *
     * @return characters
     */
    public int maxNumberLength() {
        return maxNumberLength;
    }

    /**
     * The longest accepted string.
     *
     * @return characters
     */
    public int maxStringLength() {
        return maxStringLength;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SubmissionLimits other && maxBytes == other.maxBytes && maxDepth == other.maxDepth
                && maxNumberLength == other.maxNumberLength && maxStringLength == other.maxStringLength;
    }

    @Override
    public int hashCode() {
        return ((maxBytes * 31 + maxDepth) * 31 + maxNumberLength) * 31 + maxStringLength;
    }

    @Override
    public String toString() {
        return "SubmissionLimits[maxBytes=" + maxBytes + ", maxDepth=" + maxDepth + ", maxNumberLength="
                + maxNumberLength + ", maxStringLength=" + maxStringLength + "]";
    }
}
