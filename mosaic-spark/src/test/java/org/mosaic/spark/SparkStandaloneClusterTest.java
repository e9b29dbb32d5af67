package org.mosaic.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.mosaic.studies.Progress;
import org.mosaic.sweep.LocalRunner;
import org.mosaic.sweep.RowFiles;
import org.mosaic.sweep.SweepPlan;
import org.mosaic.sweep.SweepSpec;

/**
 * A standalone Spark master and worker on 127.0.0.1, started from the build's own jars (no Spark distribution), run the
 * same sweep as the local runner: executors in their own JVMs, the rows equal after sorting by point.
 */
class SparkStandaloneClusterTest {
    @TempDir
    Path tmp;

    @Test
    @Timeout(value = 600, unit = TimeUnit.SECONDS)
    void aStandaloneMasterAndWorkerOnLoopbackRunTheSameSweepAsTheLocalRunner() throws Exception {
        List<String> sweep = List.of("cable", "--vary", "cable.host.attachment=pluggable,warp", "--vary",
                "cable.fiber.length=2 m,5 m", "--metrics", "power.perEndWatts");
        Path local = tmp.resolve("local");
        new LocalRunner(1).run(SweepPlan.of(SweepSpec.parse(sweep)), local, RowFiles.Format.PARQUET, Progress.quiet());
        Path out = tmp.resolve("spark");
        try (StandaloneCluster cluster = StandaloneCluster.start(tmp, 2)) {
            SparkSweep.Job job = SparkSweep.Job.parse(SparkSweepLocalTest.concat(sweep, "--spark", cluster.url(), "--out",
                    out.toString()));
            SparkSweep.Summary s;
            try {
                s = SparkSweep.execute(job, cluster.driverConf());
            } catch (RuntimeException e) {
                throw new AssertionError("the sweep failed on " + cluster.url() + "; worker log:\n"
                        + StandaloneCluster.tail(tmp.resolve("worker.log")), e);
            }
            assertThat(s.rows().rows()).isEqualTo(4);
            assertThat(s.rows().failed()).isEqualTo(2);
        }
        assertThat(SparkSweepLocalTest.rows(out)).containsExactlyElementsOf(SparkSweepLocalTest.rows(local));
    }
}
