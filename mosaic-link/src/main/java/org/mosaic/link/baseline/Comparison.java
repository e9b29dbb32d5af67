package org.mosaic.link.baseline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Every technology side by side at one host generation and one cable length, and the ratios MOSAIC claims
 * computed from the rows.
 *
 * <p>Per row: {@code reaches = reach ≥ length}; energy per bit per end = W / payload Gb/s × 1000 with the
 * PAYLOAD rate (800, 1600, 3200 Gb/s; [nvidia-linkx-100g] (payload-rate pJ/bit convention)); AFR = 1 − exp(−FIT × 8760 h / 10⁹)
 * ((standard constant-hazard FIT/AFR definitions)). Rows are ordered by {@link TechnologyKind} (declaration order), then power per end
 * (rows not offered, having none, last), then name — never by hash order.
 *
 * <p>Claims, for every row from our own models ({@link ModelRow}) — MOSAIC's headline claims are
 * "up to 68 % lower power" than an AOC, "10× the reach of copper" and "100× the reliability of today's
 * optical links" ([mosaic-sigcomm25] abstract, [mosaic-claim-ledger], [mosaic-sigcomm25] abstract, [mosaic-claim-ledger]):
 * <ul>
 *   <li>power saving = 1 − P / P_ref against the AOC, and against the lowest-power DSP pluggable that
 *       reaches the length (ties: catalog order);</li>
 *   <li>reach × = reach / reach_ref against the longest-reaching passive copper (the most favourable
 *       copper, so the ratio is conservative);</li>
 *   <li>reliability × = FIT_ref / FIT against the AOC and the same DSP pluggable.</li>
 * </ul>
 * A reference that is not offered at the generation (e.g. no multimode AOC at 1.6T) gives no ratio; the
 * reason is listed instead. Caveat: baseline powers exclude host SerDes power (as [nvidia-linkx-100g] states),
 * while a MOSAIC row counts its host interface (2.4 W pluggable, 0.2 W CPO, [mosaic-claim-ledger]), which
 * makes the computed saving conservative for MOSAIC.
 */
public final class Comparison {
    /** Hours in a (non-leap) year, as in the AFR definition of (standard constant-hazard FIT/AFR definitions). */
    public static final double HOURS_PER_YEAR = org.mosaic.core.units.Quantities.HOURS_PER_YEAR;
    private static final double FIT_HOURS = 1e9;

    private Comparison() {
    }

    /** The claims MOSAIC makes, with what it claims and where ([mosaic-sigcomm25]). */
    public enum Claim {
        POWER_SAVING_VS_AOC("power saving vs AOC", "up to 68 % ([mosaic-sigcomm25] abstract, [mosaic-claim-ledger])"),
        POWER_SAVING_VS_DSP_PLUGGABLE("power saving vs DSP pluggable", "none published"),
        REACH_VS_PASSIVE_COPPER("reach × vs passive copper", "10× copper, up to 50 m ([mosaic-sigcomm25] abstract, [mosaic-sigcomm25] abstract)"),
        RELIABILITY_VS_AOC("reliability × vs AOC", "100× today's optical links ([mosaic-sigcomm25] abstract, [mosaic-sigcomm25] abstract, [mosaic-claim-ledger])"),
        RELIABILITY_VS_DSP_PLUGGABLE("reliability × vs DSP pluggable", "100× today's optical links ([mosaic-sigcomm25] abstract, [mosaic-sigcomm25] abstract, [mosaic-claim-ledger])");

        private final String label;
        private final String claimed;

        Claim(String label, String claimed) {
            this.label = label;
            this.claimed = claimed;
        }

        public String label() {
            return label;
        }

        /** What MOSAIC's publications claim, with the reference section. */
        public String claimed() {
            return claimed;
        }
    }

