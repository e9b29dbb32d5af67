package org.mosaic.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.mosaic.core.scenario.SpecReader;
import org.mosaic.core.units.Dimension;
import org.mosaic.core.units.Quantities;
import org.mosaic.studies.InputSpec;
import org.mosaic.studies.MetricReader;
import org.mosaic.studies.MetricSpec;
import org.mosaic.studies.Results;
import org.mosaic.studies.Studies;
import org.mosaic.studies.Study;
import org.mosaic.studies.StudyPoint;
import org.mosaic.studies.UsageException;

/**
 * A sweep resolved against its study: how many points, the columns of a row, and for each point index its assignments
 * and its row — a pure function of the index, so any runner (local threads, a Spark task, a rerun) gives a point the
 * same row. Everything that can be wrong with the axes, the fixed values and the metrics is refused by {@link #of},
 * all problems at once, before any point runs; a point that the binder or the study refuses carries the reason in its
 * {@code error} column and never stops the sweep.
 *
 * <p>Columns, in order: {@code point} BIGINT, {@code seed} BIGINT, per axis {@code <key>} VARCHAR (the value as assigned)
 * and, for a numeric axis, {@code <key> [<unit>]} DOUBLE in the axis's unit ({@code [1]} for bare numbers); per metric
 * {@code <path> [<unit>]} DOUBLE (no brackets when dimensionless); {@code error} VARCHAR.
 */
public final class SweepPlan {
    /** A list element picked by index or by name, or a map's value by key: {@code [0]}, {@code [LED bias]}. */
    private static final Pattern BRACKET = Pattern.compile("\\[([^\\]]*)]");
    /** The fields that name a list's element, in the order they are looked for: {@code [NAME]} matches the first present. */
    public static final List<String> NAME_FIELDS = Results.NAME_FIELDS;
    /** The name of a study input that takes the sweep's seed. */
    public static final String SEED = "seed";

    private final SweepSpec spec;
    private final Study<?, ?> study;
    private final ObjectNode base;
    private final Map<String, String> sets;
    private final List<Axis.Shape> shapes;
    private final List<String> metricPaths;
    private final List<String> evaluatedPaths;
    private final List<Column> columns;
    private final long size;
    private final boolean seedInput;
    private final Sampler sampler;
    private final Binder binder;
    /** The kept metrics read from each point's result record (no JSON tree per point). */
    private final MetricReader reader;

    private SweepPlan(Binder binder, SweepSpec spec, Study<?, ?> study, ObjectNode base, Map<String, String> sets, List<Axis.Shape> shapes,
                      List<String> metricPaths, List<String> evaluatedPaths, List<Column> columns, long size, boolean seedInput) {
        this.binder = binder;
        this.spec = spec;
        this.study = study;
        this.base = base;
        this.sets = sets;
        this.shapes = shapes;
        this.metricPaths = metricPaths;
        this.evaluatedPaths = evaluatedPaths;
        this.columns = columns;
        this.size = size;
        this.seedInput = seedInput;
        this.reader = MetricReader.of(evaluatedPaths);
        this.sampler = spec.sampling().method() == SweepSpec.Method.GRID ? null
                : new Sampler(spec.sampling().method(), size, shapes.size(), spec.seed());
    }

    /** The plan of a spec; every problem of its axes, values, metrics and size refused at once (a UsageException). */
    public static SweepPlan of(SweepSpec spec) {
        Study<?, ?> study = Studies.byName(spec.study()).orElseThrow(() -> {
            List<String> names = Studies.all().stream().map(Study::name).toList();
            return new UsageException("unknown study \"" + spec.study() + "\": expected one of " + String.join(", ", names)
                    + SpecReader.didYouMean(spec.study(), names) + " (hint: `mosaic studies` lists them)");
        });
        return of(spec, study, Binder.STUDY_INPUTS);
    }

