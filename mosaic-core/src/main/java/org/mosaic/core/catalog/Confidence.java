package org.mosaic.core.catalog;

/** How much a default number can be trusted; shown next to every number in the report. */
public enum Confidence {
    /** Measured and published by the source (e.g. the MOSAIC prototype's BER). */
    MEASURED,
    /** Stated by a primary source (standard, datasheet, paper abstract, vendor release). */
    PUBLISHED,
    /** From a third party's close reading of the MOSAIC paper (tag (paper-derived) in [mosaic-sigcomm25]). */
    PAPER_DERIVED,
    /** Computed by us from sourced numbers (arithmetic or physics). */
    DERIVED,
    /** Chosen so the model reproduces a published measurement; the reason is given. */
    CALIBRATED,
    /** A guess within a physically plausible range; no source gives it. */
    ASSUMED
}