    /**
     * One computed ratio and the rows it came from.
     *
     * @param claim            which claim
     * @param subject          technology of the row the ratio is for (one of our model's rows)
     * @param reference        technology of the row it is compared against
     * @param subjectValue     the subject's figure (W, m or FIT)
     * @param referenceValue   the reference's figure (same unit)
     * @param value            the ratio: a fraction for power savings (0.684 = 68.4 %), a factor otherwise; null when it
     *                         does not apply (see notApplicable)
     * @param subjectReaches   whether the subject reaches the comparison's length
     * @param referenceReaches whether the reference reaches the comparison's length
     * @param arithmetic       the computation written out, e.g. "1 − 3.1 W / 9.8 W = 68.4 %", or "n/a — …" with the reason
     * @param notApplicable    null, or why the ratio is not a claim: a power or reliability ratio of a cable that does not
     *                         reach the length (or against a reference that does not) compares links that cannot do the job,
     *                         and a reach ratio of a channel that misses its BER target at every length has no reach
     */
    public record Ratio(Claim claim, String subject, String reference, double subjectValue, double referenceValue, Double value,
                        boolean subjectReaches, boolean referenceReaches, String arithmetic, String notApplicable) {
        /** The ratio, or its n/a form with the reason (no figure: a number here would read as a claim). */
        static Ratio of(Claim claim, String subject, String reference, double subjectValue, double referenceValue, double value,
                        boolean subjectReaches, boolean referenceReaches, String arithmetic, String notApplicable) {
            return notApplicable == null
                    ? new Ratio(claim, subject, reference, subjectValue, referenceValue, value, subjectReaches, referenceReaches, arithmetic, null)
                    : new Ratio(claim, subject, reference, subjectValue, referenceValue, null, subjectReaches, referenceReaches,
                    "n/a — " + notApplicable, notApplicable);
        }
    }

    /** The ratios for one of our model's rows, and the claims that could not be computed, with the reason. */
    public record ClaimSet(String subject, List<Ratio> ratios, List<String> notComputed) {
        public ClaimSet {
            ratios = List.copyOf(ratios);
            notComputed = List.copyOf(notComputed);
        }

        public Optional<Ratio> ratio(Claim claim) {
            return ratios.stream().filter(r -> r.claim() == claim).findFirst();
        }
    }

    /**
     * The comparison at one generation and length.
     *
     * @param generation           generation name, e.g. 800G
     * @param hostLanes            its lane structure, e.g. "800G: 8 × 106.25 Gb/s PAM4 (...)"
     * @param payloadBitsPerSecond the pJ/bit denominator
     * @param lengthMeters         the cable length asked for
     * @param rows                 every technology, ordered (see {@link Comparison})
     * @param claims               one claim set per row from our own models, in the order they were given
     */
    public record Result(String generation, String hostLanes, double payloadBitsPerSecond, double lengthMeters,
                         List<ComparisonRow> rows, List<ClaimSet> claims) {
        public Result {
            rows = List.copyOf(rows);
            claims = List.copyOf(claims);
        }

        /** The row of this technology name. */
        public ComparisonRow row(String technology) {
            return rows.stream().filter(r -> r.technology().equals(technology)).findFirst().orElseThrow(
                    () -> new IllegalArgumentException("no row \"" + technology + "\": expected one of "
                            + rows.stream().map(ComparisonRow::technology).toList()));
        }
    }

    // ---------------------------------------------------------------- arithmetic

    /** Energy per payload bit (pJ/bit) of one end: W / (payload Gb/s) × 1000. */
    public static double perBitPicojoules(double powerWatts, double payloadBitsPerSecond) {
        if (!(payloadBitsPerSecond > 0)) {
            throw new IllegalArgumentException("payload " + payloadBitsPerSecond + " b/s — expected a positive rate");
        }
        return powerWatts / payloadBitsPerSecond * 1e12;
    }

    /** Annualised failure rate from FIT (failures per 10⁹ h) with a constant hazard: 1 − exp(−FIT × 8760 / 10⁹). */
    public static double afr(double fit) {
        if (!(fit >= 0 && Double.isFinite(fit))) {
            throw new IllegalArgumentException("FIT " + fit + " — expected a finite rate >= 0 failures per 1e9 h");
        }
        return -Math.expm1(-fit * HOURS_PER_YEAR / FIT_HOURS);
    }

    /** Fractional power saving of {@code subjectWatts} against {@code referenceWatts}: 1 − subject / reference. */
    public static double powerSaving(double subjectWatts, double referenceWatts) {
        if (!(referenceWatts > 0)) {
            throw new IllegalArgumentException("reference power " + referenceWatts + " W — expected > 0 W");
        }
        return 1 - subjectWatts / referenceWatts;
    }

    // ---------------------------------------------------------------- the comparison

    /** {@link #run(BaselineCatalog, HostGeneration, double, List)} with the shipped catalog and a generation by name. */
    public static Result run(String generation, double lengthMeters, List<ModelRow> ourRows) {
        BaselineCatalog catalog = BaselineCatalog.standard();
        return run(catalog, catalog.generation(generation), lengthMeters, ourRows);
    }

