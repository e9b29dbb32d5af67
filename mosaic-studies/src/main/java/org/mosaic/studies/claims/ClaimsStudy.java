package org.mosaic.studies.claims;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hipparchus.analysis.solvers.AllowedSolution;
import org.hipparchus.analysis.solvers.BracketingNthOrderBrentSolver;
import org.hipparchus.exception.MathIllegalStateException;
import org.mosaic.link.baseline.Comparison;
import org.mosaic.link.baseline.ComparisonRow;
import org.mosaic.studies.In;
import org.mosaic.studies.MetricRow;
import org.mosaic.studies.Output;
import org.mosaic.studies.Progress;
import org.mosaic.studies.Studies;
import org.mosaic.studies.Study;
import org.mosaic.studies.StudyInputs;
import org.mosaic.studies.UsageException;
import org.mosaic.studies.uncertainty.Design;
import org.mosaic.studies.uncertainty.Distribution;
import org.mosaic.studies.uncertainty.Evaluation;
import org.mosaic.studies.uncertainty.LatinHypercube;
import org.mosaic.studies.uncertainty.OneAtATime;
import org.mosaic.studies.uncertainty.Ranged;
import org.mosaic.studies.uncertainty.Ranges;
import org.mosaic.studies.uncertainty.Summary;
import org.mosaic.studies.uncertainty.Tornado;

/**
 * The claims audit: each published claim about MOSAIC (and SmartSens + UNISOC) recomputed by Mosaic's own studies on
 * the shipped documents — its point value, its P5–P95 over the plausible ranges of the inputs that matter (a Latin
 * hypercube), a verdict, the input that decides it (the largest one-at-a-time swing) and that input's break-even value
 * (solved: the value at which the claim's metric equals the claimed figure). The claimed figures and their sources are
 * the only numbers written here ({@link ClaimCatalog}); every other number comes from a study.
 */
public final class ClaimsStudy implements Study<ClaimsStudy.Input, ClaimsStudy.Result> {
    /**
     * @param samples points of each claim group's Latin hypercube
     * @param seed    the Latin hypercube's seed
     */
    public record Input(
            @In(value = "Points of each claim's Latin hypercube over its ranged inputs (the P5-P95).", unit = "1",
                    range = "2..2000", defaultValue = "8") int samples,
            @In(value = "The Latin hypercube's seed.", unit = "1", defaultValue = "0") long seed) {
    }

    /**
     * @param samples    points of each Latin hypercube
     * @param seed       its seed
     * @param claims     one entry per claim, in the order of the list
     * @param references the baseline figures the claims are held against, from the compare study (name → value)
     */
    public record Result(int samples, long seed, List<Claim> claims, Map<String, Double> references) {
    }

    /**
     * One claim audited.
     *
     * @param id            a short stable name
     * @param claim         the claim as published
     * @param source        its bibliography key and where
     * @param metric        what Mosaic computes for it
     * @param unit          the metric's unit
     * @param claimed       the claimed figure as compared (">= 50", "~20 (±25 %)", "6..12")
     * @param claimedFigure the claimed figure (the nearer end of a claimed range at the point value)
     * @param value         Mosaic's point value on the shipped documents
     * @param p5            the metric's P5 over the ranged inputs (the point value when none is ranged)
     * @param p95           its P95
     * @param verdict       the verdict's sentence
     * @param verdictKind   holds / holds only if / does not hold
     * @param decidingInput the ranged input with the largest swing of the metric (null when none is ranged)
     * @param breakEven     the deciding input's value at which the metric equals the claimed figure (null: none in range)
     * @param breakEvenNote why there is no break-even, or how it was solved
     * @param breakEvenBeyondRange for a deciding input from the technology catalog without a break-even in its range: its
     *                      value outside the range at which the metric equals the claimed figure (solved over the range
     *                      widened tenfold each way), what the catalog's technology would have to be; null otherwise
     * @param assumed       the deciding input's assumed value
     * @param range         the deciding input's plausible range (its distribution)
     * @param inputUnit     the unit of assumed, breakEven and range
     * @param study         the study that computes the metric, with its edits
     * @param inputs        the ranged inputs varied
     * @param note          what the metric rests on
     * @param tornado       the metric's one-at-a-time swings, largest first
     */
    public record Claim(String id, String claim, String source, String metric, String unit, String claimed,
                        double claimedFigure, double value, double p5, double p95, String verdict, Verdict.Kind verdictKind,
                        String decidingInput, Double breakEven, String breakEvenNote, Double breakEvenBeyondRange,
                        Double assumed, String range,
                        String inputUnit, String study, List<String> inputs, String note, List<Tornado.Bar> tornado) {
    }

