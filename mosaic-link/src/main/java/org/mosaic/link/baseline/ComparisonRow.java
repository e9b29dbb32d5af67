package org.mosaic.link.baseline;

import org.mosaic.core.catalog.Confidence;

/**
 * One technology in a {@link Comparison}: whether it reaches the cable length, and its figures per END.
 * Numbers are {@code null} where they do not apply (a technology not offered at the generation) or are
 * unknown (cost).
 *
 * @param technology        display name
 * @param id                catalog id, or {@code model:<slug>} for a row from our own model
 * @param kind              technology class
 * @param availability      offered, limited, projected or not offered (our model's rows: offered)
 * @param ourModel          true for rows evaluated with our own models ({@link ModelRow})
 * @param reaches           reach ≥ the cable length (false when not offered)
 * @param reachMeters       reach (m)
 * @param powerPerEndWatts  power per end (W)
 * @param powerMinWatts     low end of the source's power range, or null
 * @param powerMaxWatts     high end of the source's power range, or null
 * @param perBitPicojoules  energy per payload bit per end, W / (payload Gb/s) × 1000
 * @param fitPerEnd         failures per 10⁹ hours per end
 * @param afrPerEnd         annualised failure rate per end, 1 − exp(−FIT × 8760 h / 10⁹)
 * @param costPerEndUsd     cost per end (USD), or null where no source gives one
 * @param confidence        the weakest confidence among reach, power and FIT (null when not offered)
 * @param source            sources of reach, power and FIT (or why the technology is not offered)
 * @param note              free text
 */
public record ComparisonRow(String technology, String id, TechnologyKind kind, Availability availability, boolean ourModel,
                            boolean reaches, Double reachMeters, Double powerPerEndWatts, Double powerMinWatts,
                            Double powerMaxWatts, Double perBitPicojoules, Double fitPerEnd, Double afrPerEnd, Double costPerEndUsd,
                            Confidence confidence, String source, String note) {

    /** True unless the technology is not offered at the generation. */
    public boolean available() {
        return availability.available();
    }
}
