package org.mosaic.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.mosaic.studies.UsageException;

/**
 * A sweep as asked: the study, the axes, fixed assignments, how points are chosen, the metrics kept, the seed and the
 * limit. Immutable and serialisable; it round-trips to the argument list ({@link #toArgs}, {@link #parse}) and to JSON
 * ({@link #toJson}, {@link #fromJson}), so a Spark task, a rerun and {@code sweep.json} rebuild the same
 * {@link SweepPlan}.
 *
 * @param study     the study's name ({@code cable})
 * @param axes      the axes, in the order given (the first varies slowest in a grid)
 * @param sets      fixed {@code KEY=VALUE} assignments applied to every point, in the order given
 * @param sampling  a full grid, or N points by Latin hypercube or Sobol' sequence
 * @param metrics   the metrics kept (empty: every scalar metric of the study)
 * @param seed      the sweep's seed: the study's {@code seed} input where it has one (unless varied or set), and the
 *                  Latin hypercube's draws
 * @param maxPoints the most points the sweep may have unless {@code force}
 * @param force     whether to run more than {@code maxPoints} points
 */
public record SweepSpec(String study, List<Axis> axes, List<String> sets, Sampling sampling, List<String> metrics, long seed,
                        long maxPoints, boolean force) implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Default limit of points without {@code --force}. */
    public static final long DEFAULT_MAX_POINTS = 1_000_000L;
    /** The most points any sweep may have: the point index is a row number Parquet, DuckDB and Spark all count in. */
    public static final long HARD_MAX_POINTS = 1L << 40;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public SweepSpec {
        Objects.requireNonNull(study, "study");
        axes = List.copyOf(axes);
        sets = List.copyOf(sets);
        sampling = sampling == null ? Sampling.GRID : sampling;
        metrics = List.copyOf(metrics);
    }

    /** A grid over {@code axes} with the defaults: no fixed values, every metric, seed 0, the default limit. */
    public static SweepSpec grid(String study, List<Axis> axes) {
        return new SweepSpec(study, axes, List.of(), Sampling.GRID, List.of(), 0, DEFAULT_MAX_POINTS, false);
    }

    /** How the points are chosen. */
    public enum Method {
        GRID, LHS, SOBOL
    }

    /**
     * @param method grid, Latin hypercube or Sobol'
     * @param points the number of sampled points (0 for a grid)
     */
    public record Sampling(Method method, long points) implements Serializable {
        private static final long serialVersionUID = 1L;
        public static final Sampling GRID = new Sampling(Method.GRID, 0);

        /** {@code grid}, {@code lhs:N} or {@code sobol:N}, as given to {@code --sample}. */
        public static Sampling parse(String text) {
            String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
            if (t.equals("grid")) {
                return GRID;
            }
            int colon = t.indexOf(':');
            String method = colon < 0 ? t : t.substring(0, colon);
            if ((method.equals("lhs") || method.equals("sobol")) && colon > 0) {
                long n;
                try {
                    n = Long.parseLong(t.substring(colon + 1).replace("_", ""));
                } catch (NumberFormatException e) {
                    n = -1;
                }
                if (n >= 1) {
                    return new Sampling(method.equals("lhs") ? Method.LHS : Method.SOBOL, n);
                }
            }
            throw new UsageException("--sample \"" + text + "\": expected grid, lhs:N or sobol:N with N a positive whole number "
                    + "(e.g. --sample lhs:1000)");
        }

        @Override
        public String toString() {
            return method == Method.GRID ? "grid" : method.name().toLowerCase(Locale.ROOT) + ":" + points;
        }
    }

    /** The arguments that give this spec to {@link #parse} (and to {@code mosaic sweep}), without output options. */
    public List<String> toArgs() {
        List<String> out = new ArrayList<>();
        out.add(study);
        for (Axis a : axes) {
            out.add("--vary");
            out.add(a.arg());
        }
        for (String s : sets) {
            out.add("--set");
            out.add(s);
        }
        out.add("--sample");
        out.add(sampling.toString());
        if (!metrics.isEmpty()) {
            out.add("--metrics");
            out.add(String.join(",", metrics));
        }
        out.add("--seed");
        out.add(Long.toString(seed));
        out.add("--max-points");
        out.add(Long.toString(maxPoints));
        if (force) {
            out.add("--force");
        }
        return out;
    }

    /**
     * The spec from its arguments: {@code STUDY [--vary KEY=...]... [--set KEY=VALUE]... [--sample grid|lhs:N|sobol:N]
     * [--metrics m1,m2] [--seed N] [--max-points N] [--force]} (each option also as {@code --option=value}).
     */
    public static SweepSpec parse(List<String> args) {
        String study = null;
        List<Axis> axes = new ArrayList<>();
        List<String> sets = new ArrayList<>();
        Sampling sampling = Sampling.GRID;
        List<String> metrics = new ArrayList<>();
        long seed = 0;
        long maxPoints = DEFAULT_MAX_POINTS;
        boolean force = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String name = a;
            String value = null;
            if (a.startsWith("--") && a.contains("=") && a.indexOf('=') < a.length()) {
                name = a.substring(0, a.indexOf('='));
                value = a.substring(a.indexOf('=') + 1);
            }
            if (name.equals("--force")) {
                force = true;
                continue;
            }
            if (!name.startsWith("--")) {
                if (study != null) {
                    throw new UsageException("\"" + a + "\": one study was already named (" + study + "): expected options "
                            + "after the study's name");
                }
                study = a;
                continue;
            }
            if (value == null) {
                if (i + 1 >= args.size()) {
                    throw new UsageException(name + " needs a value");
                }
                value = args.get(++i);
            }
            switch (name) {
                case "--vary" -> axes.add(Axis.parse(value));
                case "--set" -> sets.add(value);
                case "--sample" -> sampling = Sampling.parse(value);
                case "--metrics" -> metrics.addAll(splitMetrics(value));
                case "--seed" -> seed = parseLong(name, value);
                case "--max-points" -> maxPoints = parseLong(name, value);
                default -> throw new UsageException("unknown sweep option " + name + ": expected --vary, --set, --sample, "
                        + "--metrics, --seed, --max-points or --force");
            }
        }
        if (study == null) {
            throw new UsageException("no study named: expected the study's name first (e.g. cable; `mosaic studies` lists them)");
        }
        return new SweepSpec(study, axes, sets, sampling, metrics, seed, maxPoints, force);
    }

    /** {@code m1,m2,...} split at commas outside brackets. */
    public static List<String> splitMetrics(String text) {
        List<String> out = new ArrayList<>();
        for (String m : text.split(",")) {
            if (!m.isBlank()) {
                out.add(m.trim());
            }
        }
        return out;
    }

    private static long parseLong(String option, String value) {
        try {
            return Long.parseLong(value.trim().replace("_", ""));
        } catch (NumberFormatException e) {
            throw new UsageException(option + " \"" + value + "\": expected a whole number");
        }
    }

    /** The fixed assignments by key, checked: each KEY=VALUE, each key once. */
    Map<String, String> setMap() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String s : sets) {
            int eq = s.indexOf('=');
            if (eq <= 0) {
                throw new UsageException("--set \"" + s + "\": expected KEY=VALUE (e.g. --set cable.host.attachment=cpo)");
            }
            String key = s.substring(0, eq).trim();
            if (out.put(key, s.substring(eq + 1).trim()) != null) {
                throw new UsageException("--set " + key + " is given twice: expected each key once");
            }
        }
        return out;
    }

    /** The spec as JSON (what {@code sweep.json} holds under {@code spec}). */
    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static SweepSpec fromJson(String json) {
        try {
            return JSON.readValue(json, SweepSpec.class);
        } catch (JsonProcessingException e) {
            throw new UsageException("not a sweep spec: " + e.getOriginalMessage());
        }
    }

    /** Whether {@code other} asks for the same rows (the limit and {@code force} aside). */
    public boolean sameRows(SweepSpec other) {
        return study.equals(other.study) && axes.equals(other.axes) && sets.equals(other.sets) && sampling.equals(other.sampling)
                && metrics.equals(other.metrics) && seed == other.seed;
    }
}