    @Override
    public String name() {
        return "claims";
    }

    @Override
    public String question() {
        return "Do the published MOSAIC claims hold on Mosaic's models and documents: each claim's value and P5-P95, verdict, "
                + "deciding input and its break-even?";
    }

    @Override
    public Class<Input> inputType() {
        return Input.class;
    }

    @Override
    public Class<Result> resultType() {
        return Result.class;
    }

    @Override
    public Result run(Input in, Progress progress) {
        if (in.samples() < 2 || in.samples() > 2000) {
            throw new UsageException("samples " + in.samples() + ": expected 2 to 2000 (hint: the default 8 is enough for "
                    + "the verdicts; the P5-P95 steadies above ~64)");
        }
        Map<String, Double> refs = references();
        Map<String, Map<String, Double>> baseByGroup = new LinkedHashMap<>();
        Map<String, Claim> byId = new LinkedHashMap<>();
        for (ClaimCatalog.Group g : ClaimCatalog.groups()) {
            List<ClaimCatalog.Spec> specs = ClaimCatalog.claims().stream().filter(c -> c.group().equals(g.id())).toList();
            // a group without a claim of its own still gives its point values (the FEC claims read 2 and 3 dead channels)
            Target t = Target.of(g);
            LinkedHashSet<String> names = new LinkedHashSet<>();
            specs.forEach(c -> names.addAll(c.rows()));
            List<MetricRow> all = Evaluation.metrics(t.study(), t.base(), List.of());
            Map<String, Double> base = new LinkedHashMap<>();
            all.forEach(r -> base.put(r.name(), r.value()));
            List<MetricRow> rows = new ArrayList<>();
            for (String n : names) {
                rows.add(all.stream().filter(r -> r.name().equals(n)).findFirst().orElseThrow(() -> new IllegalStateException(
                        "claim group " + g.id() + ": " + g.study() + " has no metric " + n)));
            }
            baseByGroup.put(g.id(), base);
            List<Ranged> ranged = g.inputs().isEmpty() ? List.of() : Ranges.select(t.study(), t.base(), List.of(), g.inputs());
            Evaluation.Outputs lhs = null;
            Evaluation.Outputs oat = null;
            OneAtATime oatDesign = null;
            if (!ranged.isEmpty()) {
                List<String> keys = ranged.stream().map(Ranged::key).toList();
                List<Distribution> dists = ranged.stream().map(Ranged::distribution).toList();
                lhs = Evaluation.run(t.study(), t.base(), ranged, new LatinHypercube(keys, dists, in.samples(), in.seed()), rows,
                        progress);
                oatDesign = new OneAtATime(keys, ranged.stream().mapToDouble(Ranged::assumed).toArray(), dists);
                oat = Evaluation.run(t.study(), t.base(), ranged, oatDesign, rows, progress);
            }
            for (ClaimCatalog.Spec c : specs) {
                byId.put(c.id(), audit(c, g, t, rows, base, ranged, lhs, oatDesign, oat, refs, progress));
            }
        }
        List<Claim> claims = new ArrayList<>();
        for (ClaimCatalog.Spec c : ClaimCatalog.claims()) {
            Claim claim = byId.get(c.id());
            if (c.across() != null) {
                claim = across(claim, c, baseByGroup, refs);
            }
            String extra = c.extraNote() == null ? null : c.extraNote().apply(baseByGroup);
            claims.add(extra == null ? claim : withNote(claim, claim.note() + ". " + extra));
        }
        return new Result(in.samples(), in.seed(), List.copyOf(claims), refs);
    }

