package org.mosaic.studies.claims;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The claims audited by {@link ClaimsStudy}: each published claim with its source, the study that computes its metric
 * (with its edits), the metric rows the metric is made of and the claimed figure. The claimed figures are the only
 * numbers here; each is the published one, cited. The inputs a group varies are ranged document values (their ranges
 * live in the documents' provenance, never here).
 */
final class ClaimCatalog {
    static final String AOC_WATTS = "aocPowerPerEndWatts";
    static final String AOC_FIT = "aocFitPerEnd";
    static final String DAC_REACH = "dac26awgReachMeters";
    static final String KP4_DESIGN = "kp4CodewordFailureAtBerTarget";

    private ClaimCatalog() {
    }

    /** The metric from its rows' values (in the order of {@link Spec#rows}) and the references. */
    interface Formula {
        double apply(double[] v, Map<String, Double> refs);
    }

    /**
     * Claims evaluated on the same study with the same edits and the same ranged inputs share their evaluations.
     *
     * @param id     the group's name
     * @param study  the study (as Studies.all() names it)
     * @param set    its input edits (as `mosaic run --set` takes them)
     * @param inputs the ranged inputs varied (assignment keys; each must carry a range in its document's provenance)
 * @param emptyLists list inputs given as empty (the fleet's user technologies: none)
     */
    record Group(String id, String study, Map<String, String> set, List<String> inputs, List<String> emptyLists) {
        Group(String id, String study, Map<String, String> set, List<String> inputs) {
            this(id, study, set, inputs, List.of());
        }
    }

    /** A claim's value from every group's point values (name → value by group id) and the references. */
    interface Across {
        double apply(Map<String, Map<String, Double>> base, Map<String, Double> refs);
    }

    /** A sentence from every group's point values and the references. */
    interface Detail {
        String apply(Map<String, Map<String, Double>> base, Map<String, Double> refs);
    }

    /**
     * @param unranged  why nothing is varied (for a group without ranged inputs): the input that would decide it
     * @param extraNote a sentence computed from every group's point values (or null)
     * @param across    the claim's value from several groups' point values (null: {@code formula} on its own group's rows);
     *                  such a claim varies nothing, so its P5-P95 is its value
     * @param detail    for an {@code across} claim: what its value means, after the verdict's kind and in the note
     */
    record Spec(String id, String group, String claim, String source, String metric, String unit, Sense sense,
                List<String> rows, Formula formula, String note, String unranged,
                Function<Map<String, Map<String, Double>>, String> extraNote, Across across, Detail detail) {
        Spec(String id, String group, String claim, String source, String metric, String unit, Sense sense,
             List<String> rows, Formula formula, String note, String unranged,
             Function<Map<String, Map<String, Double>>, String> extraNote) {
            this(id, group, claim, source, metric, unit, sense, rows, formula, note, unranged, extraNote, null, null);
        }
    }

    /** The channel's ranged inputs that move its reach most (each reach costs a solve; `mosaic sensitivity channel` ranks all). */
    private static final List<String> CHANNEL_INPUTS = List.of("scenario.fiber.attenuation", "scenario.fiber.numericalAperture",
            "scenario.led.averagePower");

    /**
     * The cable's ranged power coefficients and per-end FITs with the widest swings of its power and FIT (the driver, CTLE
     * and control energies, the regulator efficiency and the fibre's FIT move them less; `mosaic sensitivity cable` ranks
     * them all).
     */
    private static final List<String> CABLE_INPUTS = List.of("cable.power.receiverEnergyPerBit",
            "cable.power.ledWallPlugEfficiency", "cable.led.averagePower", "cable.power.gearboxEnergyPerBit",
            "cable.power.clocking", "cable.reliability.parts.end.gearboxAsic.fit", "cable.reliability.parts.end.hostSerdes.fit",
            "cable.reliability.parts.end.clocking.fit", "cable.reliability.parts.end.regulator.fit",
            "cable.reliability.parts.end.connector.fit", "cable.plan.emitterPitch");

    static List<Group> groups() {
        return List.of(
                new Group("channel-800g", "channel", Map.of("scenario", "mosaic-800g"), CHANNEL_INPUTS),
                // at 5 m the channel closes, so no reach is solved: power and FIT do not depend on the length
                new Group("cable-800g", "cable", Map.of("cable", "mosaic-800g", "cable.fiber.length", "5 m"), CABLE_INPUTS),
                new Group("cable-800g-scaled", "cable", Map.of("cable", "mosaic-800g", "scale", "true"), List.of("cable.fiber.coreCount")),
                new Group(fecGroup("bit", 1), "emulate", emulate("bit", 1), List.of()),
                new Group(fecGroup("bit", 2), "emulate", emulate("bit", 2), List.of()),
                new Group(fecGroup("bit", 3), "emulate", emulate("bit", 3), List.of()),
                new Group(fecGroup("symbol", 1), "emulate", emulate("symbol", 1), List.of()),
                new Group(fecGroup("symbol", 2), "emulate", emulate("symbol", 2), List.of()),
                new Group(fecGroup("symbol", 3), "emulate", emulate("symbol", 3), List.of()),
                new Group(fecGroup("codeword-aware", 1), "emulate", emulate("codeword-aware", 1), List.of()),
                new Group(fecGroup("codeword-aware", 2), "emulate", emulate("codeword-aware", 2), List.of()),
                new Group(fecGroup("codeword-aware", 3), "emulate", emulate("codeword-aware", 3), List.of()),
                new Group("fleet-nvl72", "fleet", Map.of("cluster", "nvl72-rack", "comparePolicies", "true"),
                        List.of("cluster.economics.householdKwhPerYear", "cluster.economics.pue")),
                // today's policy alone (one placement, one policy a point): the FITs per end of the technologies it puts on
                // cluster-100k's cables (26 AWG DAC on the scale-up, multimode AOC on the GPU-leaf and leaf-spine, DR8 on
                // the spine-core tiers), ranged in the shipped catalog
                new Group("fleet-100k-today", "fleet", Map.of("cluster", "cluster-100k", "policy", "today"), List.of(
                        "catalog.technologies.aoc-mmf.at.800G.fit.value", "catalog.technologies.dsp-dr8.common.fit.value",
                        "catalog.technologies.dac-26awg.common.fit.value")),
                // every policy on nvl72-rack, varying the watts per end of the 1.6T laser optics all-optical-laser chooses
                // from (the least-power one that reaches: DR8 and 2xFR4)
                new Group("fleet-nvl72-laser", "fleet", Map.of("cluster", "nvl72-rack", "comparePolicies", "true"), List.of(
                        "catalog.technologies.dsp-dr8.at.1.6T.power.value", "catalog.technologies.dsp-2fr4.at.1.6T.power.value")),
                new Group("fleet-100k", "fleet", Map.of("cluster", "cluster-100k", "comparePolicies", "true"),
                        // the electricity price moves the bill most (0.04-0.18 $/kWh against PUE 1.10-1.58); each point
                        // re-places 100k GPUs, so the group varies it alone
                        List.of("cluster.economics.usdPerKwh")),
                new Group("train-h100-16k", "train", Map.of("cluster", "h100-16k", "policies", "today,mosaic-beyond-copper", "tp", "8",
                        "pp", "16", "cp", "2", "dp", "64", "interleave", "4", "microBatch", "1", "recompute", "none"), List.of()));
    }

    /** The most dead channels the FEC claims try (1, 2, ... this many, spread evenly over the data channels). */
    static final int MAX_DEAD = 3;

    static String fecGroup(String mapping, int dead) {
        return "fec-" + mapping + "-" + dead + "-dead";
    }

    /**
     * {@code dead} channels dead from the start (spread evenly over the data channels) on otherwise error-free channels,
     * no failover in the analytic figure. Only the analytic codeword failure is read: it is exact here (a dead channel's
     * bit is wrong with probability 1/2 on random data, independently of every other bit, so each symbol fails with
     * 1 - 2^-(its bits on dead channels), independently: the Poisson-binomial of the mapping-aware figure), so the
     * counted run is kept short.
     */
    private static Map<String, String> emulate(String mapping, int dead) {
        return Map.of("scenario", "mosaic-800g", "mapping", mapping, "deadChannels", Integer.toString(dead), "ber", "0",
                "codewords", "200");
    }

    private static final String ABSTRACT = "[mosaic-sigcomm25] abstract";
    /** Where the two motivation claims were found: a secondary source that attributes them to the paper. */
    private static final String MOTIVATION = "[mosaic-sigcomm25] (motivation), as [firstpasslab-mosaic-2026] (secondary) quotes it; "
            + "not in our stored readings of the paper or the blog";

    static List<Spec> claims() {
        return List.of(
                new Spec("reach-50m", "channel-800g", "Up to 50 m reach for the 800G design", ABSTRACT,
                        "reach of the 800G design on the array's mean BER at its pre-FEC target", "m", Sense.atLeast(50),
                        List.of("reachMeters"), (v, r) -> v[0],
                        "channel study on mosaic-800g (reach solved on link.reach.target = mean)", null, null),
                new Spec("reach-10x-copper", "channel-800g", "Over 10x the reach of copper", ABSTRACT + "; [msr-blog]",
                        "reach of the 800G design / reach of a passive 26 AWG DAC at 800G", "1", Sense.atLeast(10),
                        List.of("reachMeters"), (v, r) -> v[0] / r.get(DAC_REACH),
                        "the DAC's reach from the compare study's twinax model (the longest passive copper)", null, null),
                new Spec("power-68pct", "cable-800g", "Up to 68 % less power than optics",
                        ABSTRACT + "; [mosaic-claim-ledger] (3.1 W vs 9.8 W per end)",
                        "1 - (MOSAIC per end at the CPO host boundary / laser AOC per end)", "1", Sense.atLeast(0.68),
                        List.of("powerOtherAttachment.perEndWatts"), (v, r) -> 1 - v[0] / r.get(AOC_WATTS),
                        "'up to': the best case, the 0.2 W CPO host boundary, against the catalog's 800G AOC", null, null),
                new Spec("saving-10w", "cable-800g", "More than 10 W saved per cable against optics", "[msr-blog]",
                        "laser AOC per cable (two ends) - MOSAIC per cable (pluggable, the drop-in)", "W", Sense.atLeast(10),
                        List.of("power.perCableWatts"), (v, r) -> 2 * r.get(AOC_WATTS) - v[0],
                        "pluggable host boundary (2.4 W per end) on both", null, null),
                new Spec("reliability-100x", "cable-800g", "Up to 100x fewer failures than optical links", ABSTRACT,
                        "laser AOC FIT per end / MOSAIC FIT per end (spares counted)", "1", Sense.atLeast(100),
                        List.of("reliability.perEndFit"), (v, r) -> r.get(AOC_FIT) / v[0],
                        "the channels contribute almost nothing with spares; the per-end parts (gearbox, SerDes, clocking, "
                                + "regulator, connector) and the fibre decide it", null, null),
                new Spec("array-1mm2", "cable-800g", "800 Gb/s from a 20 x 20 array on about 1 mm2 of silicon",
                        "[msr-blog] (400 channels in a 20 x 20 grid within ~1 mm2)",
                        "die area of the 800G array (data, parity and spare channels)", "mm²", Sense.about(1),
                        List.of("dieAreaMm2"), (v, r) -> v[0],
                        "the 23 x 20 grid at plan.emitterPitch (50 um, derived from the claim's ~1 mm2); the 20 x 20 data array "
                                + "alone is 1 mm2", null, null),
                new Spec("scale-1.6t-3.2t", "cable-800g-scaled", "1.6T and 3.2T by scaling the array",
                        "[mosaic-sigcomm25] via [desk-microled-2026]; [mediatek-computex] (roadmap 800G -> 1.6T -> 3.2T)",
                        "fibre cores the larger arrays need / cores of the 800G fibre (worst of 1.6T and 3.2T)", "1",
                        Sense.atMost(1), List.of("scaling[0].fibreCoresNeeded", "scaling[0].fibreCoresAvailable",
                        "scaling[2].fibreCoresNeeded", "scaling[2].fibreCoresAvailable"),
                        (v, r) -> Math.max(v[0] / v[1], v[2] / v[3]),
                        "above 1 the larger array needs a fibre with more cores (or faster channels, with less reach)", null, null),
                fec("bit"), fec("symbol"), fec("codeword-aware"),
                new Spec("homes-300k", "fleet-nvl72", "About 100 MW saved across deployments, enough for more than 300,000 homes",
                        "[msr-blog]", "homes whose yearly electricity equals 100 MW of IT power saved (at the cluster's PUE)",
                        "1", Sense.atLeast(300_000),
                        List.of("savingsAgainstToday[2].homesEquivalent", "savingsAgainstToday[2].powerSavedMegawatts"),
                        (v, r) -> 100 * v[0] / v[1],
                        "the fleet's homes-equivalent per MW (nvl72-rack, any policy difference gives the same ratio)", null,
                        ClaimCatalog::hundredMegawatts),
                new Spec("failures-6-12h", "fleet-100k-today", "A link failure every 6-12 h in a 100k-GPU cluster on today's optics",
                        MOTIVATION, "mean hours between link failures, cluster-100k, today",
                        "h", Sense.between(6, 12), List.of("meanHoursBetweenLinkFailures"), (v, r) -> v[0],
                        "the catalog's FIT per technology over every fabric and scale-up cable of cluster-100k",
                        "the technologies' FITs decide it", null),
                new Spec("nvl72-laser-20kw", "fleet-nvl72-laser", "About 20 kW more per NVL72 rack with laser optics",
                        MOTIVATION,
                        "interconnect power per NVL72 domain, all-optical-laser minus today (copper)", "kW", Sense.about(20),
                        List.of("policies[3].interconnectPowerWatts", "policies[0].interconnectPowerWatts", "policies[0].gpus"),
                        (v, r) -> (v[0] - v[1]) / 1000 / (v[2] / 72),
                        "every NVLink cable of the rack as a laser optic at the catalog's watts per end", null, null),
                new Spec("tco-lower", "fleet-100k", "MicroLED interconnects lower the TCO of AI clusters (SmartSens + UNISOC)",
                        "[smartsens-unisoc-2026]", "electricity cost saved per year, cluster-100k, mosaic-beyond-copper vs today", "USD/yr",
                        Sense.above(0), List.of("savingsAgainstToday[1].costSavedUsdPerYear"), (v, r) -> v[0],
                        "energy only: the catalog prices no cable (capex unpriced), so TCO here is the electricity bill; "
                                + "mosaic-beyond-copper keeps copper where it reaches and puts MOSAIC where optics would go",
                        "the technologies' watts decide it; the catalog carries no ranges yet", null),
                new Spec("training-faster", "train-h100-16k",
                        "MicroLED interconnects make TP/PP-heavy training faster (SmartSens + UNISOC)", "[smartsens-unisoc-2026]",
                        "step time today / step time with mosaic-beyond-copper (llama3-405b, TP8 CP2 PP16 v4 DP64 on h100-16k)", "1",
                        Sense.above(1), List.of("policies[0].stepSeconds", "policies[1].stepSeconds"), (v, r) -> v[0] / v[1],
                        "same plan on both policies; MOSAIC changes the fabric cables, not their bandwidth",
                        "the policies' link bandwidths decide it; they carry no ranges yet", null));
    }

    private static final String FAILURE = "analytic.mappingAwareCodewordFailure";

    /**
     * Drop-in over the host FEC, per mapping: how many of 1, 2, ... {@link #MAX_DEAD} dead channels the RS(544,514)
     * absorbs — the most dead channels whose codeword failure is no worse than at the design's pre-FEC BER target.
     */
    private static Spec fec(String mapping) {
        return new Spec("fec-dead-channel-" + mapping, fecGroup(mapping, 1),
                "Drop-in and protocol-agnostic over the host's FEC: dead channels absorbed (" + mapping + " mapping)",
                "[mosaic-sigcomm25] via [desk-microled-2026]; [msr-blog]",
                "dead channels (of 1 to " + MAX_DEAD + ", spread evenly over the data channels; no failover, the other channels "
                        + "error-free) the host's RS(544,514) absorbs: the most whose codeword failure probability is no worse "
                        + "than at the design's pre-FEC BER target on every channel (" + mapping + " mapping)",
                "1", Sense.atLeast(1), List.of(FAILURE), (v, r) -> v[0] / r.get(KP4_DESIGN),
                "analytic figures of the emulate study (exact for dead channels on random data: each bit on a dead channel "
                        + "is wrong with probability 1/2, independently); at least 1: one dead channel costs the host FEC no "
                        + "more than the BER it is designed for (link.berTarget of mosaic-800g)",
                "the gearbox mapping decides it (categorical)", null, (base, refs) -> absorbed(mapping, base, refs),
                (base, refs) -> fecDetail(mapping, base, refs));
    }

    /** Codeword failure with {@code dead} dead channels / at the design's BER target (NaN when not computed). */
    private static double ratio(String mapping, int dead, Map<String, Map<String, Double>> base, Map<String, Double> refs) {
        Map<String, Double> g = base.get(fecGroup(mapping, dead));
        Double f = g == null ? null : g.get(FAILURE);
        return f == null ? Double.NaN : f / refs.get(KP4_DESIGN);
    }

    /** The most dead channels (0 to MAX_DEAD) for which every count up to it is absorbed. */
    private static double absorbed(String mapping, Map<String, Map<String, Double>> base, Map<String, Double> refs) {
        int k = 0;
        while (k < MAX_DEAD && ratio(mapping, k + 1, base, refs) <= 1) {
            k++;
        }
        return k;
    }

    /** How many dead channels the FEC absorbs, and the failure ratio at each count. */
    private static String fecDetail(String mapping, Map<String, Map<String, Double>> base, Map<String, Double> refs) {
        int k = (int) absorbed(mapping, base, refs);
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "the host FEC absorbs %s (%s mapping; codeword failure / "
                + "at the design BER target:", k == MAX_DEAD ? "all " + MAX_DEAD + " dead channels tried"
                : k == 0 ? "no dead channel" : k + " dead channel" + (k == 1 ? "" : "s") + ", not " + (k + 1), mapping));
        for (int d = 1; d <= MAX_DEAD; d++) {
            b.append(String.format(Locale.ROOT, "%s %d dead %s", d == 1 ? "" : ",", d, Verdict.num(ratio(mapping, d, base, refs))));
        }
        return b.append(")").toString();
    }

    /** What 100 MW of savings takes: the MW MOSAIC saves on cluster-100k, and how many such GPUs make 100 MW. */
    private static String hundredMegawatts(Map<String, Map<String, Double>> base) {
        Map<String, Double> f = base.get("fleet-100k");
        if (f == null) {
            return null;
        }
        double mw = f.getOrDefault("savingsAgainstToday[1].powerSavedMegawatts", Double.NaN);
        double gpus = f.getOrDefault("policies[0].gpus", Double.NaN);
        if (!(Double.isFinite(mw) && Double.isFinite(gpus))) {
            return null;
        }
        return String.format(Locale.ROOT, "The 100 MW: MOSAIC beyond copper saves %.3g MW of IT power on cluster-100k (%.0f GPUs), "
                + "so 100 MW takes %s GPUs so equipped.", mw, gpus, mw > 0 ? String.format(Locale.ROOT, "%,.0f", 100 / mw * gpus)
                : "no number of");
    }
}
