/**
 * Today's link technologies and how MOSAIC compares with them.
 *
 * <ul>
 *   <li>{@link org.mosaic.link.baseline.TwinaxModel}: twinax insertion loss per metre
 *       {@code IL(f) = k1·√f + k2·f} per wire gauge against the cable's loss allowance at the lane's Nyquist
 *       frequency; every copper reach is computed by it, never listed.</li>
 *   <li>{@link org.mosaic.link.baseline.BaselineCatalog}: the technologies (DAC, LACC, AEC, AOC, DSP
 *       pluggables, LPO, CPO) per host generation (800G, 1.6T, projected 3.2T), read from
 *       {@code presets/catalog/baselines.yaml} (a {@code kind: catalog} document) with a source and a confidence for every number.</li>
 *   <li>{@link org.mosaic.link.baseline.Comparison}: every technology side by side at a generation and a
 *       cable length, together with rows from our own model ({@link org.mosaic.link.baseline.ModelRow}), and
 *       the ratios MOSAIC claims (power saving, reach ×, reliability ×) computed from those rows.</li>
 * </ul>
 *
 * Numbers come from the sources of docs/sources.md (bibliography keys in brackets); the catalog cites
 * file, section and the URL the reference gives.
 */
package org.mosaic.link.baseline;
