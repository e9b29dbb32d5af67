package org.mosaic.cluster.training.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Validation messages, immutability, and the guard against an op order that blocks. */
class PipelineInputTest {

    private static final double[][] ONE = {{1e-3}};

    @Test
    void shapeIsValidatedWithTheValueAndAHint() {
        assertThatThrownBy(() -> PipelineInput.uniform(0, 4, 1, 1e-3, 2e-3, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pipeline stages 0").hasMessageContaining("at least 1");
        assertThatThrownBy(() -> PipelineInput.uniform(2, 0, 1, 1e-3, 2e-3, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("micro-batches 0");
        assertThatThrownBy(() -> PipelineInput.uniform(2, 4, -1, 1e-3, 2e-3, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("model chunks per stage -1");
        assertThatThrownBy(() -> PipelineInput.uniform(1 << 12, 1 << 12, 1, 1e-3, 2e-3, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("33554432 ops").hasMessageContaining("at most");
    }

    @Test
    void timesAreValidatedPerEntry() {
        assertThatThrownBy(() -> new PipelineInput(1, 1, 1, null, ONE, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("forwardSeconds null").hasMessageContaining("PipelineInput.uniform");
        assertThatThrownBy(() -> new PipelineInput(2, 1, 1, ONE, ONE, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("forwardSeconds has 1 rows").hasMessageContaining("2");
        assertThatThrownBy(() -> new PipelineInput(1, 1, 2, new double[][] {{1, 1}}, ONE, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("backwardSeconds[0] has 1 entries");
        assertThatThrownBy(() -> new PipelineInput(1, 1, 1, ONE, new double[][] {{Double.NaN}}, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("backwardSeconds[0][0] NaN");
        assertThatThrownBy(() -> new PipelineInput(1, 1, 1, new double[][] {{0}}, ONE, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("forwardSeconds[0][0] 0.0")
                .hasMessageContaining("positive");
        assertThatThrownBy(() -> new PipelineInput(1, 1, 1, ONE, ONE, -1e-6)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("p2pSeconds -1.0E-6");
        assertThatThrownBy(() -> new PipelineInput(1, 1, 1, ONE, ONE, Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Infinity");
    }

    @Test
    void schedulesRejectShapesTheyCannotRun() {
        PipelineInput twoChunks = PipelineInput.uniform(4, 8, 2, 1e-3, 2e-3, 0);
        assertThatThrownBy(() -> PipelineSimulator.simulate(PipelineSchedule.ONE_F_ONE_B, twoChunks))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("chunks per stage 2")
                .hasMessageContaining("INTERLEAVED");
        PipelineInput notAMultiple = PipelineInput.uniform(4, 6, 2, 1e-3, 2e-3, 0);
        assertThatThrownBy(() -> PipelineSimulator.simulate(PipelineSchedule.INTERLEAVED, notAMultiple))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("micro-batches 6")
                .hasMessageContaining("multiple of the 4 pipeline stages").hasMessageContaining("use 4 or 8");
        PipelineInput fewerThanP = PipelineInput.uniform(4, 3, 2, 1e-3, 2e-3, 0);
        assertThatThrownBy(() -> PipelineSimulator.simulate(PipelineSchedule.INTERLEAVED, fewerThanP))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("use 4 micro-batches");
        assertThatThrownBy(() -> PipelineSimulator.simulate(null, fewerThanP)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("schedule null");
        assertThatThrownBy(() -> PipelineSimulator.simulate(PipelineSchedule.ONE_F_ONE_B, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("input null");
        assertThatThrownBy(() -> PipelineSchedule.ONE_F_ONE_B.warmupForwards(4, 8, 1, 4))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("stage 4");
        // v = 1 interleaving does not need m to be a multiple of p
        assertThat(PipelineSimulator.simulate(PipelineSchedule.INTERLEAVED, PipelineInput.uniform(4, 6, 1, 1e-3, 2e-3, 0))
                .makespanSeconds()).isPositive();
    }

    @Test
    void inputsAndResultsAreImmutable() {
        double[][] f = {{1e-3, 2e-3}, {1e-3, 2e-3}};
        double[][] b = {{3e-3, 4e-3}, {3e-3, 4e-3}};
        PipelineInput in = new PipelineInput(2, 4, 2, f, b, 1e-4);
        f[0][0] = 99;
        in.forwardSeconds()[0][1] = 99;
        assertThat(in.forwardSeconds(0, 0)).isEqualTo(1e-3);
        assertThat(in.forwardSeconds(0, 1)).isEqualTo(2e-3);
        assertThat(in).isEqualTo(new PipelineInput(2, 4, 2, new double[][] {{1e-3, 2e-3}, {1e-3, 2e-3}}, b, 1e-4));
        assertThat(in.stageSecondsPerMicroBatch(1)).isEqualTo(1e-3 + 2e-3 + 3e-3 + 4e-3);

        PipelineResult r = PipelineSimulator.simulateWithTimeline(PipelineSchedule.INTERLEAVED, in);
        double busy = r.busySeconds(0);
        r.busySeconds()[0] = -1;
        r.peakInFlight()[0] = -1;
        assertThat(r.busySeconds(0)).isEqualTo(busy);
        assertThat(r.peakInFlight(0)).isPositive();
        assertThatThrownBy(() -> r.timeline().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThat(r.stages()).isEqualTo(2);
    }

    /**
     * The bug guard: stage 0 with no warm-up (F0 B0 F1 B1) and stage 1 with one (F0 F1 B0 B1) wait on each other —
     * stage 1's F1 needs stage 0's F1, which comes after B0, which needs stage 1's B0, which comes after its F1.
     */
    @Test
    void anOrderThatBlocksIsReportedNotHung() {
        PipelineInput in = PipelineInput.uniform(2, 2, 1, 1e-3, 2e-3, 0);
        assertThatThrownBy(() -> PipelineSimulator.run(in, "broken", new int[] {0, 1}, false))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("broken blocked")
                .hasMessageContaining("stage 0 at op 1 (B mb 0 chunk 0)")
                .hasMessageContaining("stage 1 at op 1 (F mb 1 chunk 0)");
        // the same two stages with Megatron's warm-ups (1, 0) run
        assertThat(PipelineSimulator.run(in, "1F1B", new int[] {1, 0}, false).makespanSeconds()).isPositive();
    }
}
