package org.mosaic.cluster.training.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.mosaic.cluster.training.pipeline.PipelineSchedule.INTERLEAVED;
import static org.mosaic.cluster.training.pipeline.PipelineSchedule.ONE_F_ONE_B;

import org.junit.jupiter.api.Test;

/**
 * The simulator against closed forms. Op times are chosen so that no two coincide by accident (f ≠ b, neither a
 * multiple of the other), which would hide an op counted in the wrong direction. Tolerances are relative, 1e-12:
 * the simulator adds a few thousand doubles, so rounding is below 1e-13 of the result; a wrong schedule is off by
 * at least one op time, i.e. by more than 1e-3 of the result here.
 */
class PipelineClosedFormTest {

    private static final double F = 1.3e-3; // one stage's forward per micro-batch (s)
    private static final double B = 2.9e-3; // one stage's backward per micro-batch (s)
    private static final double TOL = 1e-12;

    private static double rel(double expected) {
        return TOL * Math.abs(expected);
    }

    /**
     * 1F1B with equal stages and free transfers: (m + p − 1)·(f + b) — m micro-batches through the bottleneck plus
     * p − 1 fill/drain slots — so the bubble is (p − 1)·(f + b) and its share of the step (p − 1)/(m + p − 1)
     * ([megatron-lm], [narayanan-2021]). Includes m &lt; p, where every stage is only warm-up.
     */
    @Test
    void oneFOneBUniformMakespanAndBubble() {
        for (int p = 1; p <= 9; p++) {
            for (int m : new int[] {1, 2, 3, 5, 8, 16, 33}) {
                PipelineResult r = PipelineSimulator.simulate(ONE_F_ONE_B, PipelineInput.uniform(p, m, 1, F, B, 0));
                double expected = (m + p - 1) * (F + B);
                assertThat(r.makespanSeconds()).as("p=%d m=%d", p, m).isCloseTo(expected, within(rel(expected)));
                assertThat(r.bubbleSeconds()).as("p=%d m=%d", p, m).isCloseTo((p - 1) * (F + B), within(rel(expected)));
                assertThat(r.bubbleFraction()).isCloseTo((p - 1.0) / (m + p - 1), within(1e-12));
                for (int s = 0; s < p; s++) {
                    assertThat(r.busySeconds(s)).isCloseTo(m * (F + B), within(rel(expected)));
                }
            }
        }
    }

    /**
     * Interleaved 1F1B, Narayanan et al. 2021 (arXiv 2104.04473) §2.2.2: with v chunks per stage the bubble is
     * (p − 1)·(f + b)/v, f and b being a whole stage's times (each chunk takes f/v and b/v), i.e. a bubble fraction
     * of (p − 1)/(v·m) of the ideal m·(f + b). Holds exactly for Megatron's order, including m = p.
     */
    @Test
    void interleavedUniformMatchesNarayanan() {
        for (int p = 1; p <= 8; p++) {
            for (int v = 2; v <= 5; v++) {
                for (int groups = 1; groups <= 4; groups++) {
                    int m = groups * p;
                    PipelineInput in = PipelineInput.uniform(p, m, v, F / v, B / v, 0);
                    PipelineResult r = PipelineSimulator.simulate(INTERLEAVED, in);
                    double ideal = m * (F + B);
                    double bubble = (p - 1) * (F + B) / v;
                    String at = String.format("p=%d v=%d m=%d", p, v, m);
                    assertThat(r.makespanSeconds()).as(at).isCloseTo(ideal + bubble, within(rel(ideal)));
                    assertThat(r.bubbleSeconds() / ideal).as(at).isCloseTo((p - 1.0) / (v * m), within(1e-9));
                    assertThat(r.busiestStageSeconds()).as(at).isCloseTo(ideal, within(rel(ideal)));
                }
            }
        }
    }

    /** Interleaving with v chunks beats 1F1B on the same work, and the gain is the bubble's factor v. */
    @Test
    void interleavingShrinksTheBubbleByV() {
        int p = 8;
        int m = 16;
        double plain = uniformStep(ONE_F_ONE_B, p, m, 1, 0) - m * (F + B);
        for (int v = 2; v <= 6; v++) {
            double inter = uniformStep(INTERLEAVED, p, m, v, 0) - m * (F + B);
            assertThat(inter).isCloseTo(plain / v, within(rel(m * (F + B))));
        }
    }

