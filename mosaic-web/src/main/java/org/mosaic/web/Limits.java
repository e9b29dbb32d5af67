package org.mosaic.web;

import com.fasterxml.jackson.databind.node.IntNode;
import java.util.List;
import java.util.Locale;

/**
 * What one request may ask of the studio, so that a browser tab (or anything else that reaches the port) cannot take the
 * machine: the size of a request body and of a document's text, and the work of one run (points, trials, GPUs,
 * codewords). Each limit is named in its refusal with the hint to run larger work with the CLI, which has none of them.
 * All are assumed (Mosaic developers): sized so that one run answers within seconds on a laptop core.
 */
final class Limits {
    /** Largest request body, bytes: a shipped document is ~10 KB, so 1 MB holds any sensible request with room. */
    static final int MAX_BODY_BYTES = 1_000_000;
    /** Largest document text, characters (a shipped document is ~2..15 KB). */
    static final int MAX_DOCUMENT_CHARS = 256 * 1024;

    private Limits() {
    }

    static ApiException bodyTooLarge(long bytes) {
        return new ApiException(413, String.format(Locale.ROOT, "the request body (%s bytes) exceeds the studio's limit of %d bytes "
                + "(hint: run large inputs with the CLI, e.g. ./mosaic link --scenario FILE)", bytes < 0 ? "more than " + MAX_BODY_BYTES
                : Long.toString(bytes), MAX_BODY_BYTES));
    }

    static void checkDocument(String input, String text) {
        if (text.length() > MAX_DOCUMENT_CHARS) {
            throw new ApiException(413, String.format(Locale.ROOT, "the document %s has %d characters: the studio accepts at most %d "
                    + "(hint: run it with the CLI, --scenario FILE)", input, text.length(), MAX_DOCUMENT_CHARS),
                    List.of(new Problem(input, IntNode.valueOf(text.length()), "at most " + MAX_DOCUMENT_CHARS + " characters",
                            "run it with the CLI", null)));
        }
    }
}
