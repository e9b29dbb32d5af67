package org.mosaic.cluster.fleet;

import java.util.List;
import java.util.Locale;
import org.mosaic.core.catalog.Confidence;
import org.mosaic.core.catalog.Provenance;
import org.mosaic.link.baseline.Comparison;
import org.mosaic.link.baseline.Sourced;

/**
 * The fleet's default numbers from the world, each with its source (the [key] of a source in the bibliography, docs/sources.md) and a
 * confidence: PUE, electricity price, the household consumption behind "homes equivalent", the server power per
 * GPU that makes up the rest of the IT load, and the few optics prices the reference gives.
 */
public final class FleetDefaults {
    private FleetDefaults() {
    }

    /** Hours per (non-leap) year, as in the AFR definition ((standard constant-hazard FIT/AFR definitions)). */
    public static final double HOURS_PER_YEAR = Comparison.HOURS_PER_YEAR;

    /**
     * Power usage effectiveness: facility power / IT power. 1.2 is what SemiAnalysis' 100k-H100 model implies and
     * what [al-fares-2008], [superpod-rail] uses; the range runs from hyperscale halls to the Uptime industry average.
     */
    public static final Sourced PUE = new Sourced(1.2, 1.10, 1.58, Confidence.DERIVED,
            "[semianalysis-100k], [dgx-h100-power] (SemiAnalysis 100k H100 (secondary): 150 MW critical IT, 1.59 TWh/yr), [uptime-pue], [pue-ranges], [aiinframap-power] (PUE)",
            "(derived) 1.59e9 kWh / (150e3 kW x 8760 h) = 1.21; liquid-cooled AI halls 1.10-1.25, hyperscale 1.10-1.20,"
                    + " Uptime industry average 1.56-1.58 ([uptime-pue], [pue-ranges], [aiinframap-power])");

    /** Electricity price (USD per kWh). */
    public static final Sourced USD_PER_KWH = new Sourced(0.078, 0.04, 0.18, Confidence.PUBLISHED,
            "[semianalysis-100k], [dgx-h100-power], [uptime-pue], [pue-ranges], [aiinframap-power] (SemiAnalysis 100k H100 model (secondary); aiinframap (secondary))",
            "$0.078/kWh in the SemiAnalysis model; US industrial blend $0.08, real range $0.04-0.18");

    /**
     * Electricity of one household per year (kWh), from MOSAIC's own fleet claim so that our homes-equivalent and
     * Microsoft's are on the same footing: about 100 MW "enough for > 300,000 homes" ([msr-blog],).
     */
    public static final Sourced HOUSEHOLD_KWH_PER_YEAR = Sourced.of(100e3 * HOURS_PER_YEAR / 300_000, Confidence.DERIVED,
            "[msr-blog] (about 100 MW saved, 'enough for > 300,000 homes')",
            "(derived) 100 MW x 8760 h / 300,000 homes = 2,920 kWh per home per year, reading the claim's '100 MW per year' as"
                    + " a continuous 100 MW. The claim does not say whose homes; '> 300,000' makes it an upper bound per home."
                    + " A US household uses several times more (about 10,000 kWh/yr, recalled by the Mosaic developers, unverified), which would"
                    + " give about 3.5x fewer homes");

    /**
     * Server power per GPU besides the network optics (W): an H100 at 700 W plus about 575 W of CPU, NIC and PSU
     * overhead per GPU — the "rest of IT" beside the interconnect, times the GPU count.
     */
    public static final Sourced H100_SERVER_WATTS_PER_GPU = Sourced.of(700 + 575, Confidence.DERIVED,
            "[semianalysis-100k], [dgx-h100-power] (SemiAnalysis via naddod (secondary): ~575 W CPU/NIC/PSU overhead per 700 W GPU; DGX H100 8 x 700 W)",
            "(derived) 700 W + 575 W; excludes switches, optics and storage (about 10 % of power together, [semianalysis-100k], [dgx-h100-power])");

    /**
     * A price per end for one technology at one generation.
     *
     * @param id            technology id
     * @param generation    generation name
     * @param costPerEndUsd the price with its source
     */
    public record Price(String id, String generation, Sourced costPerEndUsd) {
    }

    private static final String PRICES = "[luxoptx-cost] (luxoptx vendor blog (secondary), volume 1000+)";

    /**
     * The 800G module prices of [luxoptx-cost] (midpoints of the ranges; one module is one end):
     * DR8 $1,100-1,400, FR4 $1,500-1,900, LPO $700-900. No AOC, SR, copper or MOSAIC price is published in our sources, so
     * those stay unknown and a fleet using them has no complete capex.
     */
    public static List<Price> vendorPrices800G() {
        return List.of(
                new Price("dsp-dr8", "800G", new Sourced(1250, 1100.0, 1400.0, Confidence.PUBLISHED, PRICES,
                        "800G OSFP DR8 $1,100-1,400; midpoint")),
                new Price("dsp-2fr4", "800G", new Sourced(1700, 1500.0, 1900.0, Confidence.PUBLISHED, PRICES,
                        "800G FR4 $1,500-1,900, taken for the catalog's 2xFR4 module; midpoint")),
                new Price("lpo", "800G", new Sourced(800, 700.0, 900.0, Confidence.PUBLISHED, PRICES, "800G LPO $700-900; midpoint")));
    }

    /** The provenance of every default above, for the report. */
    public static List<Provenance> provenance() {
        return List.of(
                provenance("fleet.pue", PUE, ""),
                provenance("fleet.usdPerKwh", USD_PER_KWH, "USD/kWh"),
                provenance("fleet.householdKwhPerYear", HOUSEHOLD_KWH_PER_YEAR, "kWh/yr"),
                provenance("fleet.serverWattsPerGpu", H100_SERVER_WATTS_PER_GPU, "W"));
    }

    private static Provenance provenance(String path, Sourced s, String unit) {
        return new Provenance(path, String.format(Locale.ROOT, "%.4g %s", s.value(), unit).trim(), s.confidence(), s.source(), s.note());
    }
}