    /** One stage: no pipeline, no bubble, the step is m times the chunks' work, with or without a p2p cost. */
    @Test
    void oneStageHasNoBubble() {
        for (int v = 1; v <= 4; v++) {
            for (int m : new int[] {1, 2, 7}) {
                double[][] f = {new double[v]};
                double[][] b = {new double[v]};
                double work = 0;
                for (int c = 0; c < v; c++) {
                    f[0][c] = F * (1 + 0.1 * c);
                    b[0][c] = B * (1 + 0.2 * c);
                    work += f[0][c] + b[0][c];
                }
                PipelineInput in = new PipelineInput(1, m, v, f, b, 0.5); // p2p is ignored on one GPU
                for (PipelineSchedule s : PipelineSchedule.values()) {
                    if (s == ONE_F_ONE_B && v > 1) {
                        continue;
                    }
                    PipelineResult r = PipelineSimulator.simulate(s, in);
                    assertThat(r.makespanSeconds()).as("%s v=%d m=%d", s, v, m).isCloseTo(m * work, within(rel(m * work)));
                    assertThat(r.bubbleSeconds()).isZero();
                    assertThat(r.bubbleFraction()).isZero();
                }
            }
        }
    }

    /**
     * 1F1B with a p2p latency c (uniform times): derived exact step
     * T = (m + p − 1)·(f + b) + 2c·[(p − 1) + (m − 1) − ⌈(m − 1)/p⌉].
     *
     * <p>Derivation. The step is the longest path through the op graph. On stage r in the steady state a backward
     * B<sub>i</sub> is followed by the forward F<sub>i+p−r</sub>; so a path can turn at stage r: go down with
     * F<sub>i+d</sub> (d = p − r forwards, d − 1 transfers) to the last stage, where F and B of a micro-batch are
     * adjacent, and back up with B<sub>i+d</sub> (d backwards, d − 1 transfers). A turn of depth d advances the
     * micro-batch by d at the cost of d·(f + b) of work and 2(d − 1) transfers; a turn of depth 1 is a step along
     * the last stage with no transfer. Every path from F<sub>0</sub> on stage 0 down, through turns, to
     * B<sub>m−1</sub> back on stage 0 therefore does the same work, (p + m − 1)·(f + b): the c = 0 closed form. It
     * carries 2(p − 1) transfers for the first descent and the last ascent plus Σ 2(d<sub>t</sub> − 1) with
     * Σ d<sub>t</sub> = m − 1 and 1 ≤ d<sub>t</sub> ≤ p; that sum is largest with the fewest turns,
     * ⌈(m − 1)/p⌉ of them, giving 2(m − 1 − ⌈(m − 1)/p⌉). Since all these paths tie on work, the path with the
     * most transfers is the longest for every c ≥ 0: T is exactly linear in c. For m ≤ p+1 the extra is
     * 2(p − 1) + 2(m − 2)⁺, the "≈ 2(p − 1)·c" of the fill and drain; for m ≫ p it grows as 2c·(p − 1)/p per
     * micro-batch, because the steady state waits on a round trip through the pipeline.
     */
    @Test
    void oneFOneBWithP2pLatencyMatchesTheDerivedPath() {
        double[][] fbc = {{F, B, 0.2e-3}, {B, F, 1.7e-3}, {F, F * 0.37, 11e-3}}; // latency from ≪ f to ≫ f + b
        for (double[] x : fbc) {
            double f = x[0];
            double b = x[1];
            double c = x[2];
            for (int p = 2; p <= 8; p++) {
                for (int m = 1; m <= 24; m++) {
                    PipelineResult r = PipelineSimulator.simulate(ONE_F_ONE_B, PipelineInput.uniform(p, m, 1, f, b, c));
                    int turnsDepthSum = (m - 1) - ceilDiv(m - 1, p);
                    double expected = (m + p - 1) * (f + b) + 2 * c * ((p - 1) + turnsDepthSum);
                    assertThat(r.makespanSeconds()).as("f=%s b=%s c=%s p=%d m=%d", f, b, c, p, m)
                            .isCloseTo(expected, within(rel(expected)));
                }
            }
        }
    }