    /** The plan of a spec over a given study with a given binder (for fixture studies outside {@link Studies#all()}). */
    static SweepPlan of(SweepSpec spec, Study<?, ?> study, Binder binder) {
        String why = binder.whyNot(study);
        if (why != null) {
            List<String> can = Studies.all().stream().filter(s -> binder.whyNot(s) == null).map(Study::name).toList();
            throw new UsageException("the study " + study.name() + " cannot be swept: " + why + " (hint: the studies a sweep "
                    + "can vary today: " + String.join(", ", can) + ")");
        }
        List<String> problems = new ArrayList<>();
        Map<String, String> sets = spec.setMap();
        ObjectNode base = binder.defaults(study);
        try {
            base = binder.assign(study, base, sets);
        } catch (UsageException e) {
            problems.add("--set " + e.getMessage());
        }
        List<Axis.Shape> shapes = new ArrayList<>();
        Set<String> keys = new LinkedHashSet<>();
        for (Axis a : spec.axes()) {
            Axis.Shape shape = a.shape();
            shapes.add(shape);
            if (!keys.add(a.key())) {
                problems.add("--vary " + a.key() + " is given twice: expected each key on one axis (hint: list all its values "
                        + "in one --vary)");
            }
            if (sets.containsKey(a.key())) {
                problems.add("--vary " + a.key() + " and --set " + a.key() + ": a key is either varied or fixed, not both");
            }
            String problem = checkKey(binder, study, base, a, shape);
            if (problem != null) {
                problems.add(problem);
            }
            if (shape.continuous() && spec.sampling().method() == SweepSpec.Method.GRID) {
                problems.add("--vary " + a.arg() + ": a range without a step has no grid: expected FROM..TO:STEP or "
                        + "FROM..TO:Nlog (hint: or sample the range with --sample lhs:N or sobol:N)");
            }
        }
        boolean seedInput = binder.names(study).contains(SEED);
        Map<String, String> kept = metrics(study, spec.metrics(), problems);
        List<String> metricPaths = List.copyOf(kept.keySet());
        long size = size(spec, shapes, problems);
        if (!problems.isEmpty()) {
            throw new UsageException(problems.size() == 1 ? problems.get(0)
                    : problems.size() + " problems with the sweep:\n  " + String.join("\n  ", problems));
        }
        List<Column> columns = new ArrayList<>();
        columns.add(new Column("point", Column.Type.BIGINT));
        columns.add(new Column("seed", Column.Type.BIGINT));
        for (int i = 0; i < spec.axes().size(); i++) {
            Axis a = spec.axes().get(i);
            Axis.Shape s = shapes.get(i);
            columns.add(new Column(a.key(), Column.Type.VARCHAR));
            if (s.numeric()) {
                columns.add(new Column(a.key() + " [" + (s.unit().isEmpty() ? "1" : s.unit()) + "]", Column.Type.DOUBLE));
            }
        }
        Map<String, String> units = new LinkedHashMap<>();
        for (MetricSpec m : study.metrics()) {
            units.put(m.path(), m.unit());
        }
        Set<String> taken = new java.util.HashSet<>(List.of("error"));
        columns.forEach(col -> taken.add(col.name()));
        for (String m : metricPaths) {
            String unit = unitOf(study, kept.get(m));
            boolean plain = unit.equals("1") || unit.equals("bool") || unit.isEmpty();
            // a dimensionless metric named like a column already there (the cable's scenario "seed") keeps its "[1]"
            String name = plain && !taken.contains(m) ? m : m + " [" + (plain ? "1" : unit) + "]";
            if (!taken.add(name)) {
                throw new IllegalStateException("two columns named " + name + " in a sweep of " + study.name());
            }
            columns.add(new Column(name, Column.Type.DOUBLE));
        }
        columns.add(new Column("error", Column.Type.VARCHAR));
        return new SweepPlan(binder, spec, study, base, sets, List.copyOf(shapes), metricPaths, List.copyOf(kept.values()),
                List.copyOf(columns), size, seedInput);
    }

    /** Whether the key names an input or a value of a document input, and the axis's values fit its unit. */
    private static String checkKey(Binder binder, Study<?, ?> study, ObjectNode base, Axis a, Axis.Shape shape) {
        String key = a.key();
        InputSpec whole = binder.names(study).contains(key) ? input(study, key) : null;
        if (whole != null) {
            if (whole.type().startsWith("document")) {
                return null;   // a preset name per point
            }
            return unitProblem(a, shape, whole.unit().equals("1") ? "" : whole.unit(), null, whole.type().equals("number")
                    || whole.type().equals("integer"));
        }
        int dot = key.indexOf('.');
        InputSpec doc = dot > 0 ? input(study, key.substring(0, dot)) : null;
        if (doc == null || !doc.type().startsWith("document")) {
            return "--vary " + key + ": not an input of the study " + study.name() + " nor a value of one of its documents"
                    + closest(binder, study, base, key);
        }
        JsonNode tree;
        try {
            tree = binder.document(study, doc.name(), base.get(doc.name()));
        } catch (UsageException e) {
            return "--vary " + key + ": " + e.getMessage();
        }
        JsonNode node = tree;
        for (String part : key.substring(dot + 1).split("\\.")) {
            node = node == null ? null : node.get(part);
        }
        if (node == null) {
            return "--vary " + key + ": the " + doc.name() + " document has no key " + key.substring(dot + 1)
                    + closest(binder, study, base, key);
        }
        if (node.isContainerNode()) {
            return "--vary " + key + ": " + key.substring(dot + 1) + " is a section of the " + doc.name() + " document, not a value"
                    + " (hint: vary one of its keys, e.g. " + key + "." + node.fieldNames().next() + ")";
        }
        if (node.isNumber()) {
            return unitProblem(a, shape, "", node.asText(), true);
        }
        Axis.Quantity q = node.isTextual() ? Axis.quantity(node.asText()) : null;
        if (q != null && !q.unit().isEmpty() && Binder.dimensionOf(q.unit()) != null) {
            return unitProblem(a, shape, q.unit(), node.asText(), true);
        }
        return null;
    }