    /**
     * Compares every catalog technology at {@code g} and the rows from our models at one cable length.
     *
     * @param lengthMeters the cable length (m), positive and finite
     * @param ourRows      rows evaluated with our own models at this generation; distinct technology names
     */
    public static Result run(BaselineCatalog catalog, HostGeneration g, double lengthMeters, List<ModelRow> ourRows) {
        if (!(lengthMeters > 0 && Double.isFinite(lengthMeters))) {
            throw new IllegalArgumentException("cable length " + lengthMeters + " m — expected a positive finite length, e.g. 30 m");
        }
        Set<String> names = new HashSet<>();
        List<ComparisonRow> rows = new ArrayList<>();
        for (Baseline b : catalog.at(g)) {
            rows.add(row(b, g, lengthMeters));
            names.add(b.name());
        }
        List<ComparisonRow> ours = new ArrayList<>();
        for (ModelRow m : ourRows) {
            if (!names.add(m.technology())) {
                throw new IllegalArgumentException("technology \"" + m.technology() + "\" appears twice in the comparison"
                        + " — expected distinct names (hint: name the host variant, e.g. \"MOSAIC 800G (CPO host)\")");
            }
            ComparisonRow r = row(m, g, lengthMeters);
            ours.add(r);
            rows.add(r);
        }
        List<ComparisonRow> catalogRows = rows.subList(0, rows.size() - ours.size());
        List<ClaimSet> claims = new ArrayList<>();
        for (ComparisonRow subject : ours) {
            claims.add(claims(subject, catalogRows, g, lengthMeters));
        }
        List<ComparisonRow> ordered = new ArrayList<>(rows);
        ordered.sort(ORDER);
        return new Result(g.name(), g.describe(), g.payloadBitsPerSecond(), lengthMeters, ordered, claims);
    }

    private static final Comparator<ComparisonRow> ORDER = Comparator
            .comparing(ComparisonRow::kind)
            // a row not offered has no power, so it sorts after the available rows of its kind
            .thenComparing(r -> r.powerPerEndWatts() == null ? Double.POSITIVE_INFINITY : r.powerPerEndWatts())
            .thenComparing(ComparisonRow::technology);

    private static ComparisonRow row(Baseline b, HostGeneration g, double lengthMeters) {
        if (!b.availability().available()) {
            return new ComparisonRow(b.name(), b.id(), b.kind(), b.availability(), false, false, null, null, null, null, null,
                    null, null, null, null, "not offered at " + g.name() + ": " + b.availabilitySource(), b.note());
        }
        double power = b.power().value();
        double fit = b.fit().value();
        String source = "reach: " + b.reach().source() + " | power: " + b.power().source() + " | FIT: " + b.fit().source()
                + (b.availability() == Availability.OFFERED ? "" : " | " + b.availability().id() + ": " + b.availabilitySource());
        String note = join(b.note(), b.reach().note());
        return new ComparisonRow(b.name(), b.id(), b.kind(), b.availability(), false, b.reach().value() >= lengthMeters,
                b.reach().value(), power, b.power().min(), b.power().max(), perBitPicojoules(power, g.payloadBitsPerSecond()),
                fit, afr(fit), b.cost() == null ? null : b.cost().value(), b.confidence(), source, note);
    }

    private static ComparisonRow row(ModelRow m, HostGeneration g, double lengthMeters) {
        return new ComparisonRow(m.technology(), "model:" + slug(m.technology()), m.kind(), Availability.OFFERED, true,
                m.reachMeters() >= lengthMeters, m.reachMeters(), m.powerPerEndWatts(), null, null,
                perBitPicojoules(m.powerPerEndWatts(), g.payloadBitsPerSecond()), m.fitPerEnd(), afr(m.fitPerEnd()),
                m.costPerEndUsd(), m.confidence(), m.source(), m.note());
    }

