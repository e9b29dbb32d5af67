package org.mosaic.report;

import org.mosaic.studies.Finding;
import org.mosaic.studies.Finding.Verdict;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.jfree.chart.JFreeChart;
import org.mosaic.studies.ChannelFacts;
import org.mosaic.studies.Output;
import org.mosaic.studies.Parallel;
import org.mosaic.studies.Progress;
import org.mosaic.core.catalog.Catalog;
import org.mosaic.core.catalog.Confidence;
import org.mosaic.core.catalog.Provenance;
import org.mosaic.core.scenario.ScenarioDocument;
import org.mosaic.core.units.Dimension;
import org.mosaic.optics.ChannelAnalysis;
import org.mosaic.optics.ChannelResult;
import org.mosaic.optics.ChannelSpec;
import org.mosaic.optics.ChannelSpecs;
import org.mosaic.optics.MonteCarlo;

/**
 * The channel section: for each scenario (the measured prototype, the 800G design) the budget, BER over
 * the array, statistical eye, bathtub, BER against length at 1.6 / 2 / 2.5 Gb/s with the reach, a
 * time-domain Monte Carlo cross-check, and every parameter with its source.
 */
public final class ChannelSection implements Section {
    /** Rates of the BER-against-length curves, b/s. */
    public static final double[] RATES = {1.6e9, 2e9, 2.5e9};
    /** Lengths of the BER-against-length curves: 5 m to 80 m in 101 points. */
    public static final double MIN_LENGTH = 5;
    public static final double MAX_LENGTH = 80;
    public static final int LENGTH_POINTS = 101;
    /** Bits of the Monte Carlo cross-check, and the nominal BER it aims for. */
    public static final long MC_BITS = 200_000;
    public static final double MC_TARGET_BER = 1e-4;
    /** Signal levels of the eye diagram (over ±0.9 of OMA). */
    public static final int EYE_LEVELS = 181;

    /** A scenario to evaluate: a display name and its document (with any overrides applied). */
    public record Input(String name, ScenarioDocument doc) {
    }

    /** The Monte Carlo cross-check of one scenario; {@code result} is null with a {@code note} when not run. */
    public record CrossCheck(double lengthMeters, MonteCarlo.Result result, String note) {
        public boolean agrees() {
            return result != null && result.statisticalEyeBer() >= result.lower95() && result.statisticalEyeBer() <= result.upper95();
        }
    }

    /** Everything computed for one scenario. */
    public record Evaluated(Input input, String description, ChannelSpec spec, ChannelResult result,
                            ChannelAnalysis.Bathtub bathtub, ChannelAnalysis.EyeDiagram eye, double[] lengths,
                            double[][] berByRateAndLength, double[] reachByRate, CrossCheck crossCheck,
                            List<Provenance> provenance, List<String> unsourced) {
    }

    private final List<Evaluated> evaluated;

    private ChannelSection(List<Evaluated> evaluated) {
        this.evaluated = List.copyOf(evaluated);
    }

    public List<Evaluated> evaluated() {
        return evaluated;
    }

    /** The default scenarios: every shipped preset, in display order. */
    public static List<Input> presets() {
        List<Input> in = new ArrayList<>();
        for (String p : ScenarioDocument.presetNames()) {
            in.add(new Input(p, ScenarioDocument.preset(p)));
        }
        return in;
    }