    /**
     * A numeric axis's values against the key's unit: a unit of another dimension is refused; a bare number where the
     * key's values carry a unit is refused (unless the unit is a ratio, which may be bare); a unit where the key is a
     * plain number is refused.
     */
    private static String unitProblem(Axis a, Axis.Shape shape, String keyUnit, String keyValue, boolean keyNumeric) {
        if (!shape.numeric() || !keyNumeric) {
            return null;
        }
        String shown = keyValue == null ? (keyUnit.isEmpty() ? "a plain number" : "in " + keyUnit) : "its value is " + keyValue;
        if (keyUnit.isEmpty()) {
            return shape.unit().isEmpty() ? null : "--vary " + a.arg() + ": " + a.key() + " is a plain number (" + shown
                    + "): expected values without a unit";
        }
        Dimension d = Binder.dimensionOf(keyUnit);
        if (d == null) {
            return null;
        }
        if (shape.unit().isEmpty()) {
            return d == Dimension.FRACTION ? null : "--vary " + a.arg() + ": a bare number where " + a.key() + " has a unit ("
                    + shown + "): expected " + d.withArticle() + " such as \"" + d.example() + "\" (hint: write the unit "
                    + "on the range, e.g. 10..50:10 " + keyUnit + ")";
        }
        try {
            Quantities.parse("1 " + shape.unit(), d);
            return null;
        } catch (IllegalArgumentException e) {
            return "--vary " + a.arg() + ": the unit \"" + shape.unit() + "\" does not fit " + a.key() + " (" + shown
                    + "): expected " + d.withArticle() + " in " + String.join(", ", d.units());
        }
    }

    private static String closest(Binder binder, Study<?, ?> study, ObjectNode base, String key) {
        List<String> known = new ArrayList<>();
        for (InputSpec s : study.inputs()) {
            if (!binder.names(study).contains(s.name())) {
                continue;
            }
            known.add(s.name());
            if (s.type().startsWith("document")) {
                List<String> leaves = new ArrayList<>();
                try {
                    SpecReader.collectLeaves(binder.document(study, s.name(), base.get(s.name())), s.name(), leaves);
                } catch (UsageException e) {
                    continue;
                }
                known.addAll(leaves.stream().filter(l -> !l.startsWith(s.name() + ".provenance")).toList());
            }
        }
        List<String> near = known.stream().filter(k -> SpecReader.levenshtein(k, key) <= Math.max(3, key.length() / 3))
                .sorted((x, y) -> Integer.compare(SpecReader.levenshtein(x, key), SpecReader.levenshtein(y, key))).limit(3).toList();
        if (near.isEmpty()) {
            String last = key.substring(key.lastIndexOf('.') + 1);
            near = known.stream().filter(k -> k.endsWith("." + last) || k.equals(last)).limit(3).toList();
        }
        return near.isEmpty() ? " (hint: `mosaic studies " + study.name() + "` lists its inputs; `mosaic presets show NAME` a"
                + " document's keys)" : " (closest: " + String.join(", ", near) + ")";
    }

    private static InputSpec input(Study<?, ?> study, String name) {
        return study.inputs().stream().filter(s -> s.name().equals(name)).findFirst().orElse(null);
    }

