package org.mosaic.studies.uncertainty;

import java.util.List;
import org.mosaic.studies.In;
import org.mosaic.studies.MetricRow;
import org.mosaic.studies.Progress;
import org.mosaic.studies.Study;
import org.mosaic.studies.UsageException;

/**
 * Which assumptions a study's answer rests on: a one-at-a-time tornado over each ranged input's plausible range, and
 * variance-based (Sobol) first-order and total indices from a Saltelli sample.
 */
public final class SensitivityStudy implements Study<SensitivityStudy.Input, SensitivityStudy.Result> {
    /** Base rows above which a run must say --force (k + 2 evaluations each). */
    public static final int MAX_ROWS = 4096;

    /**
     * @param study   the study
     * @param set     KEY=VALUE edits of its inputs first
     * @param ranges  ranges given by hand (none: its documents' provenance ranges)
     * @param inputs  only these ranged inputs (none: all)
     * @param metric  the metric whose sensitivity is asked
     * @param samples Saltelli base rows (0: the tornado only)
     * @param seed    the bootstrap's seed
     * @param force   allow more than {@link #MAX_ROWS} base rows
     */
    public record Input(
            @In(value = "The study to run (as `mosaic studies` lists it).", defaultValue = "cable") String study,
            @In(value = "KEY=VALUE edits of the study's inputs first.") List<String> set,
            @In(value = "Ranges given by hand, KEY=DISTRIBUTION [UNIT]; none: the ranges of the documents' provenance.") List<String> ranges,
            @In(value = "Only these ranged inputs (none: all).") List<String> inputs,
            @In(value = "The metric whose sensitivity is asked.") String metric,
            @In(value = "Saltelli base rows for the Sobol indices (0: the tornado only).", range = "0..4096", defaultValue = "128") int samples,
            @In(value = "Seed of the bootstrap intervals.", defaultValue = "0") long seed,
            @In(value = "Allow more base rows than the limit.", defaultValue = "false") boolean force) {
        public Input {
            set = set == null ? List.of() : List.copyOf(set);
            ranges = ranges == null ? List.of() : List.copyOf(ranges);
            inputs = inputs == null ? List.of() : List.copyOf(inputs);
        }
    }

    /**
     * @param tornado one-at-a-time bars, largest swing first
     * @param sobol   first-order and total indices, largest total first (null when samples is 0)
     * @param refused points the study refused
     */
    public record Result(String study, String metric, String unit, List<Ranged> inputs, Tornado tornado, SobolIndices sobol,
                         long refused, java.util.Map<String, Long> reasons) {
    }

    @Override
    public String name() {
        return "sensitivity";
    }

    @Override
    public String question() {
        return "Which assumed inputs decide a study's answer, and how much: a tornado over their plausible ranges and "
                + "their Sobol indices?";
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
        if (in.metric() == null || in.metric().isBlank()) {
            throw new UsageException("sensitivity needs a metric (hint: --metric power.perEnd; `mosaic run " + in.study()
                    + " --format table` lists them)");
        }
        if (in.samples() < 0 || (in.samples() > MAX_ROWS && !in.force())) {
            throw new UsageException("samples " + in.samples() + ": expected 0 to " + MAX_ROWS + " base rows (hint: --force "
                    + "for more; each costs k + 2 evaluations)");
        }
        UncertaintyStudy.Target<?, ?> target = UncertaintyStudy.Target.of(in.study(), in.set());
        List<Ranged> ranged = Ranges.select(target.study(), target.base(), in.ranges(), in.inputs());
        List<String> names = ranged.stream().map(Ranged::key).toList();
        List<Distribution> dists = ranged.stream().map(Ranged::distribution).toList();
        List<MetricRow> metric = target.metrics(List.of(in.metric()));
        double[] base = new double[ranged.size()];
        for (int i = 0; i < base.length; i++) {
            Ranged r = ranged.get(i);
            base[i] = Double.isFinite(r.assumed()) ? r.assumed() : r.distribution().quantile(0.5);
        }
        OneAtATime oat = new OneAtATime(names, base, dists);
        Evaluation.Outputs t = target.evaluate(ranged, oat, metric, progress);
        Tornado tornado = Tornado.of(in.metric(), oat, t.y().get(in.metric()));
        SobolIndices sobol = null;
        long refused = t.refused();
        java.util.Map<String, Long> reasons = new java.util.TreeMap<>(t.reasons());
        if (in.samples() > 0) {
            SaltelliDesign s = new SaltelliDesign(names, dists, Math.max(2, in.samples()));
            Evaluation.Outputs y = target.evaluate(ranged, s, metric, progress);
            sobol = SobolIndices.estimate(in.metric(), s, y.y().get(in.metric()), in.seed());
            refused += y.refused();
            y.reasons().forEach((k, v) -> reasons.merge(k, v, Long::sum));
        }
        return new Result(target.study().name(), in.metric(), metric.get(0).unit(), ranged, tornado, sobol, refused, reasons);
    }
}