    /** Evaluates every input (in parallel, deterministic). Bad scenarios fail here, before anything is written. */
    public static ChannelSection compute(List<Input> inputs, Progress progress) {
        List<ChannelSpec> specs = new ArrayList<>();
        for (Input i : inputs) {
            specs.add(ChannelSpecs.bind(i.doc()));
        }
        double[] lengths = new double[LENGTH_POINTS];
        for (int k = 0; k < LENGTH_POINTS; k++) {
            lengths[k] = MIN_LENGTH + (MAX_LENGTH - MIN_LENGTH) * k / (LENGTH_POINTS - 1);
        }
        // one flat list of independent tasks, the slow ones (analysis, Monte Carlo) first so that the
        // cores stay busy to the end; results come back by index
        int n = inputs.size();
        List<Supplier<Object>> tasks = new ArrayList<>();
        for (ChannelSpec s : specs) {
            tasks.add(() -> crossCheck(s));
            tasks.add(() -> ChannelAnalysis.analyse(s));
        }
        int perInput = 2 + RATES.length + RATES.length * LENGTH_POINTS;
        for (ChannelSpec s : specs) {
            tasks.add(() -> ChannelAnalysis.bathtub(s));
            tasks.add(() -> ChannelAnalysis.eyeDiagram(s, EYE_LEVELS));
            for (double rate : RATES) {
                tasks.add(() -> ChannelAnalysis.reach(s.withRate(rate)));
            }
            for (double rate : RATES) {
                ChannelSpec atRate = s.withRate(rate);
                for (double len : lengths) {
                    tasks.add(() -> ChannelAnalysis.nominalBer(atRate.withLength(len)));
                }
            }
        }
        progress.task("channel: " + n + " scenarios, " + tasks.size() + " evaluations", tasks.size());
        List<Object> out = Parallel.map(tasks.size(), i -> tasks.get(i).get(), progress);
        List<Evaluated> ev = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            int base = 2 * n + k * perInput;
            double[] reach = new double[RATES.length];
            double[][] ber = new double[RATES.length][LENGTH_POINTS];
            for (int r = 0; r < RATES.length; r++) {
                reach[r] = (Double) out.get(base + 2 + r);
                for (int i = 0; i < LENGTH_POINTS; i++) {
                    ber[r][i] = (Double) out.get(base + 2 + RATES.length + r * LENGTH_POINTS + i);
                }
            }
            Input in = inputs.get(k);
            ev.add(new Evaluated(in, in.doc().tree().path("description").asText(""), specs.get(k),
                    (ChannelResult) out.get(2 * k + 1), (ChannelAnalysis.Bathtub) out.get(base),
                    (ChannelAnalysis.EyeDiagram) out.get(base + 1), lengths, ber, reach, (CrossCheck) out.get(2 * k),
                    channelOnly(Catalog.of(in.doc())), Catalog.unsourced(in.doc())));
        }
        return new ChannelSection(ev);
    }

    /** The provenance of the channel's own parameters (the cable section lists the cable's). */
    private static List<Provenance> channelOnly(List<Provenance> all) {
        List<Provenance> out = new ArrayList<>();
        for (Provenance p : all) {
            if (org.mosaic.link.LinkSpecs.SECTIONS.stream().noneMatch(s -> p.path().startsWith(s + "."))) {
                out.add(p);
            }
        }
        return out;
    }

    /**
     * Monte Carlo at the scenario's own length if its nominal BER is countable with {@link #MC_BITS} bits,
     * otherwise at the length where the nominal BER is {@link #MC_TARGET_BER} (bisection in log BER).
     */
    static CrossCheck crossCheck(ChannelSpec spec) {
        double own = ChannelAnalysis.nominalBer(spec);
        double length = spec.fiber().lengthMeters();
        if (!(own >= MC_TARGET_BER / 3 && own <= 1e-2)) {
            double lo = ChannelAnalysis.MIN_LENGTH;
            double hi = ChannelAnalysis.MAX_LENGTH;
            if (ChannelAnalysis.nominalBer(spec.withLength(hi)) < MC_TARGET_BER) {
                return new CrossCheck(Double.NaN, null, "not run: the BER stays below " + Output.ber(MC_TARGET_BER)
                        + " up to " + Output.meters(hi) + ", too low to count errors");
            }
            if (ChannelAnalysis.nominalBer(spec.withLength(lo)) > MC_TARGET_BER) {
                return new CrossCheck(Double.NaN, null, "not run: the BER is above " + Output.ber(MC_TARGET_BER) + " at any length");
            }
            for (int i = 0; i < 40 && hi - lo > 0.01; i++) {
                double mid = Math.sqrt(lo * hi);
                if (ChannelAnalysis.nominalBer(spec.withLength(mid)) > MC_TARGET_BER) {
                    hi = mid;
                } else {
                    lo = mid;
                }
            }
            length = 0.5 * (lo + hi);
        }
        MonteCarlo.Result r = MonteCarlo.run(spec.withLength(length), MC_BITS);
        String note = length == spec.fiber().lengthMeters() ? "at the scenario's length"
                : "at a length where the nominal BER is about " + Output.ber(MC_TARGET_BER)
                        + " (at the scenario's length it is " + Output.ber(own) + ", too low to count errors in "
                        + String.format(Locale.ROOT, "%,d", MC_BITS) + " bits)";
        return new CrossCheck(length, r, note);
    }

    @Override
    public String id() {
        return "channel";
    }

    @Override
    public String title() {
        return "Channel: one microLED link through the imaging fibre";
    }

    /**
     * A published measurement a preset is judged against: median BER over the array below {@code medianBerBelow}
     * at {@code lengthMeters} and {@code rateBitsPerSecond}.
     */
    public record Published(String preset, double medianBerBelow, double lengthMeters, double rateBitsPerSecond, String source) {
    }

    /** The measurements the presets reproduce. */
    public static final List<Published> PUBLISHED = List.of(new Published("mosaic-prototype", 2e-8, 20, 2e9,
            "MOSAIC prototype, Microsoft Research, ACM SIGCOMM 2025: median BER < 2e-8 at 2 Gb/s over 20 m (25 active channels)"));

    @Override
    public List<Finding> findings() {
        List<Finding> out = new ArrayList<>();
        for (Evaluated e : evaluated) {
            ChannelResult r = e.result();
            String name = e.input().name();
            String anchor = anchor(name);
            String length = Output.si(r.fiberLengthMeters(), Dimension.LENGTH);
            for (Published p : PUBLISHED) {
                if (p.preset().equals(name) && Math.abs(r.fiberLengthMeters() - p.lengthMeters()) < 1e-9
                        && Math.abs(r.channelRateBitsPerSecond() - p.rateBitsPerSecond()) < 1) {
                    boolean ok = r.ber().median() < p.medianBerBelow();
                    out.add(new Finding(Verdict.of(ok), name + ": modelled median BER " + Output.ber(r.ber().median()) + " at "
                            + length + (ok ? " reproduces" : " misses") + " the published median < " + Output.ber(p.medianBerBelow())
                            + " (" + p.source() + ")", anchor));
                }
            }
            boolean closes = r.ber().median() <= r.berTarget() && r.marginDb() >= 0;
            out.add(new Finding(Verdict.of(closes), name + (closes ? " closes" : " does not close") + " at its " + length + ": median BER "
                    + Output.ber(r.ber().median()) + " against the target " + Output.ber(r.berTarget()) + ", margin "
                    + Output.db(r.marginDb()) + ", reach " + ChannelFacts.reach(r), anchor));
        }
        return out;
    }

    @Override
    public List<String> seeds() {
        List<String> out = new ArrayList<>();
        for (Evaluated e : evaluated) {
            out.add("channel " + e.input().name() + ": " + e.result().seed());
        }
        return out;
    }

    /** The anchor of a scenario's part of the section. */
    static String anchor(String scenario) {
        return "ch-" + scenario.replaceAll("[^A-Za-z0-9]+", "-");
    }

    // ---- HTML ----

    @Override
    public String html() {
        StringBuilder sb = new StringBuilder();
        sb.append("<p>Each microLED channel is modelled from the emitter to the decision: microLED modulation response, "
                + "Lambertian coupling through the micro-optics into the multicore imaging fibre, attenuation, chromatic "
                + "dispersion from the fused-silica Sellmeier equation, modal dispersion, crosstalk from neighbouring channels, "
                + "photodiode, TIA noise and a CTLE whose peaking is chosen to open the eye. The BER comes from the "
                + "statistical eye (the exact ISI distribution from the pulse-response cursors, convolved with crosstalk and "
                + "Gaussian noise). Array statistics include the emitter-to-emitter spread of power and bandwidth.</p>\n");
        sb.append("<h3>Summary</h3>\n").append(summaryTable());
        for (Evaluated e : evaluated) {
            sb.append(presetHtml(e));
        }
        return sb.toString();
    }

    private String summaryTable() {
        List<String> h = List.of("scenario", ">rate", ">length", ">channels", ">median BER", ">mean BER", ">worst BER",
                ">Q (nominal)", ">margin", ">reach at target", ">CTLE peaking", ">max rate at length");
        List<List<String>> rows = new ArrayList<>();
        List<String> cls = new ArrayList<>();
        for (Evaluated e : evaluated) {
            ChannelResult r = e.result();
            rows.add(List.of(e.input().name(), Output.si(r.channelRateBitsPerSecond(), Dimension.DATA_RATE),
                    Output.si(r.fiberLengthMeters(), Dimension.LENGTH), Integer.toString(r.channels()),
                    Output.ber(r.ber().median()), Output.ber(r.ber().mean()), Output.ber(r.ber().worst()),
                    Output.number(r.qFactor(), 3), Output.db(r.marginDb()), ChannelFacts.reach(r), Output.db(r.ctlePeakingDb()),
                    Output.si(r.maxRateBitsPerSecond(), Dimension.DATA_RATE)));
            cls.add(r.marginDb() >= 0 ? "good" : "bad");
        }
        return Html.table(h, rows, cls) + "<p class=\"note\">BER target " + Output.ber(evaluated.isEmpty() ? Double.NaN
                : evaluated.get(0).result().berTarget()) + " (the KP4 RS(544,514) pre-FEC threshold). Margin and Q are "
                + "those of the nominal channel (centre of the array, typical emitter); median, mean and worst are over every "
                + "channel of the array. A red row misses the target at its length.</p>\n";
    }

    private String presetHtml(Evaluated e) {
        ChannelResult r = e.result();
        String name = e.input().name();
        String id = anchor(name);
        StringBuilder sb = new StringBuilder();
        sb.append("<h3 id=\"").append(Html.esc(id)).append("\">").append(Html.esc(name)).append("</h3>\n");
        if (!e.description().isBlank()) {
            sb.append("<p>").append(Html.esc(e.description())).append("</p>\n");
        }
        sb.append("<p>Scenario source: <code>").append(Html.esc(e.input().doc().source())).append("</code>; seed ")
                .append(r.seed()).append(".</p>\n");
        if (r.marginDb() < 0 || r.ber().median() > r.berTarget()) {
            sb.append("<p class=\"warn\">At ").append(Html.esc(Output.si(r.fiberLengthMeters(), Dimension.LENGTH)))
                    .append(" this design misses the BER target: median BER ").append(Output.ber(r.ber().median()))
                    .append(", margin ").append(Html.esc(Output.db(r.marginDb()))).append(", reach ")
                    .append(Html.esc(ChannelFacts.reach(r))).append(".</p>\n");
        }

        Map<String, Figure> figs = new LinkedHashMap<>();
        for (Figure f : figures(e)) {
            figs.put(f.key(), f);
        }
        sb.append("<h4>Link budget</h4>\n");
        sb.append(figs.get("budget").html(id));
        sb.append(Html.table(List.of("item", ">value"), ChannelFacts.budget(r), null));

        sb.append("<h4>Key results</h4>\n");
        List<List<String>> facts = new ArrayList<>();
        for (ChannelFacts.Fact f : ChannelFacts.of(r)) {
            facts.add(List.of(f.label(), f.value()));
        }
        sb.append(Html.table(List.of("quantity", ">value"), facts, null));

        sb.append("<h4>Statistical eye and bathtub</h4>\n<div class=\"grid2\">\n");
        sb.append(figs.get("eye").html(id));
        sb.append(figs.get("bathtub").html(id));
        sb.append("</div>\n");

        sb.append("<h4>BER against length</h4>\n");
        List<List<String>> reachRows = new ArrayList<>();
        for (int k = 0; k < RATES.length; k++) {
            double reach = e.reachByRate()[k];
            reachRows.add(List.of(Output.si(RATES[k], Dimension.DATA_RATE),
                    ChannelFacts.reach(reach, reach >= ChannelAnalysis.MAX_LENGTH)));
        }
        sb.append(figs.get("length").html(id));
        sb.append(Html.table(List.of("channel rate", ">reach at BER target " + Output.ber(r.berTarget())), reachRows, null));

        sb.append("<h4>BER over the array</h4>\n");
        sb.append(figs.get("array").html(id));

        sb.append("<h4>Monte Carlo cross-check</h4>\n");
        CrossCheck cc = e.crossCheck();
        if (cc.result() == null) {
            sb.append("<p>").append(Html.esc(cc.note())).append("</p>\n");
        } else {
            MonteCarlo.Result m = cc.result();
            sb.append(Html.table(List.of(">length", ">bits", ">errors", ">Monte Carlo BER", ">95 % interval",
                    ">statistical-eye BER", "agree?"), List.of(List.of(Output.meters(cc.lengthMeters()),
                    String.format(Locale.ROOT, "%,d", m.bits()), Long.toString(m.errors()), Output.ber(m.ber()),
                    "[" + Output.ber(m.lower95()) + ", " + Output.ber(m.upper95()) + "]", Output.ber(m.statisticalEyeBer()),
                    cc.agrees() ? "yes: inside the interval" : "no: outside the interval")),
                    List.of(cc.agrees() ? "good" : "bad")));
            sb.append("<p class=\"note\">A time-domain simulation (PRBS31 through the same filters, with noise and random "
                    + "neighbour bits; seed ").append(m.seed()).append(") of the nominal channel ")
                    .append(Html.esc(cc.note())).append(".</p>\n");
        }

        sb.append("<h4>Parameters and their sources</h4>\n");
        sb.append("<p class=\"legend\">Highlighted: <span class=\"assumed\">assumed</span> (a plausible guess; no source "
                + "gives it) and <span class=\"calibrated\">calibrated</span> (chosen so the model reproduces a measurement).</p>\n");
        List<List<String>> prov = new ArrayList<>();
        List<String> cls = new ArrayList<>();
        for (Provenance p : e.provenance()) {
            ChannelSpecs.Parameter par = ChannelSpecs.PARAMETERS.get(p.path());
            prov.add(List.of(p.path(), par == null ? "" : par.meaning(), Html.value(p.value()), confidence(p.confidence()), p.source(), p.note()));
            cls.add(p.confidence() == Confidence.ASSUMED ? "assumed" : p.confidence() == Confidence.CALIBRATED ? "calibrated" : null);
        }
        sb.append(Html.table(List.of("parameter", "meaning", "value", "confidence", "source", "note"), prov, cls));
        sb.append(Html.references(e.provenance()));
        if (!e.unsourced().isEmpty()) {
            sb.append("<p class=\"note\">Values without a provenance entry (numerical settings or defaults): <code>")
                    .append(Html.esc(String.join(", ", e.unsourced()))).append("</code>.</p>\n");
        }
        return sb.toString();
    }

    /** A chart of the section with its size and caption. */
    public record Figure(String key, JFreeChart chart, int width, int height, String caption) {
        String html(String idPrefix) {
            return Html.figure(Charts.svg(chart, width, height, idPrefix + "-" + key), caption);
        }
    }

    /** The charts of one scenario: budget, eye, bathtub, BER against length, per-channel BER map. */
    public static List<Figure> figures(Evaluated e) {
        ChannelResult r = e.result();
        String name = e.input().name();
        List<Figure> out = new ArrayList<>();
        out.add(new Figure("budget", Charts.budget(r.budget(), "Link budget, " + name), 980, 520,
                "Waterfall from the microLED's average power to the received OMA, then from the noise-only sensitivity to the "
                        + "sensitivity with ISI and crosstalk; the last bar is the margin (received OMA minus sensitivity)."));
        out.add(new Figure("eye", Charts.eye(e.eye(), "Statistical eye, " + name), 620, 480,
                "Density of the received signal (nominal channel, after the CTLE) over two unit intervals, log10 colour scale "
                        + "(at most six decades); white: the inner eye opening at the BER target. 0 is the decision threshold, ±0.5 the "
                        + "ideal levels."));
        out.add(new Figure("bathtub", Charts.bathtub(e.bathtub(), r.berTarget(), "Bathtub, " + name), 620, 480,
                "BER of the nominal channel against the sampling phase (CTLE fixed at its optimum); eye width at the target: "
                        + Output.number(r.eyeWidthUi(), 3) + " UI."));
        Map<String, double[]> curves = new LinkedHashMap<>();
        Map<String, double[]> marks = new LinkedHashMap<>();
        for (int k = 0; k < RATES.length; k++) {
            double reach = e.reachByRate()[k];
            boolean beyond = reach >= ChannelAnalysis.MAX_LENGTH;
            String label = Output.si(RATES[k], Dimension.DATA_RATE) + ", reach " + ChannelFacts.reach(reach, beyond);
            curves.put(label, e.berByRateAndLength()[k]);
            if (reach > ChannelAnalysis.MIN_LENGTH && reach >= MIN_LENGTH && reach <= MAX_LENGTH) {
                marks.put(label, new double[] {reach, r.berTarget()});
            }
        }
        out.add(new Figure("length", Charts.berCurves("BER against fibre length, " + name, "fibre length (m)", e.lengths(),
                curves, r.berTarget(), marks, 1e-20), 980, 480,
                "BER of the nominal channel (CTLE re-optimised at each length; receiver bandwidth scales with the rate). "
                        + "Diamonds: the reach at the BER target. BERs below 1e-20 are off the chart."));
        int failing = 0;
        for (double b : r.perChannelBer()) {
            if (b > r.berTarget()) {
                failing++;
            }
        }
        out.add(new Figure("array", Charts.arrayMap(r.perChannelBer(), e.spec().rows(), e.spec().cols(), r.berTarget(),
                "Per-channel BER, " + name + " (" + e.spec().rows() + " × " + e.spec().cols() + ")"), 640, 560,
                "log10 BER of every channel (row 0 at the top); the spread comes from the emitter power and bandwidth spread "
                        + "and from the number of neighbours (edge channels have fewer crosstalk aggressors). "
                        + failing + " of " + r.perChannelBer().length + " channels are above the BER target (crossed)."));
        return out;
    }

    private static String confidence(Confidence c) {
        return c.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    // ---- JSON and CSV ----

    @Override
    public JsonNode json() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ArrayNode rates = root.putArray("curveRatesBitsPerSecond");
        for (double r : RATES) {
            rates.add(r);
        }
        ObjectNode scenarios = root.putObject("scenarios");
        for (Evaluated e : evaluated) {
            ObjectNode s = scenarios.putObject(e.input().name());
            s.put("source", e.input().doc().source());
            s.set("result", Output.tree(e.result()));
            s.set("bathtub", Output.tree(e.bathtub()));
            s.set("eyeDiagram", Output.tree(e.eye()));
            ObjectNode bl = s.putObject("berVsLength");
            bl.set("lengthsMeters", Output.tree(e.lengths()));
            ArrayNode curves = bl.putArray("curves");
            for (int k = 0; k < RATES.length; k++) {
                ObjectNode c = curves.addObject();
                c.put("rateBitsPerSecond", RATES[k]);
                c.put("reachMeters", e.reachByRate()[k]);
                c.set("ber", Output.tree(e.berByRateAndLength()[k]));
            }
            ObjectNode mc = s.putObject("monteCarlo");
            mc.put("lengthMeters", e.crossCheck().lengthMeters());
            mc.put("note", e.crossCheck().note());
            if (e.crossCheck().result() != null) {
                mc.set("result", Output.tree(e.crossCheck().result()));
                mc.put("agrees", e.crossCheck().agrees());
            }
            s.set("provenance", Output.tree(e.provenance()));
            s.set("unsourced", Output.tree(e.unsourced()));
        }
        return Output.strict(root);
    }

    @Override
    public List<ResultRow> rows() {
        List<ResultRow> rows = new ArrayList<>();
        for (Evaluated e : evaluated) {
            String who = e.input().name();
            JsonNode tree = Output.tree(e.result());
            ((ObjectNode) tree).remove("perChannelBer");
            ((ObjectNode) tree).remove("budget");
            for (Map.Entry<String, Object> f : Output.flatten(tree).entrySet()) {
                rows.add(new ResultRow(who, f.getKey(), f.getValue(), unitOf(f.getKey())));
            }
            for (ChannelResult.BudgetItem b : e.result().budget()) {
                rows.add(new ResultRow(who, "budget: " + b.item(), b.db(), b.unit()));
            }
            for (int k = 0; k < RATES.length; k++) {
                rows.add(new ResultRow(who, "reachMeters at " + Output.si(RATES[k], Dimension.DATA_RATE), e.reachByRate()[k], "m"));
            }
            MonteCarlo.Result m = e.crossCheck().result();
            if (m != null) {
                rows.add(new ResultRow(who, "monteCarlo.lengthMeters", e.crossCheck().lengthMeters(), "m"));
                rows.add(new ResultRow(who, "monteCarlo.bits", m.bits(), "bit"));
                rows.add(new ResultRow(who, "monteCarlo.errors", m.errors(), "bit"));
                rows.add(new ResultRow(who, "monteCarlo.ber", m.ber(), ""));
                rows.add(new ResultRow(who, "monteCarlo.lower95", m.lower95(), ""));
                rows.add(new ResultRow(who, "monteCarlo.upper95", m.upper95(), ""));
                rows.add(new ResultRow(who, "monteCarlo.statisticalEyeBer", m.statisticalEyeBer(), ""));
            }
        }
        return rows;
    }

    /** The unit of a result key, read from its name ({@code lengthMeters} → m). */
    static String unitOf(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        if (k.endsWith("pspernmkm")) {
            return "ps/(nm·km)";
        }
        if (k.endsWith("bitspersecond")) {
            return "b/s";
        }
        if (k.endsWith("meters")) {
            return "m";
        }
        if (k.endsWith("seconds")) {
            return "s";
        }
        if (k.endsWith("hz")) {
            return "Hz";
        }
        if (k.endsWith("dbm")) {
            return "dBm";
        }
        if (k.endsWith("db")) {
            return "dB";
        }
        if (k.endsWith("ui")) {
            return "UI";
        }
        if (k.endsWith("fraction")) {
            return "of OMA";
        }
        return "";
    }

    @Override
    public List<DataFile> files() {
        StringBuilder len = new StringBuilder("scenario,rate_bps,length_m,ber\n");
        StringBuilder tub = new StringBuilder("scenario,phase_ui,ber\n");
        StringBuilder arr = new StringBuilder("scenario,row,col,ber\n");
        StringBuilder prov = new StringBuilder("scenario,path,value,confidence,source,note\n");
        for (Evaluated e : evaluated) {
            String who = Output.csvCell(e.input().name());
            for (int k = 0; k < RATES.length; k++) {
                for (int i = 0; i < e.lengths().length; i++) {
                    len.append(who).append(',').append(RATES[k]).append(',').append(e.lengths()[i]).append(',')
                            .append(Output.csvCell(e.berByRateAndLength()[k][i])).append('\n');
                }
            }
            for (int i = 0; i < e.bathtub().phaseUi().length; i++) {
                tub.append(who).append(',').append(e.bathtub().phaseUi()[i]).append(',')
                        .append(Output.csvCell(e.bathtub().ber()[i])).append('\n');
            }
            double[] pc = e.result().perChannelBer();
            int cols = e.spec().cols();
            for (int i = 0; i < pc.length; i++) {
                arr.append(who).append(',').append(i / cols).append(',').append(i % cols).append(',')
                        .append(Output.csvCell(pc[i])).append('\n');
            }
            for (Provenance p : e.provenance()) {
                prov.append(String.join(",", who, Output.csvCell(p.path()), Output.csvCell(p.value()),
                        Output.csvCell(confidence(p.confidence())), Output.csvCell(p.source()), Output.csvCell(p.note()))).append('\n');
            }
        }
        return List.of(new DataFile("channel-ber-vs-length.csv", len.toString()),
                new DataFile("channel-bathtub.csv", tub.toString()),
                new DataFile("channel-per-channel-ber.csv", arr.toString()),
                new DataFile("channel-provenance.csv", prov.toString()));
    }
}