    /**
     * A claim whose value comes from several groups' point values (the FEC claims over 1, 2, 3 dead channels): nothing
     * is ranged, so its P5-P95 is its value, and the verdict's sentence says what the value means.
     */
    private static Claim across(Claim c, ClaimCatalog.Spec spec, Map<String, Map<String, Double>> base, Map<String, Double> refs) {
        double value = spec.across().apply(base, refs);
        Verdict v = Verdict.of(spec.sense(), value, value, value, null, null, "", true);
        String detail = spec.detail() == null ? null : spec.detail().apply(base, refs);
        String verdict = detail == null ? v.text() : v.text() + ": " + detail;
        String note = detail == null ? c.note() : c.note() + ". " + Character.toUpperCase(detail.charAt(0)) + detail.substring(1);
        return new Claim(c.id(), c.claim(), c.source(), c.metric(), c.unit(), c.claimed(), spec.sense().target(value), value,
                value, value, verdict, v.kind(), c.decidingInput(), c.breakEven(), c.breakEvenNote(), c.breakEvenBeyondRange(), c.assumed(), c.range(),
                c.inputUnit(), c.study().replace("deadChannels=1", "deadChannels=1.." + ClaimCatalog.MAX_DEAD), c.inputs(), note,
                c.tornado());
    }

    private static Claim withNote(Claim c, String note) {
        return new Claim(c.id(), c.claim(), c.source(), c.metric(), c.unit(), c.claimed(), c.claimedFigure(), c.value(), c.p5(),
                c.p95(), c.verdict(), c.verdictKind(), c.decidingInput(), c.breakEven(), c.breakEvenNote(), c.breakEvenBeyondRange(),
                c.assumed(), c.range(),
                c.inputUnit(), c.study(), c.inputs(), note, c.tornado());
    }

