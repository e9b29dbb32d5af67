package org.mosaic.studies.uncertainty;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mosaic.studies.In;
import org.mosaic.studies.MetricRow;
import org.mosaic.studies.Progress;
import org.mosaic.studies.Study;
import org.mosaic.studies.UsageException;

/**
 * How uncertain a study's answers are: Monte Carlo over the plausible ranges of its assumed inputs (a Latin hypercube
 * or a Sobol sample), each metric's P5, P50 and P95 with their intervals, mean and spread.
 */
public final class UncertaintyStudy implements Study<UncertaintyStudy.Input, UncertaintyStudy.Result> {
    /**
     * Points above which a run must say --force. A cable point that changes the channel costs ~0.1–1 s (the array-reach
     * solve; one over inputs that leave the channel alone reuses the memoised analysis), so 20,000 points is an hour or more.
     */
    public static final int MAX_SAMPLES = 20_000;

    /**
     * @param study   the study whose answers are uncertain
     * @param set     KEY=VALUE edits of its inputs before sampling (as `mosaic run --set` takes them)
     * @param ranges  ranges given by hand, KEY=DISTRIBUTION [UNIT]; none: every range of its documents' provenance
     * @param inputs  only these ranged inputs (none: all)
     * @param metrics the metrics to summarise (none: all)
     * @param samples the number of points
     * @param design  lhs or sobol
     * @param seed    the Latin hypercube's seed
     * @param force   allow more than {@link #MAX_SAMPLES} points
     */
    public record Input(
            @In(value = "The study to run (as `mosaic studies` lists it).", defaultValue = "cable") String study,
            @In(value = "KEY=VALUE edits of the study's inputs before sampling.") List<String> set,
            @In(value = "Ranges given by hand, KEY=DISTRIBUTION [UNIT]; none: the ranges of the documents' provenance.") List<String> ranges,
            @In(value = "Only these ranged inputs (none: all).") List<String> inputs,
            @In(value = "The metrics to summarise (none: all).") List<String> metrics,
            @In(value = "Points in the sample.", range = "2..20000", defaultValue = "256") int samples,
            @In(value = "The sample design.", range = "lhs, sobol", defaultValue = "lhs") String design,
            @In(value = "Seed of the Latin hypercube.", defaultValue = "0") long seed,
            @In(value = "Allow more points than the limit.", defaultValue = "false") boolean force) {
        public Input {
            set = set == null ? List.of() : List.copyOf(set);
            ranges = ranges == null ? List.of() : List.copyOf(ranges);
            inputs = inputs == null ? List.of() : List.copyOf(inputs);
            metrics = metrics == null ? List.of() : List.copyOf(metrics);
            design = design == null ? "lhs" : design;
        }
    }

    /**
     * @param study    the study sampled
     * @param design   the design and its size
     * @param inputs   the ranged inputs varied
     * @param metrics  one summary per metric, in the order asked
     * @param refused  points the study refused (left out of the summaries)
     * @param reasons  the refusals' first lines with their counts
     */
    public record Result(String study, String design, int samples, long seed, List<Ranged> inputs, List<Summary> metrics,
                         long refused, Map<String, Long> reasons) {
    }

    @Override
    public String name() {
        return "uncertainty";
    }

    @Override
    public String question() {
        return "Over the plausible ranges of its assumed inputs, between what values does each of a study's answers lie "
                + "(P5, P50, P95)?";
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
        if (in.samples() < 2 || (in.samples() > MAX_SAMPLES && !in.force())) {
            throw new UsageException("samples " + in.samples() + ": expected 2 to " + MAX_SAMPLES
                    + " (hint: --force for more; they run on all cores, ~1 ms per cable point)");
        }
        Target<?, ?> target = Target.of(in.study(), in.set());
        List<Ranged> ranged = Ranges.select(target.study(), target.base(), in.ranges(), in.inputs());
        List<String> names = ranged.stream().map(Ranged::key).toList();
        List<Distribution> dists = ranged.stream().map(Ranged::distribution).toList();
        Design d = switch (in.design()) {
            case "lhs" -> new LatinHypercube(names, dists, in.samples(), in.seed());
            case "sobol" -> new SobolDesign(names, dists, in.samples());
            default -> throw new UsageException("design " + in.design() + ": expected lhs or sobol");
        };
        List<MetricRow> metrics = target.metrics(in.metrics());
        Evaluation.Outputs out = target.evaluate(ranged, d, metrics, progress);
        List<Summary> summaries = new ArrayList<>();
        for (MetricRow m : metrics) {
            double[] y = out.y().get(m.name());
            summaries.add(java.util.Arrays.stream(y).anyMatch(Double::isFinite) ? Summary.of(m.name(), y)
                    : new Summary(m.name(), 0, y.length, Double.NaN, Double.NaN, null, null, null, Double.NaN, Double.NaN));
        }
        return new Result(target.study().name(), in.design(), in.samples(), in.seed(), ranged, summaries, out.refused(),
                out.reasons());
    }

    /** A study to sample, with its base values. */
    record Target<I extends Record, R>(Study<I, R> study, ObjectNode base) {
        @SuppressWarnings("unchecked")
        static Target<?, ?> of(String name, List<String> set) {
            Study<?, ?> s = org.mosaic.studies.Studies.byName(name).orElseThrow(() -> new UsageException("study " + name
                    + ": no such study (hint: `mosaic studies` lists them)"));
            if (!org.mosaic.studies.StudyInputs.bindable(s)) {
                throw new UsageException("study " + name + ": " + org.mosaic.studies.StudyInputs.whyNotBindable(s));
            }
            if (s.name().equals("uncertainty") || s.name().equals("sensitivity")) {
                throw new UsageException("study " + name + ": the uncertainty of an uncertainty study is not asked "
                        + "(hint: name the study whose answers you want, e.g. cable)");
            }
            java.util.Map<String, String> edits = new java.util.LinkedHashMap<>();
            for (String kv : set) {
                int eq = kv.indexOf('=');
                if (eq <= 0) {
                    throw new UsageException("--set \"" + kv + "\": expected KEY=VALUE");
                }
                edits.put(kv.substring(0, eq).trim(), kv.substring(eq + 1).trim());
            }
            ObjectNode base = org.mosaic.studies.StudyInputs.assign(s, org.mosaic.studies.Output.JSON.createObjectNode(), edits);
            return new Target<>((Study<Record, Object>) s, base);
        }

        List<MetricRow> metrics(List<String> names) {
            return Evaluation.metrics(study, base, names);
        }

        Evaluation.Outputs evaluate(List<Ranged> ranged, Design d, List<MetricRow> metrics, Progress progress) {
            return Evaluation.run(study, base, ranged, d, metrics, progress);
        }
    }
}
