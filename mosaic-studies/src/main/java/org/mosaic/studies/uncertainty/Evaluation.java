package org.mosaic.studies.uncertainty;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.mosaic.core.scenario.ScenarioException;
import org.mosaic.studies.MetricReader;
import org.mosaic.studies.MetricRow;
import org.mosaic.studies.Parallel;
import org.mosaic.studies.Progress;
import org.mosaic.studies.Results;
import org.mosaic.studies.Study;
import org.mosaic.studies.StudyPoint;
import org.mosaic.studies.StudyInputs;
import org.mosaic.studies.UsageException;

/**
 * Evaluates a study at every point of a design: each point's values become document edits ({@code INPUT.PATH=value
 * unit}) on the base values, the study is bound and run, and the chosen metrics read from its result. Points run on all
 * cores and come back by index; a point the study refuses gets NaN metrics and its reason is counted, never fatal.
 */
public final class Evaluation {
    /**
     * @param y       per metric, its value at each point (NaN where refused)
     * @param refused how many points the study refused
     * @param reasons the refusals' messages with their counts (at most a few)
     */
    public record Outputs(Map<String, double[]> y, long refused, Map<String, Long> reasons) {
    }

    private Evaluation() {
    }

    /**
     * The metrics to follow, as the study's metric rows name them at the base values ({@code power.perEnd},
     * {@code runs[0].stepSeconds}): each name checked (hint: the closest names); all of them when none is named.
     */
    public static <I extends Record, R> List<MetricRow> metrics(Study<I, R> study, ObjectNode base, List<String> names) {
        List<MetricRow> all = Results.rows(study, study.run(StudyInputs.bind(study, base)));
        if (names.isEmpty()) {
            return all;
        }
        List<MetricRow> out = new ArrayList<>();
        for (String n : names) {
            MetricRow m = all.stream().filter(s -> s.name().equals(n)).findFirst().orElse(null);
            if (m == null) {
                String tail = n.replaceAll(".*\\.", "").toLowerCase(java.util.Locale.ROOT);
                List<String> close = all.stream().map(MetricRow::name)
                        .filter(p -> p.toLowerCase(java.util.Locale.ROOT).contains(tail)).limit(5).toList();
                throw new UsageException("metric " + n + ": not a metric of " + study.name() + " (hint: "
                        + (close.isEmpty() ? "`mosaic run " + study.name() + " --format table` lists them"
                        : "did you mean " + String.join(", ", close)) + ")");
            }
            out.add(m);
        }
        return out;
    }

    public static <I extends Record, R> Outputs run(Study<I, R> study, ObjectNode base, List<Ranged> ranged, Design design,
                                                    List<MetricRow> metrics, Progress progress) {
        int n = Math.toIntExact(design.size());
        progress.task("evaluating " + study.name() + " at " + n + " points", n);
        // each metric read at its path, as a sweep reads its row's metrics (Results.number); NaN where absent
        MetricReader reader = MetricReader.of(metrics.stream().map(MetricRow::name).toList());
        List<Object> results = Parallel.map(n, i -> {
            double[] x = design.point(i);
            Map<String, String> edits = new TreeMap<>();
            for (int d = 0; d < x.length; d++) {
                edits.put(ranged.get(d).key(), ranged.get(d).value(x[d]));
            }
            try {
                Double[] got = StudyPoint.evaluate(StudyPoint.STUDY_INPUTS, study, base, edits, reader);
                double[] v = new double[got.length];
                for (int k = 0; k < v.length; k++) {
                    v[k] = got[k] == null ? Double.NaN : got[k];
                }
                return v;
            } catch (UsageException | ScenarioException e) {
                return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
            }
        }, progress);
        Map<String, double[]> y = new LinkedHashMap<>();
        for (MetricRow m : metrics) {
            y.put(m.name(), new double[n]);
        }
        long refused = 0;
        Map<String, Long> reasons = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            Object r = results.get(i);
            for (int k = 0; k < metrics.size(); k++) {
                y.get(metrics.get(k).name())[i] = r instanceof double[] v ? v[k] : Double.NaN;
            }
            if (r instanceof String why) {
                refused++;
                if (reasons.size() < 5 || reasons.containsKey(why)) {
                    reasons.merge(why, 1L, Long::sum);
                }
            }
        }
        return new Outputs(y, refused, reasons);
    }
}
