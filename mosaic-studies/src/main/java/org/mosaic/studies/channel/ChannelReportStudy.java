package org.mosaic.studies.channel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.mosaic.core.catalog.Catalog;
import org.mosaic.core.catalog.Provenance;
import org.mosaic.core.scenario.ScenarioDocument;
import org.mosaic.link.LinkSpecs;
import org.mosaic.optics.ChannelAnalysis;
import org.mosaic.optics.ChannelResult;
import org.mosaic.optics.ChannelSpec;
import org.mosaic.optics.ChannelSpecs;
import org.mosaic.optics.MonteCarlo;
import org.mosaic.studies.In;
import org.mosaic.studies.MetricSpec;
import org.mosaic.studies.Output;
import org.mosaic.studies.Parallel;
import org.mosaic.studies.Progress;
import org.mosaic.studies.Study;

/**
 * {@code report-channel}: the report's channel section. For each scenario (the measured prototype, the 800G design,
 * ...) the channel's result, bathtub, statistical eye, BER against length at 1.6 / 2 / 2.5 Gb/s with the reach, a
 * time-domain Monte Carlo cross-check, and every parameter with its source. All the evaluations run as one flat list
 * of independent tasks on all cores (slow ones first); results come back by index, so nothing depends on scheduling.
 */
public final class ChannelReportStudy implements Study<ChannelReportStudy.Input, ChannelReportResult> {
    /** Rates of the BER-against-length curves, b/s. */
    public static final double[] RATES = {1.6e9, 2e9, 2.5e9};
    /** Lengths of the BER-against-length curves: 5 m to 80 m in 101 points. */
    public static final double MIN_LENGTH = 5;
    public static final double MAX_LENGTH = 80;
    public static final int LENGTH_POINTS = 101;
    /** Bits of the Monte Carlo cross-check, and the nominal BER it aims for. */
    public static final long MC_BITS = 200_000;
    public static final double MC_TARGET_BER = 1e-4;

    /** A scenario to evaluate: a display name and its document (with any overrides applied). */
    public record Scenario(String name, ScenarioDocument doc) {
    }

    /** @param scenarios the scenarios, each with a display name unique among them */
    public record Input(@In(value = "the scenarios (channel or cable documents, overrides applied), each with a unique display name",
            document = "channel", defaultValue = "every shipped channel preset") List<Scenario> scenarios) {
        public Input {
            scenarios = List.copyOf(scenarios);
        }
    }

    @Override
    public String name() {
        return "report-channel";
    }

    @Override
    public String question() {
        return "For each scenario of the report: its channel's numbers, eye, bathtub, BER against length and reach at 1.6 / 2 / "
                + "2.5 Gb/s, a Monte Carlo cross-check, and every parameter's source?";
    }

    @Override
    public Class<Input> inputType() {
        return Input.class;
    }

    @Override
    public Class<ChannelReportResult> resultType() {
        return ChannelReportResult.class;
    }

    @Override
    public List<MetricSpec> metrics() {
        return ChannelMetrics.complete(Study.super.metrics());
    }

    /**
     * Binds every scenario as the channel and cable report studies will, so that a front end running several studies (the
     * report) can refuse a bad document or {@code --set} before any of them starts, not after the ones before it ran.
     */
    public static void refuseBadScenarios(List<org.mosaic.core.scenario.ScenarioDocument> docs) {
        for (org.mosaic.core.scenario.ScenarioDocument doc : docs) {
            ChannelSpecs.bind(doc);
            if (LinkSpecs.isCable(doc)) {
                LinkSpecs.bind(doc);
            }
        }
    }

    /** Every input evaluated. Bad scenarios fail here, before anything is evaluated. */
    @Override
    public ChannelReportResult run(Input input, Progress progress) {
        List<Scenario> inputs = input.scenarios();
        List<ChannelSpec> specs = new ArrayList<>();
        for (Scenario i : inputs) {
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
            tasks.add(() -> ChannelAnalysis.analyse(s, true));
        }
        int perInput = 2 + RATES.length + RATES.length * LENGTH_POINTS;
        for (ChannelSpec s : specs) {
            tasks.add(() -> ChannelAnalysis.bathtub(s));
            tasks.add(() -> ChannelAnalysis.eyeDiagram(s, ChannelStudy.EYE_LEVELS));
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
        Map<String, ChannelReportResult.Scenario> scenarios = new LinkedHashMap<>();
        for (int k = 0; k < n; k++) {
            int base = 2 * n + k * perInput;
            List<ChannelReportResult.Curve> curves = new ArrayList<>();
            for (int r = 0; r < RATES.length; r++) {
                double[] ber = new double[LENGTH_POINTS];
                for (int i = 0; i < LENGTH_POINTS; i++) {
                    ber[i] = (Double) out.get(base + 2 + RATES.length + r * LENGTH_POINTS + i);
                }
                curves.add(new ChannelReportResult.Curve(RATES[r], (Double) out.get(base + 2 + r), ber));
            }
            Scenario in = inputs.get(k);
            ChannelSpec spec = specs.get(k);
            scenarios.put(in.name(), new ChannelReportResult.Scenario(in.name(), in.doc().tree().path("description").asText(""),
                    in.doc().source(), (ChannelResult) out.get(2 * k + 1), (ChannelAnalysis.Bathtub) out.get(base),
                    (ChannelAnalysis.EyeDiagram) out.get(base + 1), new ChannelReportResult.BerVsLength(lengths, curves),
                    (ChannelReportResult.CrossCheck) out.get(2 * k), channelOnly(Catalog.of(in.doc())), Catalog.unsourced(in.doc()),
                    spec.rows(), spec.cols()));
        }
        return new ChannelReportResult(RATES, scenarios);
    }

    /** The provenance of the channel's own parameters (the cable section lists the cable's). */
    private static List<Provenance> channelOnly(List<Provenance> all) {
        List<Provenance> out = new ArrayList<>();
        for (Provenance p : all) {
            if (LinkSpecs.SECTIONS.stream().noneMatch(s -> p.path().startsWith(s + "."))) {
                out.add(p);
            }
        }
        return out;
    }

    /**
     * Monte Carlo at the scenario's own length if its nominal BER is countable with {@link #MC_BITS} bits,
     * otherwise at the length where the nominal BER is {@link #MC_TARGET_BER} (bisection in log BER).
     */
    static ChannelReportResult.CrossCheck crossCheck(ChannelSpec spec) {
        double own = ChannelAnalysis.nominalBer(spec);
        double length = spec.fiber().lengthMeters();
        if (!(own >= MC_TARGET_BER / 3 && own <= 1e-2)) {
            double lo = ChannelAnalysis.MIN_LENGTH;
            double hi = ChannelAnalysis.MAX_LENGTH;
            if (ChannelAnalysis.nominalBer(spec.withLength(hi)) < MC_TARGET_BER) {
                return ChannelReportResult.CrossCheck.of(Double.NaN, null, "not run: the BER stays below " + Output.ber(MC_TARGET_BER)
                        + " up to " + Output.meters(hi) + ", too low to count errors");
            }
            if (ChannelAnalysis.nominalBer(spec.withLength(lo)) > MC_TARGET_BER) {
                return ChannelReportResult.CrossCheck.of(Double.NaN, null, "not run: the BER is above " + Output.ber(MC_TARGET_BER)
                        + " at any length");
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
        return ChannelReportResult.CrossCheck.of(length, r, note);
    }
}
