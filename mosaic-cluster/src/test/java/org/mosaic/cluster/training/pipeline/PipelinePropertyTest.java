package org.mosaic.cluster.training.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.mosaic.cluster.training.pipeline.PipelineResult.Op;
import org.mosaic.cluster.training.pipeline.ReferencePipeline.Key;

/**
 * The event simulator against the independent longest-path reference ({@link ReferencePipeline}) on random small
 * pipelines: p ≤ 6, m ≤ 12, v ≤ 3, random positive op times per (stage, chunk), p2p 0 or random. The two compute
 * the same sums and maxima in the same association, so they agree to the last bit; the tolerance of 1e-12 of the
 * makespan only keeps the assertion honest about comparing doubles. The seed is fixed, so the run is
 * deterministic (no false-failure rate: it passes or fails the same way every time).
 */
class PipelinePropertyTest {

    record Case(PipelineSchedule schedule, PipelineInput input) {
    }

    @Provide
    Arbitrary<Case> cases() {
        return Arbitraries.integers().between(1, 6).flatMap(p -> Arbitraries.integers().between(1, 3).flatMap(v -> {
            Arbitrary<PipelineSchedule> schedules = v == 1 ? Arbitraries.of(PipelineSchedule.values())
                    : Arbitraries.just(PipelineSchedule.INTERLEAVED);
            // interleaving needs m a multiple of p; keep m ≤ 12 either way
            Arbitrary<Integer> microBatches = v == 1 ? Arbitraries.integers().between(1, 12)
                    : Arbitraries.integers().between(1, Math.max(1, 12 / p)).map(k -> k * p);
            Arbitrary<double[]> times = Arbitraries.doubles().between(0.01, 10).ofScale(4)
                    .array(double[].class).ofSize(2 * p * v);
            Arbitrary<Double> p2p = Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(0.0)),
                    Tuple.of(3, Arbitraries.doubles().between(0, 5).ofScale(4)));
            return Combinators.combine(schedules, microBatches, times, p2p)
                    .as((schedule, m, t, c) -> new Case(schedule, input(p, m, v, t, c)));
        }));
    }

    private static PipelineInput input(int p, int m, int v, double[] t, double p2p) {
        double[][] f = new double[p][v];
        double[][] b = new double[p][v];
        for (int s = 0; s < p; s++) {
            for (int c = 0; c < v; c++) {
                f[s][c] = t[2 * (s * v + c)];
                b[s][c] = t[2 * (s * v + c) + 1];
            }
        }
        return new PipelineInput(p, m, v, f, b, p2p);
    }

    @Property(tries = 400, seed = "20240607")
    void simulatorEqualsTheLongestPathThroughTheDependencyGraph(@ForAll("cases") Case c) {
        PipelineInput in = c.input();
        PipelineResult r = PipelineSimulator.simulateWithTimeline(c.schedule(), in);
        ReferencePipeline.Solution ref = ReferencePipeline.solve(c.schedule(), in);
        double tol = 1e-12 * ref.makespanSeconds();

        assertThat(r.makespanSeconds()).isCloseTo(ref.makespanSeconds(), within(tol));
        for (Op op : r.timeline()) {
            Key k = new Key(op.stage(), op.forward(), op.microBatch(), op.chunk());
            assertThat(op.startSeconds()).as("start of %s", k).isCloseTo(ref.start().get(k), within(tol));
            assertThat(op.endSeconds()).as("end of %s", k).isCloseTo(ref.end().get(k), within(tol));
        }
        // the fast path gives the same numbers as the recording one
        PipelineResult fast = PipelineSimulator.simulate(c.schedule(), in);
        assertThat(fast.timeline()).isEmpty();
        assertThat(fast.makespanSeconds()).isEqualTo(r.makespanSeconds());
        assertThat(fast.busySeconds()).containsExactly(r.busySeconds());
        assertThat(fast.peakInFlight()).containsExactly(r.peakInFlight());
        assertThat(fast.finishSeconds()).containsExactly(r.finishSeconds());
        assertThat(fast.lastBackwardStartSeconds()).containsExactly(r.lastBackwardStartSeconds());
    }

    @Property(tries = 300, seed = "20240608")
    void everyOpRunsOnceInMegatronOrderAndStagesNeverOverlap(@ForAll("cases") Case c) {
        PipelineInput in = c.input();
        int p = in.stages();
        PipelineResult r = PipelineSimulator.simulateWithTimeline(c.schedule(), in);
        List<Op> timeline = r.timeline();
        assertThat(timeline).hasSize(2 * p * in.microBatches() * in.chunks());

        for (int s = 0; s < p; s++) {
            final int stage = s;
            List<Op> ops = timeline.stream().filter(o -> o.stage() == stage).toList();
            // the stage's ops, as listed, are exactly Megatron's loop order (so each op once)
            List<Key> keys = ops.stream().map(o -> new Key(o.stage(), o.forward(), o.microBatch(), o.chunk())).toList();
            assertThat(keys).containsExactlyElementsOf(
                    ReferencePipeline.megatronOrder(c.schedule(), p, in.microBatches(), in.chunks(), s));
            // one compute stream: sorted by start, each op ends before the next starts
            List<Op> byStart = new ArrayList<>(ops);
            byStart.sort(Comparator.comparingDouble(Op::startSeconds));
            for (int i = 1; i < byStart.size(); i++) {
                assertThat(byStart.get(i).startSeconds()).as("stage %d op %d", s, i)
                        .isGreaterThanOrEqualTo(byStart.get(i - 1).endSeconds());
            }
            double busy = ops.stream().mapToDouble(o -> in.forwardSeconds(o.stage(), o.chunk()) * (o.forward() ? 1 : 0)
                    + in.backwardSeconds(o.stage(), o.chunk()) * (o.forward() ? 0 : 1)).sum();
            assertThat(r.busySeconds(s)).isCloseTo(busy, within(1e-12 * busy));
            assertThat(r.peakInFlight(s)).isEqualTo(ReferencePipeline.peakInFlight(keys));
            Op last = ops.get(ops.size() - 1);
            assertThat(last.forward()).isFalse();
            assertThat(r.finishSeconds()[s]).isEqualTo(last.endSeconds());
            assertThat(r.lastBackwardStartSeconds()[s]).isEqualTo(last.startSeconds());
            for (Op o : ops) {
                double expected = o.forward() ? in.forwardSeconds(s, o.chunk()) : in.backwardSeconds(s, o.chunk());
                assertThat(o.durationSeconds()).isCloseTo(expected, within(1e-12 * r.makespanSeconds()));
            }
        }
        double busiest = r.busiestStageSeconds();
        assertThat(r.bubbleSeconds()).isCloseTo(r.makespanSeconds() - busiest, within(1e-12 * r.makespanSeconds()));
        assertThat(r.bubbleSeconds()).isGreaterThanOrEqualTo(0);
    }
}