    /** One micro-batch goes down and back once: p·(f + b) + 2(p − 1)·c, for both schedules' v = 1 order. */
    @Test
    void singleMicroBatchPaysEveryHopOnce() {
        double c = 0.7e-3;
        for (int p = 1; p <= 8; p++) {
            double expected = p * (F + B) + 2 * (p - 1) * c;
            for (PipelineSchedule s : PipelineSchedule.values()) {
                PipelineResult r = PipelineSimulator.simulate(s, PipelineInput.uniform(p, 1, 1, F, B, c));
                assertThat(r.makespanSeconds()).as("%s p=%d", s, p).isCloseTo(expected, within(rel(expected)));
            }
        }
    }

    /**
     * Interleaving and a small p2p latency c: the step grows by exactly 2(p·v − 1)·c, one micro-batch's crossings of
     * all p·v − 1 chunk boundaries down and back, whatever m — unlike 1F1B, whose steady state exposes c on every
     * round trip (test above). This is an observed property of Megatron's order, not derived here: its warm-up
     * runs p − r − 1 forwards more than 1F1B would, and that slack absorbs a small latency in the steady state.
     * T(c) is the longest of finitely many paths, each linear in c, so it is convex and piecewise linear; the
     * slope at c → 0 is what is measured (c = 1e-9 s against op times of 1e-3 s, far below any breakpoint; the
     * rounding of T ≈ 0.1 s is ~1e-17 s, 1e-8 of the difference measured), and by convexity
     * T(c) ≥ T(0) + 2(p·v − 1)·c for every larger c, which is checked at c = 0.4 ms.
     */
    @Test
    void interleavedExposesOneRoundTripOfSmallLatency() {
        double epsilon = 1e-9;
        for (int p = 2; p <= 5; p++) {
            for (int v = 2; v <= 4; v++) {
                for (int groups = 1; groups <= 4; groups++) {
                    int m = groups * p;
                    double t0 = uniformStep(INTERLEAVED, p, m, v, 0);
                    double tEps = uniformStep(INTERLEAVED, p, m, v, epsilon);
                    double tBig = uniformStep(INTERLEAVED, p, m, v, 0.4e-3);
                    String at = String.format("p=%d v=%d m=%d", p, v, m);
                    assertThat((tEps - t0) / epsilon).as(at).isCloseTo(2.0 * (p * v - 1), within(1e-4));
                    assertThat(tBig - t0).as(at).isGreaterThanOrEqualTo(2 * (p * v - 1) * 0.4e-3 * (1 - 1e-9));
                }
            }
        }
    }

    /** 1F1B: stage r holds at most p − r micro-batches' activations (warm-up p − r − 1, plus one), capped by m. */
    @Test
    void oneFOneBPeakInFlightIsPMinusR() {
        for (int p = 1; p <= 8; p++) {
            for (int m : new int[] {1, 3, 8, 20}) {
                PipelineResult r = PipelineSimulator.simulate(ONE_F_ONE_B, PipelineInput.uniform(p, m, 1, F, B, 1e-4));
                for (int s = 0; s < p; s++) {
                    assertThat(r.peakInFlight(s)).as("p=%d m=%d stage %d", p, m, s).isEqualTo(Math.min(p - s, m));
                    assertThat(ONE_F_ONE_B.warmupForwards(p, m, 1, s)).isEqualTo(Math.min(p - s - 1, m));
                }
            }
        }
    }

    /**
     * Interleaved: stage 0 holds warm-up + 1 = 2(p − 1) + (v − 1)·p + 1 chunk activations (Megatron's
     * {@code max_outstanding_backprops = num_warmup_microbatches + 1}); in whole-stage units that is
     * p·(1 + (p − 1)/(p·v)), the interleaving memory factor of Korthikanti et al. 2022 (arXiv 2205.05198, recalled,
     * not in our sources). Every stage r: min(warm-up(r) + 1, m·v).
     */
    @Test
    void interleavedPeakInFlightIsWarmupPlusOne() {
        for (int p = 2; p <= 8; p++) {
            for (int v = 2; v <= 4; v++) {
                for (int groups : new int[] {1, 2, 5}) {
                    int m = groups * p;
                    PipelineResult r = PipelineSimulator.simulate(INTERLEAVED, PipelineInput.uniform(p, m, v, F / v, B / v, 1e-4));
                    for (int s = 0; s < p; s++) {
                        int warm = Math.min(2 * (p - s - 1) + (v - 1) * p, m * v);
                        assertThat(INTERLEAVED.warmupForwards(p, m, v, s)).isEqualTo(warm);
                        assertThat(r.peakInFlight(s)).as("p=%d v=%d m=%d stage %d", p, v, m, s)
                                .isEqualTo(Math.min(warm + 1, m * v));
                    }
                    if (m * v > 2 * (p - 1) + (v - 1) * p) { // stage 0 not all warm-up
                        double stageUnits = r.peakInFlight(0) / (double) v;
                        assertThat(stageUnits).isCloseTo(p * (1 + (p - 1.0) / (p * v)), within(1e-12));
                    }
                }
            }
        }
    }

