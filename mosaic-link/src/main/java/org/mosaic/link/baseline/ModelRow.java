package org.mosaic.link.baseline;

import org.mosaic.core.catalog.Confidence;

/**
 * A link evaluated with our own models (the MOSAIC cable, or a microLED peer such as an Avicena-like or
 * SmartSens+UNISOC-like design), passed into a {@link Comparison} beside the catalog's baselines. The
 * comparison derives reaches, pJ/bit and AFR from these figures the same way as for every other row.
 *
 * @param technology       display name, e.g. "MOSAIC 800G (CPO host)"; unique within a comparison
 * @param kind             usually {@link TechnologyKind#MICROLED}
 * @param reachMeters      the modelled reach at the generation's rate (m)
 * @param powerPerEndWatts power per END, including its host interface as our power model counts it (W)
 * @param fitPerEnd        failures per 10⁹ hours per end, from our reliability model
 * @param costPerEndUsd    cost per end in USD, or {@code null} where unknown
 * @param confidence       how far the figures can be trusted (the weakest of them)
 * @param source           which model and scenario produced the figures
 * @param note             free text (may be empty)
 */
public record ModelRow(String technology, TechnologyKind kind, double reachMeters, double powerPerEndWatts, double fitPerEnd,
                       Double costPerEndUsd, Confidence confidence, String source, String note) {

    public ModelRow {
        if (technology == null || technology.isBlank()) {
            throw new IllegalArgumentException("model row without a technology name — expected e.g. \"MOSAIC 800G\"");
        }
        if (kind == null) {
            throw new IllegalArgumentException("model row " + technology + " without a kind — expected e.g. microled");
        }
        if (!(reachMeters > 0 && Double.isFinite(reachMeters))) {
            throw new IllegalArgumentException("model row " + technology + ": reach " + reachMeters
                    + " m — expected a positive finite length in metres");
        }
        if (!(powerPerEndWatts > 0 && Double.isFinite(powerPerEndWatts))) {
            throw new IllegalArgumentException("model row " + technology + ": power " + powerPerEndWatts
                    + " W per end — expected a positive finite power in watts");
        }
        if (!(fitPerEnd > 0 && Double.isFinite(fitPerEnd))) {
            throw new IllegalArgumentException("model row " + technology + ": FIT " + fitPerEnd
                    + " per end — expected a positive finite rate in failures per 1e9 h (hint: a FIT of 0 makes every reliability ratio infinite)");
        }
        if (costPerEndUsd != null && !(costPerEndUsd >= 0 && Double.isFinite(costPerEndUsd))) {
            throw new IllegalArgumentException("model row " + technology + ": cost " + costPerEndUsd
                    + " USD per end — expected a finite cost >= 0, or null when unknown");
        }
        if (confidence == null) {
            throw new IllegalArgumentException("model row " + technology + " without a confidence — expected e.g. derived");
        }
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("model row " + technology + " without a source — expected the model and scenario that produced it");
        }
        note = note == null ? "" : note;
    }
}
