package org.mosaic.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.mosaic.studies.Progress;
import org.mosaic.studies.Results;
import org.mosaic.studies.StudyInputs;
import org.mosaic.studies.cable.CableResult;
import org.mosaic.studies.cable.CableStudy;
import org.mosaic.sweep.Column;
import org.mosaic.sweep.LocalRunner;
import org.mosaic.sweep.RowFiles;
import org.mosaic.sweep.SweepPlan;
import org.mosaic.sweep.SweepSpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The local sweep runner's cost per point against the cable study's own evaluation (issue 18: the overhead must stay
 * under 10 % of the study's time). One point of a cable sweep over {@code cable.fiber.length} (the {@code length}
 * parameter: inside the modelled reach, and the preset's 50 m beyond it, where the study also solves the reach):
 * <ul>
 *   <li>{@link #study}: the cable study's own evaluation, {@code CableStudy.run(input)}, the input bound beforehand;</li>
 *   <li>{@link #point}: what the runner does per point, {@code SweepPlan.evaluate(index)}: assign, bind, run, the
 *       result's JSON tree, every scalar metric into the row;</li>
 *   <li>{@link #overhead}: the same without the study: assign + bind + JSON tree of a result computed in setup + the
 *       metrics into a row;</li>
 *   <li>{@link #writePart}: writing one part of {@code CHUNK} rows to Parquet (the chunk size of a 10⁵-point sweep,
 *       {@link LocalRunner#chunkSize}); per point it costs a {@code CHUNK}-th of this.</li>
 * </ul>
 * The runner's overhead per point is {@code overhead + writePart / CHUNK}.
 * {@code java -jar mosaic-bench/target/benchmarks.jar SweepBenchmarks -t 1 -f 1 -wi 2 -i 3}.
 */
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 2, time = 2, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 3, time = 2, timeUnit = TimeUnit.SECONDS)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SweepBenchmarks {
    /** Rows in one part of a 10⁵-point sweep. */
    public static final int CHUNK = (int) LocalRunner.chunkSize(100_000);

    @Param({"10 m", "50 m"})
    public String length;

    private final CableStudy cable = new CableStudy();
    private SweepPlan plan;
    private CableStudy.Input input;
    private CableResult result;
    private Map<String, String> assignments;
    private List<Object[]> rows;
    private Path dir;
    private RowFiles.Writer writer;
    private int part;

    @Setup(Level.Trial)
    public void setup() throws IOException {
        plan = SweepPlan.of(new SweepSpec("cable", List.of(org.mosaic.sweep.Axis.parse("cable.fiber.length=" + length)), List.of(),
                SweepSpec.Sampling.GRID, List.of(), 0, SweepSpec.DEFAULT_MAX_POINTS, false));
        assignments = plan.assignments(0);
        input = StudyInputs.bind(cable, StudyInputs.assign(cable, StudyInputs.defaults(cable), assignments));
        result = cable.run(input, Progress.quiet());
        Object[] row = plan.evaluate(0);
        if (row[row.length - 1] != null) {
            throw new IllegalStateException("the benchmark's point failed: " + row[row.length - 1]);
        }
        rows = new ArrayList<>();
        for (int i = 0; i < CHUNK; i++) {
            Object[] r = row.clone();
            r[0] = (long) i;
            rows.add(r);
        }
        dir = Files.createTempDirectory("sweep-bench-");
        writer = new RowFiles.Writer(RowFiles.Format.PARQUET, plan.columns());
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        writer.close();
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.deleteIfExists(p);
            }
        }
        Files.deleteIfExists(dir);
    }

    @Benchmark
    public CableResult study() {
        return cable.run(input, Progress.quiet());
    }

    @Benchmark
    public Object[] point() {
        return plan.evaluate(0);
    }

    @Benchmark
    public Object[] overhead() {
        ObjectNode values = StudyInputs.assign(cable, StudyInputs.defaults(cable), assignments);
        CableStudy.Input bound = StudyInputs.bind(cable, values);
        JsonNode tree = Results.tree(result);
        List<String> metrics = plan.metrics();
        Object[] row = new Object[plan.columns().size()];
        row[0] = (long) bound.hashCode();
        for (int i = 0; i < metrics.size(); i++) {
            row[i + 1] = SweepPlan.number(tree, metrics.get(i));
        }
        return row;
    }

    @Benchmark
    public int writePart() {
        Path file = dir.resolve(LocalRunner.partName(0, CHUNK - 1L, RowFiles.Format.PARQUET));
        writer.write(file, rows);
        return part++;
    }

    /** The columns of a cable sweep's row, for the record. */
    public List<Column> columns() {
        return plan.columns();
    }
}