    /** v = 1 interleaving is the non-interleaved schedule, op for op (what Megatron runs without a virtual size). */
    @Test
    void interleavedWithOneChunkIsOneFOneB() {
        double[][] f = {{1.1e-3}, {1.7e-3}, {0.9e-3}, {1.3e-3}};
        double[][] b = {{2.3e-3}, {3.9e-3}, {2.2e-3}, {2.0e-3}};
        for (int m : new int[] {1, 3, 4, 9}) { // m need not be a multiple of p for v = 1
            PipelineInput in = new PipelineInput(4, m, 1, f, b, 0.2e-3);
            assertThat(PipelineSimulator.simulateWithTimeline(INTERLEAVED, in))
                    .isEqualTo(PipelineSimulator.simulateWithTimeline(ONE_F_ONE_B, in));
        }
    }

    /**
     * A straggler: one stage 2× slower. Checked op by op against the longest path of the dependency graph
     * ({@link ReferencePipeline}) at every position, both schedules, with and without p2p; and against a bound
     * that holds for any order: the step is at least the straggler's own work, plus the fill before micro-batch 0
     * reaches it and the drain of the last micro-batch's gradient from it back to stage 0.
     */
    @Test
    void stragglerStageAgreesWithTheDependencyGraph() {
        int p = 5;
        int m = 10;
        for (int v : new int[] {1, 2}) {
            PipelineSchedule schedule = v == 1 ? ONE_F_ONE_B : INTERLEAVED;
            for (double c : new double[] {0, 0.4e-3}) {
                for (int slow = 0; slow < p; slow++) {
                    double[][] f = new double[p][v];
                    double[][] b = new double[p][v];
                    for (int s = 0; s < p; s++) {
                        for (int ch = 0; ch < v; ch++) {
                            f[s][ch] = (s == slow ? 2 : 1) * F / v;
                            b[s][ch] = (s == slow ? 2 : 1) * B / v;
                        }
                    }
                    PipelineInput in = new PipelineInput(p, m, v, f, b, c);
                    PipelineResult r = PipelineSimulator.simulate(schedule, in);
                    double reference = ReferencePipeline.solve(schedule, in).makespanSeconds();
                    String at = String.format("v=%d c=%s slow stage %d", v, c, slow);
                    assertThat(r.makespanSeconds()).as(at).isCloseTo(reference, within(rel(reference)));
                    double slowWork = 2 * m * (F + B);
                    assertThat(r.busiestStageSeconds()).isCloseTo(slowWork, within(rel(slowWork)));
                    // the slow stage cannot start before micro-batch 0's first chunk reaches it, nor end before the
                    // last backward it sends has gone back through the stages before it
                    double fill = slow * (F / v + c);
                    double drain = slow * (B / v + c);
                    assertThat(r.makespanSeconds()).as(at).isGreaterThanOrEqualTo((fill + slowWork + drain) * (1 - TOL));
                    assertThat(r.makespanSeconds()).as(at).isGreaterThan(uniformStep(schedule, p, m, v, c));
                }
            }
        }
    }

    /** Makespan with every stage and chunk alike: a whole stage takes F forward and B backward per micro-batch. */
    private static double uniformStep(PipelineSchedule schedule, int p, int m, int v, double p2pSeconds) {
        return PipelineSimulator.simulate(schedule, PipelineInput.uniform(p, m, v, F / v, B / v, p2pSeconds)).makespanSeconds();
    }

    private static int ceilDiv(int a, int b) {
        return -Math.floorDiv(-a, b);
    }
}