    private static Claim audit(ClaimCatalog.Spec c, ClaimCatalog.Group g, Target t, List<MetricRow> rows, Map<String, Double> base,
                               List<Ranged> ranged, Evaluation.Outputs lhs, OneAtATime oatDesign, Evaluation.Outputs oat,
                               Map<String, Double> refs, Progress progress) {
        double value = c.formula().apply(values(c, base::get), refs);
        double p5 = value;
        double p95 = value;
        List<Tornado.Bar> bars = List.of();
        int samples = 0;
        String deciding = null;
        Double breakEven = null;
        Double beyond = null;
        String breakEvenNote;
        Ranged decider = null;
        boolean increasing = true;
        if (lhs != null) {
            double[] y = along(c, lhs, refs);
            samples = y.length;
            if (Arrays.stream(y).anyMatch(Double::isFinite)) {
                Summary s = Summary.of(c.id(), y);
                p5 = s.p5().value();
                p95 = s.p95().value();
            }
            Tornado tornado = Tornado.of(c.id(), oatDesign, along(c, oat, refs));
            bars = tornado.bars();
            Tornado.Bar top = bars.get(0);
            if (top.swing() > 0) {
                deciding = top.input();
                decider = ranged.stream().filter(r -> r.key().equals(top.input())).findFirst().orElseThrow();
                double lo = Double.isFinite(top.outputLow()) ? top.outputLow() : value;
                double hi = Double.isFinite(top.outputHigh()) ? top.outputHigh() : value;
                increasing = hi >= lo;
                double target = c.sense().target(value);
                if ((lo - target) * (hi - target) > 0 || !Double.isFinite(lo - target) || !Double.isFinite(hi - target)) {
                    breakEvenNote = String.format(Locale.ROOT, "none in range: across %s %s the metric runs %s to %s, "
                                    + "never %s", decider.key(), decider.distribution(), Verdict.num(lo), Verdict.num(hi),
                            Verdict.num(target));
                    if (decider.key().startsWith(CATALOG_INPUT)) {
                        beyond = solveBeyond(c, t, rows, ranged, decider, target, refs, progress);
                        breakEvenNote += beyond == null ? "; none within ten times its range either"
                                : String.format(Locale.ROOT, "; it would take %s%s (outside its range, solved over the range "
                                + "widened tenfold each way)", Verdict.num(beyond), decider.unit().isEmpty() ? "" : " " + decider.unit());
                    }
                } else {
                    breakEven = solve(c, t, rows, ranged, decider, target, lo, hi, refs, progress);
                    breakEvenNote = breakEven == null ? "none found: the solver did not converge in its range"
                            : "solved (Brent, bracketing) over " + decider.distribution() + " " + decider.unit();
                }
            } else {
                breakEvenNote = "none: no ranged input moves the metric" + (c.unranged() == null ? "" : "; " + c.unranged());
            }
        } else {
            breakEvenNote = "none: " + c.unranged();
        }
        Verdict v = Verdict.of(c.sense(), value, p5, p95, deciding, breakEven, decider == null ? "" : decider.unit(), increasing);
        String study = g.study() + (g.set().isEmpty() ? "" : " " + String.join(" ", new java.util.TreeMap<>(g.set()).entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).toList()));
        return new Claim(c.id(), c.claim(), c.source(), c.metric(), c.unit(), c.sense().text(), c.sense().target(value), value,
                p5, p95, v.text(), v.kind(), deciding, breakEven, breakEvenNote, beyond, decider == null ? null : decider.assumed(),
                decider == null ? null : decider.distribution().toString(), decider == null ? null : decider.unit(), study,
                ranged.stream().map(Ranged::key).toList(), withOutsideNote(c.note(), value, p5, p95, samples, bars, ranged), bars);
    }

    /**
     * The claim's note, with why its point value lies outside its own P5–P95 when it does (a reader would otherwise take
     * it for a misplaced default): an input at which the metric peaks (or dips) near its assumed value, so that any draw
     * away from it moves the metric one way; and inputs whose distribution's median lies on the side of their assumed
     * value that moves the metric away from the point.
     */
    static String withOutsideNote(String note, double value, double p5, double p95, int samples, List<Tornado.Bar> bars,
                                  List<Ranged> ranged) {
        if (!(value > p95 || value < p5) || bars.isEmpty()) {
            return note;
        }
        boolean above = value > p95;
        List<String> why = new ArrayList<>();
        for (Tornado.Bar b : bars.subList(0, Math.min(3, bars.size()))) {
            if (!(b.swing() > 0) || !Double.isFinite(b.outputLow()) || !Double.isFinite(b.outputHigh())) {
                continue;
            }
            boolean bothAway = above ? b.outputLow() < value && b.outputHigh() < value : b.outputLow() > value && b.outputHigh() > value;
            Ranged r = ranged.stream().filter(x -> x.key().equals(b.input())).findFirst().orElse(null);
            if (bothAway) {
                why.add(String.format(Locale.ROOT, "the metric %s near the assumed %s (%s gives %s, %s gives %s)", above ? "peaks" : "dips",
                        b.input(), Verdict.num(b.low()), Verdict.num(b.outputLow()), Verdict.num(b.high()), Verdict.num(b.outputHigh())));
            } else if (r != null) {
                double median = r.distribution().quantile(0.5);
                boolean rises = b.outputHigh() > b.outputLow();
                // draws mostly on the side that lowers the metric (when the point is above), or raises it (below)
                boolean medianBelow = median < r.assumed();
                // a median equal to the assumed value up to rounding (a loguniform centred on it) is on neither side
                boolean centred = Math.abs(median - r.assumed()) <= 1e-9 * Math.max(Math.abs(median), Math.abs(r.assumed()));
                if (!centred && (rises == medianBelow) == above) {
                    why.add(String.format(Locale.ROOT, "%s's median %s lies %s its assumed %s, and the metric %s with it", b.input(),
                            Verdict.num(median), medianBelow ? "below" : "above", Verdict.num(r.assumed()), rises ? "rises" : "falls"));
                }
            }
        }
        String text = "the point value lies " + (above ? "above" : "below") + " its own P5-P95 (of " + samples + " samples)"
                + (why.isEmpty() ? "" : ": " + String.join("; ", why));
        return note == null || note.isEmpty() ? text : note + ". " + text;
    }

    /** The claim's metric at each point of an evaluated design. */
    private static double[] along(ClaimCatalog.Spec c, Evaluation.Outputs out, Map<String, Double> refs) {
        int n = out.y().values().iterator().next().length;
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            final int k = i;
            y[i] = c.formula().apply(values(c, name -> out.y().get(name)[k]), refs);
        }
        return y;
    }

    private static double[] values(ClaimCatalog.Spec c, java.util.function.Function<String, Double> get) {
        double[] v = new double[c.rows().size()];
        for (int i = 0; i < v.length; i++) {
            Double d = get.apply(c.rows().get(i));
            v[i] = d == null ? Double.NaN : d;
        }
        return v;
    }

    /** The deciding input's value at which the claim's metric equals {@code target} (the others at their assumed values). */
    private static Double solve(ClaimCatalog.Spec c, Target t, List<MetricRow> rows, List<Ranged> ranged, Ranged decider,
                                double target, double lo, double hi, Map<String, Double> refs, Progress progress) {
        double low = decider.distribution().low();
        double high = decider.distribution().high();
        double scale = Math.max(Math.abs(target), 1e-300);
        BracketingNthOrderBrentSolver solver = new BracketingNthOrderBrentSolver(1e-9, 1e-9 * (high - low), 2e-3 * scale, 5);
        try {
            return solver.solve(40, x -> metricAt(c, t, rows, ranged, decider.key(), x, refs, progress) - target, low, high,
                    AllowedSolution.ANY_SIDE);
        } catch (MathIllegalStateException e) {
            return null;
        }
    }

    /**
     * The deciding input's value outside its range (a positive range widened tenfold each way: low / 10 to high × 10) at
     * which the metric equals {@code target}, the others at their assumed values; null when the metric does not reach it
     * there (or the document refuses the ends).
     */
    private static Double solveBeyond(ClaimCatalog.Spec c, Target t, List<MetricRow> rows, List<Ranged> ranged, Ranged decider,
                                      double target, Map<String, Double> refs, Progress progress) {
        double low = decider.distribution().low();
        double high = decider.distribution().high();
        if (!(low > 0)) {
            return null;
        }
        double[][] sides = {{low / 10, low}, {high, high * 10}};
        for (double[] side : sides) {
            Target w = widened(t, decider, side[0] < low ? side[0] : side[1]);
            double fa = metricAt(c, w, rows, ranged, decider.key(), side[0], refs, progress) - target;
            double fb = metricAt(c, w, rows, ranged, decider.key(), side[1], refs, progress) - target;
            if (Double.isFinite(fa) && Double.isFinite(fb) && fa * fb <= 0) {
                double scale = Math.max(Math.abs(target), 1e-300);
                BracketingNthOrderBrentSolver solver = new BracketingNthOrderBrentSolver(1e-9, 1e-9 * (side[1] - side[0]),
                        2e-3 * scale, 5);
                try {
                    return solver.solve(40, x -> metricAt(c, w, rows, ranged, decider.key(), x, refs, progress) - target,
                            side[0], side[1], AllowedSolution.ANY_SIDE);
                } catch (MathIllegalStateException e) {
                    return null;
                }
            }
        }
        return null;
    }

    /**
     * The target with a catalog value's stated min (or max) moved out to {@code x} when {@code x} lies beyond it: the catalog
     * refuses a value outside its entry's own min..max, and a what-if beyond the range widens the entry's span with it.
     */
    private static Target widened(Target t, Ranged decider, double x) {
        String key = decider.key();
        if (!key.startsWith(CATALOG_INPUT) || !key.endsWith(".value") || decider.distribution().contains(x)) {
            return t;
        }
        String bound = key.substring(0, key.length() - ".value".length()) + (x < decider.distribution().low() ? ".min" : ".max");
        return new Target(t.study(), StudyInputs.assign(t.study(), t.base(), Map.of(bound, decider.value(x))));
    }

    /** The assignment-key prefix of the technology catalog's values (catalog.technologies.ID...). */
    private static final String CATALOG_INPUT = "catalog.";

    /** The claim's metric with one ranged input at {@code x} and the others at their assumed values. */
    private static double metricAt(ClaimCatalog.Spec c, Target t, List<MetricRow> rows, List<Ranged> ranged, String key, double x,
                                   Map<String, Double> refs, Progress progress) {
        double[] point = ranged.stream().mapToDouble(r -> r.key().equals(key) ? x : r.assumed()).toArray();
        Evaluation.Outputs out = Evaluation.run(t.study(), t.base(), ranged, new Points(ranged, point), rows, progress);
        return along(c, out, refs)[0];
    }

    /**
     * The claim's metric with its deciding input set to {@code x} through the same document edit as the audit (for the
     * break-even check).
     */
    public static double metric(String claimId, String input, double x) {
        ClaimCatalog.Spec c = ClaimCatalog.claims().stream().filter(s -> s.id().equals(claimId)).findFirst()
                .orElseThrow(() -> new UsageException("claim " + claimId + ": no such claim"));
        ClaimCatalog.Group g = ClaimCatalog.groups().stream().filter(s -> s.id().equals(c.group())).findFirst().orElseThrow();
        Target t = Target.of(g);
        List<MetricRow> rows = Evaluation.metrics(t.study(), t.base(), c.rows());
        List<Ranged> ranged = Ranges.select(t.study(), t.base(), List.of(), g.inputs());
        Ranged decider = ranged.stream().filter(r -> r.key().equals(input)).findFirst().orElse(null);
        return metricAt(c, decider == null ? t : widened(t, decider, x), rows, ranged, input, x, references(), Progress.quiet());
    }

    /**
     * The baselines the claims compare against, from the compare study at its defaults (800G, 30 m): the laser AOC's power
     * and FIT per end, the passive 26 AWG DAC's reach.
     */
    static Map<String, Double> references() {
        Study<?, ?> compare = Studies.byName("compare").orElseThrow();
        ObjectNode values = StudyInputs.assign(compare, Output.JSON.createObjectNode(), Map.of());
        values.putArray("cables").add("mosaic-800g");
        Comparison.Result r = (Comparison.Result) run(compare, values);
        ComparisonRow aoc = byId(r, "aoc-mmf");
        ComparisonRow dac = byId(r, "dac-26awg");
        Map<String, Double> out = new LinkedHashMap<>();
        out.put(ClaimCatalog.AOC_WATTS, aoc.powerPerEndWatts());
        out.put(ClaimCatalog.AOC_FIT, aoc.fitPerEnd());
        out.put(ClaimCatalog.DAC_REACH, dac.reachMeters());
        Study<?, ?> emulate = Studies.byName("emulate").orElseThrow();
        double berTarget = StudyInputs.document(emulate, "scenario", Output.JSON.getNodeFactory().textNode("mosaic-800g"))
                .path("link").path("berTarget").asDouble(Double.NaN);
        ObjectNode e = StudyInputs.assign(emulate, Output.JSON.createObjectNode(), Map.of("scenario", "mosaic-800g",
                "ber", Double.toString(berTarget), "codewords", "2000"));
        org.mosaic.studies.datapath.EmulateResult er = (org.mosaic.studies.datapath.EmulateResult) run(emulate, e);
        out.put(ClaimCatalog.KP4_DESIGN, er.emulation().analytic().mappingAwareCodewordFailure());
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Object run(Study<?, ?> s, ObjectNode values) {
        Study<Record, Object> study = (Study<Record, Object>) s;
        return study.run(StudyInputs.bind(study, values));
    }

    private static ComparisonRow byId(Comparison.Result r, String id) {
        return r.rows().stream().filter(x -> id.equals(x.id())).findFirst()
                .orElseThrow(() -> new IllegalStateException("the baseline catalog has no " + id));
    }

    /** A study with its base values (the group's edits applied). */
    record Target(Study<Record, Object> study, ObjectNode base) {
        @SuppressWarnings("unchecked")
        static Target of(ClaimCatalog.Group g) {
            Study<Record, Object> s = (Study<Record, Object>) Studies.byName(g.study()).orElseThrow();
            ObjectNode base = Output.JSON.createObjectNode();
            for (String list : g.emptyLists()) {
                base.putArray(list);
            }
            return new Target(s, StudyInputs.assign(s, base, g.set()));
        }
    }

    /** One given point (the break-even's evaluations). */
    private record Points(List<Ranged> ranged, double[] point) implements Design {
        @Override
        public List<String> names() {
            return ranged.stream().map(Ranged::key).toList();
        }

        @Override
        public long size() {
            return 1;
        }

        @Override
        public double[] point(long index) {
            return point.clone();
        }
    }
}
