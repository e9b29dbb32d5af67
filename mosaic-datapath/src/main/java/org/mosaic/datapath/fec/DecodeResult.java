package org.mosaic.datapath.fec;

import java.util.Arrays;

/**
 * What a bounded-distance Reed–Solomon decoder did with one received word.
 *
 * <ul>
 * <li>{@link Status#CLEAN}: all syndromes were zero; the word was taken as a codeword, nothing changed.</li>
 * <li>{@link Status#CORRECTED}: the decoder found an error pattern of weight ≤ t and removed it; {@code positions}
 * (symbol indices, ascending) and {@code values} (the error magnitudes that were XORed out) say which.</li>
 * <li>{@link Status#UNCORRECTABLE}: detected failure (Berlekamp–Massey degree L &gt; t, fewer Chien roots than
 * L inside the shortened range); the word is left as received.</li>
 * </ul>
 *
 * <p>The decoder cannot know whether it was right. A caller that knows the true error pattern (the error-event
 * engine) asks {@link #matches} or {@link #isSilentlyWrong}: a CORRECTED result that does not match the truth is
 * a <b>miscorrection</b> (the word was moved to another codeword), a CLEAN result with a nonzero true pattern is an
 * <b>undetected error</b> (the pattern is itself a nonzero codeword, weight ≥ 2t + 1).
 *
 * <p>The arrays are owned by the result and must not be modified; equality compares their contents.
 */
public record DecodeResult(Status status, int errorsCorrected, int[] positions, int[] values) {

    /** Outcome of one decode. */
    public enum Status { CLEAN, CORRECTED, UNCORRECTABLE }

    private static final int[] NONE = new int[0];
    private static final DecodeResult CLEAN_RESULT = new DecodeResult(Status.CLEAN, 0, NONE, NONE);
    private static final DecodeResult UNCORRECTABLE_RESULT = new DecodeResult(Status.UNCORRECTABLE, 0, NONE, NONE);

    public DecodeResult {
        if (status == null) {
            throw new IllegalArgumentException("status is null; expected CLEAN, CORRECTED or UNCORRECTABLE");
        }
        if (positions == null || values == null) {
            throw new IllegalArgumentException("positions and values must not be null; use empty arrays for "
                    + status);
        }
        if (positions.length != errorsCorrected || values.length != errorsCorrected) {
            throw new IllegalArgumentException("errorsCorrected = " + errorsCorrected + " but " + positions.length
                    + " positions and " + values.length + " values were given; expected equal lengths");
        }
        if ((status == Status.CORRECTED) != (errorsCorrected > 0)) {
            throw new IllegalArgumentException("status " + status + " with errorsCorrected = " + errorsCorrected
                    + "; expected errorsCorrected > 0 exactly when the status is CORRECTED");
        }
    }

    /** The result for a word whose syndromes were all zero. */
    public static DecodeResult clean() {
        return CLEAN_RESULT;
    }

    /** The result for a detected, uncorrectable word. */
    public static DecodeResult uncorrectable() {
        return UNCORRECTABLE_RESULT;
    }

    /**
     * Whether what the decoder did equals the true error pattern: CLEAN matches the empty pattern, CORRECTED
     * matches when it found exactly the true (position, value) pairs (in any order), UNCORRECTABLE never matches.
     *
     * @param truePositions symbol indices of the true errors (distinct), first {@code count} entries used
     * @param trueValues    their nonzero magnitudes
     */
    public boolean matches(int[] truePositions, int[] trueValues, int count) {
        if (count < 0 || count > truePositions.length || count > trueValues.length) {
            throw new IllegalArgumentException("count = " + count + " but the pattern arrays hold "
                    + truePositions.length + " positions and " + trueValues.length + " values");
        }
        return switch (status) {
            case CLEAN -> count == 0;
            case UNCORRECTABLE -> false;
            case CORRECTED -> {
                if (count != errorsCorrected) {
                    yield false;
                }
                for (int e = 0; e < count; e++) {
                    int i = Arrays.binarySearch(positions, truePositions[e]); // positions are ascending
                    if (i < 0 || values[i] != trueValues[e]) {
                        yield false;
                    }
                }
                yield true;
            }
        };
    }

    /**
     * A miscorrection or undetected error: the decoder delivered a word (CLEAN or CORRECTED) that differs from
     * the transmitted codeword. Always false for UNCORRECTABLE (those are detected).
     */
    public boolean isSilentlyWrong(int[] truePositions, int[] trueValues, int count) {
        return status != Status.UNCORRECTABLE && !matches(truePositions, trueValues, count);
    }

    /** CORRECTED but not the true pattern: the decoder moved the word to a different codeword. */
    public boolean isMiscorrected(int[] truePositions, int[] trueValues, int count) {
        return status == Status.CORRECTED && !matches(truePositions, trueValues, count);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DecodeResult r && r.status == status && r.errorsCorrected == errorsCorrected
                && Arrays.equals(r.positions, positions) && Arrays.equals(r.values, values);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * status.ordinal() + Arrays.hashCode(positions)) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "DecodeResult[" + status + ", errorsCorrected=" + errorsCorrected + ", positions="
                + Arrays.toString(positions) + ", values=" + Arrays.toString(values) + "]";
    }
}