    /**
     * The metrics kept, each as asked → the path evaluated: those asked (each a declared path, a list's element by index
     * or by name; an element by name with one number, {@code power.breakdown[LED bias]}, stands for that number's path,
     * {@code power.breakdown[LED bias].watts}), or every scalar one.
     */
    private static Map<String, String> metrics(Study<?, ?> study, List<String> asked, List<String> problems) {
        List<String> declared = study.metrics().stream().map(MetricSpec::path).toList();
        Map<String, String> out = new LinkedHashMap<>();
        if (asked.isEmpty()) {
            declared.stream().filter(p -> !p.contains("[]") && !p.contains("*")).forEach(p -> out.put(p, p));
            return out;
        }
        for (String m : asked) {
            if (out.containsKey(m)) {
                problems.add("--metrics " + m + " is named twice: expected each metric once");
                continue;
            }
            List<String> numbers = m.endsWith("]") && !m.endsWith("[]") ? elementNumbers(study, m) : List.of();
            if (declared(study, m) != null) {
                out.put(m, m);
            } else if (numbers.size() == 1) {
                out.put(m, m + "." + numbers.get(0));
            } else if (numbers.size() > 1) {
                problems.add("--metrics " + m + ": the element has " + numbers.size() + " numbers: expected one of "
                        + String.join(", ", numbers.stream().map(f -> m + "." + f).toList()));
            } else if (declared.contains(m)) {
                problems.add("--metrics " + m + ": a metric of every element of a list or map: expected one element, e.g. "
                        + m.replaceFirst("\\[]", "[0]").replace("*", "KEY"));
            } else {
                List<String> near = declared.stream().sorted((x, y) -> Integer.compare(SpecReader.levenshtein(x, m),
                        SpecReader.levenshtein(y, m))).limit(3).toList();
                problems.add("--metrics " + m + ": not a metric of the study " + study.name() + " (closest: "
                        + String.join(", ", near) + "; `mosaic studies " + study.name() + "` lists them)");
            }
        }
        return out;
    }

    /** The numeric fields declared for every element of the list a path ends in ({@code watts} for power.breakdown[X]). */
    private static List<String> elementNumbers(Study<?, ?> study, String path) {
        String prefix = BRACKET.matcher(path).replaceAll("[]") + ".";
        return study.metrics().stream().map(MetricSpec::path).filter(p -> p.startsWith(prefix))
                .map(p -> p.substring(prefix.length())).filter(f -> !f.contains(".") && !f.contains("[")).toList();
    }

    /** The declared metric a concrete path is an instance of, or null. */
    private static MetricSpec declared(Study<?, ?> study, String path) {
        String pattern = BRACKET.matcher(path).replaceAll("[]");
        // through a map, a bracket holds a key ([pipelineBubble]), as a dot does (.pipelineBubble); an index stays a list's
        String keyed = BRACKET.matcher(path).replaceAll(r -> r.group(1).matches("\\d+") ? "[]" : ".K");
        for (MetricSpec m : study.metrics()) {
            if (m.path().equals(pattern) && pattern.equals(path) == !m.path().contains("[]")) {
                return m;
            }
            if (m.path().contains("*")) {
                List<String> parts = new ArrayList<>();
                for (String p : m.path().split("\\*", -1)) {
                    parts.add(Pattern.quote(p));
                }
                if (!m.path().equals(path) && (Pattern.matches(String.join("[^.\\[]+", parts), pattern)
                        || Pattern.matches(String.join("[^.\\[]+", parts), keyed))) {
                    return m;
                }
            }
        }
        return null;
    }

    private static String unitOf(Study<?, ?> study, String path) {
        MetricSpec m = declared(study, path);
        return m == null ? "1" : m.unit();
    }

    private static long size(SweepSpec spec, List<Axis.Shape> shapes, List<String> problems) {
        long size;
        if (spec.sampling().method() != SweepSpec.Method.GRID) {
            size = spec.sampling().points();
            if (spec.sampling().method() == SweepSpec.Method.SOBOL && size > Integer.MAX_VALUE) {
                problems.add("--sample " + spec.sampling() + ": Sobol' points are indexed by int: expected at most "
                        + Integer.MAX_VALUE);
            }
        } else {
            size = 1;
            for (Axis.Shape s : shapes) {
                if (s.continuous()) {
                    continue;
                }
                try {
                    size = Math.multiplyExact(size, s.levels().size());
                } catch (ArithmeticException e) {
                    size = Long.MAX_VALUE;
                }
            }
        }
        if (size > SweepSpec.HARD_MAX_POINTS) {
            problems.add(size + " points: more than any sweep may hold (" + SweepSpec.HARD_MAX_POINTS + "): expected larger "
                    + "steps or fewer values");
        } else if (size > spec.maxPoints() && !spec.force()) {
            problems.add(String.format(java.util.Locale.ROOT, "%,d points: more than --max-points %,d: expected a larger step, "
                    + "fewer values or fewer samples (hint: --force runs it anyway; --max-points raises the limit)", size,
                    spec.maxPoints()));
        }
        return size;
    }

