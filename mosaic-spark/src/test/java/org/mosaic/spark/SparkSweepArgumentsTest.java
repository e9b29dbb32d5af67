package org.mosaic.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mosaic.studies.UsageException;
import org.mosaic.sweep.SweepPlan;
import org.mosaic.sweep.SweepSpec;

/** Bad arguments: exit 2 with the sweep's own message, before Spark starts (no Spark session is made here). */
class SparkSweepArgumentsTest {
    @TempDir
    Path tmp;

    @Test
    void anUnknownKeyIsRefusedWithTheSweepsOwnMessageAndExit2BeforeSparkStarts() {
        List<String> sweep = List.of("cable", "--vary", "cable.fiber.lenght=1m..3m:1m");
        String message = refusal(() -> SweepPlan.of(SweepSpec.parse(sweep)));
        SparkSweepLocalTest.Run r = SparkSweepLocalTest.run(SparkSweepLocalTest.concat(sweep, "--spark", "local[2]",
                "--out", tmp.resolve("o").toString()));
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("mosaic: " + message + System.lineSeparator());
        assertThat(Files.exists(tmp.resolve("o"))).isFalse();
    }

    @Test
    void aMissingOrMalformedMasterIsRefused() {
        assertThat(SparkSweepLocalTest.run(List.of("cable", "--vary", "cable.fiber.length=1m,2m", "--out", "x")).err())
                .contains("no Spark master: expected --spark local[*]");
        SparkSweepLocalTest.Run r = SparkSweepLocalTest.run(List.of("cable", "--vary", "cable.fiber.length=1m,2m", "--out", "x",
                "--spark", "lokal[2]"));
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--spark lokal[2]: expected a Spark master URL");
    }

    @Test
    void csvOutputsAndThreadsAreRefusedWithAHint() {
        List<String> base = List.of("cable", "--vary", "cable.fiber.length=1m,2m", "--spark", "local[2]");
        assertThat(refusal(() -> SparkSweep.Job.parse(SparkSweepLocalTest.concat(base, "--out", "s.csv"))))
                .contains("--out s.csv with --spark").contains("hint: --out s");
        assertThat(refusal(() -> SparkSweep.Job.parse(SparkSweepLocalTest.concat(base, "--out", "d", "--format", "csv"))))
                .contains("--format csv with --spark");
        assertThat(refusal(() -> SparkSweep.Job.parse(SparkSweepLocalTest.concat(base, "--out", "d", "--threads", "3"))))
                .contains("local[3]");
        assertThat(refusal(() -> SparkSweep.Job.parse(base))).contains("needs --out DIR");
        assertThat(refusal(() -> SparkSweep.Job.parse(List.of("cable", "--spark", "local", "--out", "d"))))
                .contains("--vary");
    }

    @Test
    void paretoAndReportWithSparkAreRefusedBeforeSparkStartsNamingSweepReport() {
        for (String option : List.of("--pareto", "--report")) {
            SparkSweepLocalTest.Run r = SparkSweepLocalTest.run(List.of("cable", "--vary", "cable.fiber.length=1m,2m", "--spark",
                    "local[2]", "--out", tmp.resolve("o").toString(), option, option.equals("--pareto")
                            ? "power.perEndWatts:min,reliability.afrPerCable:min" : tmp.resolve("r").toString()));
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).contains(option + " with --spark").contains("mosaic sweep-report DIR");
            assertThat(Files.exists(tmp.resolve("o"))).isFalse();
        }
    }

    @Test
    void helpPrintsTheSparkRunnersUsageAndExits0() {
        SparkSweepLocalTest.Run r = SparkSweepLocalTest.run(List.of("--help", "--spark", "local"));
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("Usage: mosaic sweep STUDY").contains("--spark MASTER").contains("spark-submit");
    }

    @Test
    void masterUrlsOfEveryClusterManagerAreAccepted() {
        for (String m : List.of("local", "local[*]", "local[4]", "local[2,3]", "spark://127.0.0.1:7077", "yarn",
                "k8s://https://10.0.0.1:6443")) {
            SparkSweep.checkMaster(m);
        }
        assertThat(SparkSweep.localPath("hdfs://nn/sweeps/a")).isNull();
        assertThat(SparkSweep.localPath("s3a://bucket/a")).isNull();
        assertThat(SparkSweep.localPath("runs/a")).isEqualTo(Path.of("runs/a").toAbsolutePath());
        assertThat(SparkSweep.localPath("file:///tmp/a")).isEqualTo(Path.of("/tmp/a"));
    }

    private static String refusal(Runnable r) {
        try {
            r.run();
        } catch (UsageException e) {
            return e.getMessage();
        }
        assertThatThrownBy(r::run).isInstanceOf(UsageException.class);
        return "";
    }

    /** The local runner warns when a metric has no value at any point; a Spark sweep into a folder says the same. */
    @Test
    void aMetricWithoutAnyValueIsWarnedAboutAsTheLocalRunnerDoes_sparkNullMetricWarning() {
        List<String> sweep = List.of("cable", "--vary", "cable.fiber.length=2 m", "--metrics",
                "power.perEndWatts,power.breakdown[LED bais]");
        Path dir = tmp.resolve("rows");
        SparkSweep.Job job = SparkSweep.Job.parse(SparkSweepLocalTest.concat(sweep, "--spark", "local[2]", "--out", dir.toString()));
        assertThat(SparkSweep.emptyMetricsWarning(job)).isEmpty();   // nothing written yet
        new org.mosaic.sweep.LocalRunner(1).run(job.plan(), dir, org.mosaic.sweep.RowFiles.Format.PARQUET,
                org.mosaic.studies.Progress.quiet());
        String warning = SparkSweep.emptyMetricsWarning(job);
        assertThat(warning).isEqualTo(org.mosaic.sweep.LocalRunner.emptyMetricsWarning(job.plan(), List.of("power.breakdown[LED bais] [W]")))
                .startsWith("warning: the metric power.breakdown[LED bais] [W] has no value at any point that ran")
                .doesNotContain("perEndWatts");
    }
}
