package org.mosaic.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.mosaic.studies.Progress;
import org.mosaic.link.LinkSpec;
import org.mosaic.link.LinkSpecs;
import org.mosaic.studies.MetricReader;
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
 *   <li>{@link #study}: the cable study's own evaluation as one run pays it, {@code CableStudy.run(input)} on a cable
 *       document not bound before (a fresh copy per call, made outside the timing), so the study binds its cable;</li>
 *   <li>{@link #bindCable}: that binding alone ({@code LinkSpecs.bind} of a fresh copy): part of {@link #study};</li>
 *   <li>{@link #point}: what the runner does per point, {@code SweepPlan.evaluate(index)}: assign, bind (the binder
 *       validates the cable by binding it; the study reuses that binding, {@code ScenarioDocument.bound}), run, every
 *       scalar metric read from the result record into the row;</li>
 *   <li>{@link #overhead}: the same without the study's run: assign + bind + the metrics of a result computed in setup
 *       read into a row ({@code MetricReader}, as the runner does). Its bind includes the cable's, which the study then
 *       does not repeat, so the runner's own overhead is {@code overhead - bindCable} (and {@code point - study});</li>
 *   <li>{@link #writePart}: writing one part of {@code CHUNK} rows to Parquet (the chunk size of a 10⁵-point sweep,
 *       {@link LocalRunner#chunkSize}); per point it costs a {@code CHUNK}-th of this.</li>
 * </ul>
 * The runner's overhead per point is {@code overhead - bindCable + writePart / CHUNK}.
 * {@code java -jar mosaic-bench/target/benchmarks.jar SweepBenchmarks -t 1 -f 1 -wi 3 -w 1 -i 5 -r 1}.
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
    /** A copy of the point's cable document that nothing has bound yet, made before each call of study and bindCable. */
    private CableStudy.Input fresh;
    private MetricReader reader;
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
        reader = MetricReader.of(plan.metrics());
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

    @Setup(Level.Invocation)
    public void freshDocument() {
        // the same document, a new instance: its binding is not shared with any earlier call
        fresh = new CableStudy.Input(input.cable().with("fiber.length", length), input.scale());
    }

    @Benchmark
    public CableResult study() {
        return cable.run(fresh, Progress.quiet());
    }

    @Benchmark
    public LinkSpec bindCable() {
        return LinkSpecs.bind(fresh.cable());
    }

    @Benchmark
    public Object[] point() {
        return plan.evaluate(0);
    }

    @Benchmark
    public Object[] overhead() {
        ObjectNode values = StudyInputs.assign(cable, StudyInputs.defaults(cable), assignments);
        CableStudy.Input bound = StudyInputs.bind(cable, values);
        Double[] metrics = reader.read(result);
        Object[] row = new Object[plan.columns().size()];
        row[0] = (long) bound.hashCode();
        System.arraycopy(metrics, 0, row, 1, metrics.length);
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