    private static ClaimSet claims(ComparisonRow s, List<ComparisonRow> catalogRows, HostGeneration g, double lengthMeters) {
        List<Ratio> ratios = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        Optional<ComparisonRow> aoc = lowestPower(catalogRows, r -> r.kind() == TechnologyKind.ACTIVE_OPTICAL_CABLE);
        Optional<ComparisonRow> dsp = lowestPower(catalogRows, r -> r.kind() == TechnologyKind.DSP_PLUGGABLE && r.reaches());
        Optional<ComparisonRow> copper = catalogRows.stream()
                .filter(r -> r.kind() == TechnologyKind.PASSIVE_COPPER && r.available())
                .max(Comparator.comparingDouble(ComparisonRow::reachMeters));
        String noAoc = "no AOC is offered at " + g.name() + " (" + notOffered(catalogRows, TechnologyKind.ACTIVE_OPTICAL_CABLE) + ")";
        String noDsp = "no DSP pluggable offered at " + g.name() + " reaches " + fmt(lengthMeters) + " m";
        if (aoc.isPresent()) {
            ratios.add(saving(Claim.POWER_SAVING_VS_AOC, s, aoc.get(), lengthMeters));
        } else {
            missing.add(Claim.POWER_SAVING_VS_AOC.label() + ": " + noAoc);
        }
        if (dsp.isPresent()) {
            ratios.add(saving(Claim.POWER_SAVING_VS_DSP_PLUGGABLE, s, dsp.get(), lengthMeters));
        } else {
            missing.add(Claim.POWER_SAVING_VS_DSP_PLUGGABLE.label() + ": " + noDsp);
        }
        if (copper.isPresent()) {
            ComparisonRow c = copper.get();
            double v = s.reachMeters() / c.reachMeters();
            ratios.add(Ratio.of(Claim.REACH_VS_PASSIVE_COPPER, s.technology(), c.technology(), s.reachMeters(), c.reachMeters(), v,
                    s.reaches(), c.reaches(), String.format(Locale.ROOT, "%s m / %s m = %s×", fmt(s.reachMeters()), fmt(c.reachMeters()), fmt(v)),
                    s.reachMeters() <= org.mosaic.optics.ChannelAnalysis.MIN_LENGTH * 1.0001
                            ? "misses its BER target at every length (no reach)" : null));
        } else {
            missing.add(Claim.REACH_VS_PASSIVE_COPPER.label() + ": no passive copper at " + g.name());
        }
        if (aoc.isPresent()) {
            ratios.add(reliability(Claim.RELIABILITY_VS_AOC, s, aoc.get(), lengthMeters));
        } else {
            missing.add(Claim.RELIABILITY_VS_AOC.label() + ": " + noAoc);
        }
        if (dsp.isPresent()) {
            ratios.add(reliability(Claim.RELIABILITY_VS_DSP_PLUGGABLE, s, dsp.get(), lengthMeters));
        } else {
            missing.add(Claim.RELIABILITY_VS_DSP_PLUGGABLE.label() + ": " + noDsp);
        }
        return new ClaimSet(s.technology(), ratios, missing);
    }

    private static Ratio saving(Claim claim, ComparisonRow s, ComparisonRow ref, double lengthMeters) {
        double v = powerSaving(s.powerPerEndWatts(), ref.powerPerEndWatts());
        return Ratio.of(claim, s.technology(), ref.technology(), s.powerPerEndWatts(), ref.powerPerEndWatts(), v, s.reaches(),
                ref.reaches(), String.format(Locale.ROOT, "1 − %s W / %s W = %.1f %%", fmt(s.powerPerEndWatts()),
                fmt(ref.powerPerEndWatts()), 100 * v), reachReason(s, ref, lengthMeters));
    }

    private static Ratio reliability(Claim claim, ComparisonRow s, ComparisonRow ref, double lengthMeters) {
        double v = ref.fitPerEnd() / s.fitPerEnd();
        return Ratio.of(claim, s.technology(), ref.technology(), s.fitPerEnd(), ref.fitPerEnd(), v, s.reaches(), ref.reaches(),
                String.format(Locale.ROOT, "%s FIT / %s FIT = %s×", fmt(ref.fitPerEnd()), fmt(s.fitPerEnd()), fmt(v)),
                reachReason(s, ref, lengthMeters));
    }

    /** Why a power or reliability ratio is not a claim at this length, or null. */
    private static String reachReason(ComparisonRow s, ComparisonRow ref, double lengthMeters) {
        if (!s.reaches()) {
            return "does not reach " + fmt(lengthMeters) + " m (" + (s.reachMeters() <= org.mosaic.optics.ChannelAnalysis.MIN_LENGTH * 1.0001
                    ? "misses its BER target at every length" : "reach " + fmt(s.reachMeters()) + " m") + ")";
        }
        if (!ref.reaches()) {
            return "the reference " + ref.technology() + " does not reach " + fmt(lengthMeters) + " m";
        }
        return null;
    }

    private static Optional<ComparisonRow> lowestPower(List<ComparisonRow> rows, Predicate<ComparisonRow> which) {
        // catalog order breaks ties: min() keeps the first of equal elements
        return rows.stream().filter(ComparisonRow::available).filter(which)
                .min(Comparator.comparingDouble(ComparisonRow::powerPerEndWatts));
    }

    private static String notOffered(List<ComparisonRow> rows, TechnologyKind kind) {
        return rows.stream().filter(r -> r.kind() == kind && !r.available()).map(ComparisonRow::source).findFirst()
                .orElse("none in the catalog");
    }

    static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e6) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        String s = String.format(Locale.ROOT, "%.3g", v);
        return s.contains("e") || !s.contains(".") ? s : s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    private static String join(String a, String b) {
        return a.isEmpty() ? b : b.isEmpty() ? a : a + "; " + b;
    }

    private static String slug(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }
}
