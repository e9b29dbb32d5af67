package org.mosaic.spark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mosaic.core.scenario.ScenarioDocument;
import org.mosaic.studies.MetricRow;
import org.mosaic.studies.Results;
import org.mosaic.studies.UsageException;
import org.mosaic.studies.cable.CableResult;
import org.mosaic.studies.cable.CableStudy;

/**
 * A stand-in for branch sweep's SweepPlan until it lands: the cable study over a full grid of {@code --vary
 * cable.PATH=v1,v2,...} axes (values as given), every metric of the result. Same shape as SweepPlan: size, columns,
 * evaluate(index) as a pure function of the index, a bad point's reason in the error column.
 */
final class StandInPlan implements PointPlan {
    private final List<String> keys = new ArrayList<>();
    private final List<List<String>> values = new ArrayList<>();
    private final List<Column> columns = new ArrayList<>();
    private final List<String> metricNames = new ArrayList<>();
    private final CableStudy study = new CableStudy();

    StandInPlan(List<String> args) {
        if (args.isEmpty() || !args.get(0).equals("cable")) {
            throw new UsageException("the stand-in plan sweeps the cable study only: expected 'cable' first, got " + args);
        }
        for (int i = 1; i < args.size(); i++) {
            if (args.get(i).equals("--vary") && i + 1 < args.size()) {
                String v = args.get(++i);
                int eq = v.indexOf('=');
                if (eq <= 0 || !v.startsWith("cable.")) {
                    throw new UsageException("--vary " + v + ": expected cable.PATH=v1,v2,...");
                }
                keys.add(v.substring("cable.".length(), eq));
                values.add(List.of(v.substring(eq + 1).split(",")));
            } else if (args.get(i).equals("--out") && i + 1 < args.size()) {
                i++;
            } else {
                throw new UsageException("the stand-in plan takes only --vary and --out, not " + args.get(i));
            }
        }
        columns.add(new Column("point", Column.Type.BIGINT));
        columns.add(new Column("seed", Column.Type.BIGINT));
        for (String k : keys) {
            columns.add(new Column("cable." + k, Column.Type.VARCHAR));
        }
        CableResult probe = study.run(new CableStudy.Input(ScenarioDocument.preset(CableStudy.DEFAULT_PRESET), false));
        for (MetricRow r : Results.rows(study, probe)) {
            if (metricNames.contains(r.name()) || r.name().equals("seed")) {
                continue;
            }
            metricNames.add(r.name());
            columns.add(new Column(r.unit().isEmpty() || r.unit().equals("1") ? r.name() : r.name() + " [" + r.unit() + "]",
                    Column.Type.DOUBLE));
        }
        columns.add(new Column("error", Column.Type.VARCHAR));
    }

    @Override
    public long size() {
        long n = 1;
        for (List<String> v : values) {
            n *= v.size();
        }
        return n;
    }

    @Override
    public List<Column> columns() {
        return columns;
    }

    @Override
    public Object[] evaluate(long index) {
        Map<String, String> at = new LinkedHashMap<>();
        long rest = index;
        for (int a = keys.size() - 1; a >= 0; a--) {
            int n = values.get(a).size();
            at.put(keys.get(a), values.get(a).get((int) (rest % n)));
            rest /= n;
        }
        Object[] row = new Object[columns.size()];
        row[0] = index;
        row[1] = 0L;
        int c = 2;
        for (String k : keys) {
            row[c++] = at.get(k);
        }
        try {
            ScenarioDocument doc = ScenarioDocument.preset(CableStudy.DEFAULT_PRESET);
            for (String k : keys) {
                doc = doc.with(k, at.get(k));
            }
            Map<String, Double> byName = new LinkedHashMap<>();
            for (MetricRow r : Results.rows(study, study.run(new CableStudy.Input(doc, false)))) {
                byName.put(r.name(), r.value());
            }
            for (String m : metricNames) {
                row[c++] = byName.get(m);
            }
        } catch (RuntimeException e) {
            row[row.length - 1] = e.getMessage();
        }
        return row;
    }
}
