package org.mosaic.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A standalone master and worker on loopback, from the build's own jars, run the same sweep as the plan alone. */
class SparkStandaloneClusterTest {
    @TempDir
    Path tmp;

    @Test
    @Timeout(value = 600, unit = TimeUnit.SECONDS)
    void aStandaloneMasterAndWorkerOnLoopbackRunTheSameSweep() throws Exception {
        Path out = tmp.resolve("sweep");
        List<String> args = List.of("cable", "--vary", "cable.fiber.length=5 m,-3 m",
                "--out", out.toString());
        try (StandaloneCluster cluster = StandaloneCluster.start(tmp, 2)) {
            SparkSweep.Job job = SparkSweep.Job.parse(SparkSweepLocalTest.concat(args, "--spark", cluster.url()));
            SparkSweep.Summary s;
            try {
                s = SparkSweep.execute(job, cluster.driverConf());
            } catch (RuntimeException e) {
                throw new AssertionError("the sweep failed on " + cluster.url() + "; worker log:\n"
                        + StandaloneCluster.tail(tmp.resolve("worker.log")), e);
            }
            assertThat(s.points()).isEqualTo(2);
        }
        PointPlan plan = Plans.of(args);
        List<Object[]> actual = SparkSweepLocalTest.read(out);
        List<Object[]> expected = new ArrayList<>();
        for (long i = 0; i < plan.size(); i++) {
            expected.add(plan.evaluate(i));
        }
        assertThat(actual).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.get(i)).as("point %d", i).containsExactly(expected.get(i));
        }
    }
}