    public SweepSpec spec() {
        return spec;
    }

    public Study<?, ?> study() {
        return study;
    }

    /** The number of points. */
    public long size() {
        return size;
    }

    /** The columns of every row, in order. */
    public List<Column> columns() {
        return columns;
    }

    /** The metric paths kept, in column order. */
    public List<String> metrics() {
        return metricPaths;
    }

    /**
     * Everything assigned at one point, as {@code KEY=VALUE} for the binder: the fixed values, the seed (for a study
     * with a {@code seed} input that is neither varied nor fixed), then each axis's value. A pure function of the index.
     */
    public Map<String, String> assignments(long index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("point " + index + " of a sweep of " + size);
        }
        Map<String, String> out = new LinkedHashMap<>(sets);
        boolean seedVaried = spec.axes().stream().anyMatch(a -> a.key().equals(SEED));
        if (seedInput && !seedVaried && !sets.containsKey(SEED)) {
            out.put(SEED, Long.toString(spec.seed()));
        }
        String[] values = values(index);
        for (int i = 0; i < values.length; i++) {
            out.put(spec.axes().get(i).key(), values[i]);
        }
        return out;
    }

    /** Each axis's value at a point. */
    private String[] values(long index) {
        String[] out = new String[shapes.size()];
        if (sampler == null) {
            long rest = index;
            for (int i = shapes.size() - 1; i >= 0; i--) {
                List<String> levels = shapes.get(i).levels();
                out[i] = levels.get((int) (rest % levels.size()));
                rest /= levels.size();
            }
            return out;
        }
        double[] u = sampler.point(index);
        for (int i = 0; i < out.length; i++) {
            out[i] = shapes.get(i).at(u[i]);
        }
        return out;
    }

    /** The sampler's coordinates of a point in the unit hypercube (null for a grid); for tests and reports. */
    double[] unitPoint(long index) {
        return sampler == null ? null : sampler.point(index);
    }

    Sampler sampler() {
        return sampler;
    }

    /**
     * The row of a point, in {@link #columns()} order: Java {@code Long}, {@code Double} or {@code String} values, null
     * where a value is missing. Never throws for a bad point: the binder's or the study's refusal goes in {@code error}
     * and the metrics are null.
     */
    public Object[] evaluate(long index) {
        Map<String, String> assigned = assignments(index);
        Object[] row = new Object[columns.size()];
        int c = 0;
        row[c++] = index;
        int seedColumn = c++;
        row[seedColumn] = spec.seed();
        for (int i = 0; i < shapes.size(); i++) {
            String v = assigned.get(spec.axes().get(i).key());
            row[c++] = v;
            if (shapes.get(i).numeric()) {
                Axis.Quantity q = Axis.quantity(v);
                row[c++] = q == null ? null : q.number().doubleValue();
            }
        }
        int firstMetric = c;
        try {
            String seed = assigned.get(SEED);
            if (seed != null) {
                row[seedColumn] = null;
                try {
                    row[seedColumn] = Long.parseLong(seed.trim());
                } catch (NumberFormatException e) {
                    throw new UsageException("seed \"" + seed + "\": expected a whole number (hint: --vary seed=0..9:1)");
                }
            }
            for (Double v : StudyPoint.evaluate(binder, study, base, assigned, reader)) {
                row[c++] = v;
            }
        } catch (RuntimeException e) {
            for (int k = firstMetric; k < row.length - 1; k++) {
                row[k] = null;
            }
            row[row.length - 1] = reason(e);
        } catch (StackOverflowError | OutOfMemoryError e) {
            for (int k = firstMetric; k < row.length - 1; k++) {
                row[k] = null;
            }
            row[row.length - 1] = "failed: " + e.getClass().getSimpleName();
        }
        return row;
    }

    /** Why a point failed, one line: the refusal's message, or the failure's type and message. */
    static String reason(Throwable e) {
        String m = e.getMessage();
        boolean usage = e instanceof UsageException || e instanceof org.mosaic.core.scenario.ScenarioException
                || e instanceof org.mosaic.core.units.UnitException;
        String text = usage ? String.valueOf(m) : "failed: " + e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
        return text.replace('\n', ' ').replaceAll("\\s+", " ").trim();
    }

    /** The number at a concrete path of the result's tree, or null: {@link Results#number}. */
    public static Double number(JsonNode tree, String path) {
        return Results.number(tree, path);
    }
}
