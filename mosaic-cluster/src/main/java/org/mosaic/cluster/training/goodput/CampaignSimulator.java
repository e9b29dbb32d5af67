package org.mosaic.cluster.training.goodput;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import java.util.random.RandomGenerator.SplittableGenerator;
import java.util.random.RandomGeneratorFactory;
import java.util.stream.IntStream;
import org.mosaic.core.random.RandomStreams;

/**
 * Discrete-event Monte Carlo of a training campaign, event-driven (it jumps from one state change or failure to the
 * next; it never steps time).
 *
 * <p><b>The job.</b> It computes; after {@code T} seconds of computation since the last completed checkpoint it
 * saves for {@code δ} seconds, and the work is committed when the save ends. Unplanned failures of every cause
 * arrive as independent Poisson processes in wall-clock time, whatever the job is doing. A failure, at any moment,
 * destroys the uncommitted work (computation since the last completed checkpoint, including a save in progress),
 * then the job spends the cause's detection time, waits until every part that needs replacing is replaced, and
 * restarts for {@code R}. A failure during detection, replacement or restart starts that sequence over with the new
 * cause's detection. A replacement (hot-spare swap or repair, per {@link Recovery}) starts when the job next notices
 * a fault — a fault still undetected when another one is noticed is found with it, as the job is torn down and its
 * hosts checked — and a replacement under way runs on through later failures. Every failure counts as an
 * interruption of its cause.
 *
 * <p><b>Planned stops.</b> A planned stop during computation takes a checkpoint first (nothing lost) and then restarts; during a save it
 * lets the save finish and then restarts; during a restart it restarts the restart; during detection or
 * replacement it costs nothing more (the maintenance happens while the job is down). Computation after the last
 * checkpoint when the campaign ends is reported as uncommitted, not productive.
 *
 * <p><b>Common random numbers.</b> Trial i uses the i-th {@code split()} of the {@code TRAINING_FAILURES} stream of
 * {@link RandomStreams#of(long)}; two longs drawn from it form the trial key. Cause c's failure times in trial i
 * come from an {@value RandomStreams#ALGORITHM} generator seeded with the 32 bytes of SHA-256(trial key ‖ 0x00 ‖
 * UTF-8 name of c): they depend only on (seed, i, name, the cause's own rate) — not on the other causes, their
 * order or their rates — so designs that differ only in one cause see identical failure times for the others.
 * Times are exponential gaps divided by the cause's rate (a rate change stretches them). Trials may run in
 * parallel; each depends only on its index and results are gathered in index order, so they do not depend on
 * the thread count.
 */
public final class CampaignSimulator {

    private static final RandomGeneratorFactory<RandomGenerator> FACTORY = RandomGeneratorFactory.of(RandomStreams.ALGORITHM);

    private CampaignSimulator() {
    }

    /**
     * One trial replayed on given events.
     *
     * @param result   the outcome (trial -1)
     * @param timeline its timeline
     */
    public record Replay(TrialResult result, Timeline timeline) {
    }

    /** Runs every trial, in parallel. */
    public static CampaignResult run(CampaignSpec spec) {
        return run(spec, true);
    }

    /** Runs every trial, in parallel or not (the result is the same). */
    public static CampaignResult run(CampaignSpec spec, boolean parallel) {
        return run(spec, parallel, () -> { });
    }

    /** Runs every trial, in parallel or not, calling {@code onTrial} (from any thread) as each trial ends. */
    public static CampaignResult run(CampaignSpec spec, boolean parallel, Runnable onTrial) {
        Require.present("campaign", spec, "e.g. CampaignDocument.standard().campaign(400, 0)");
        Engine engine = new Engine(spec);
        byte[][] keys = trialKeys(spec.seed(), spec.trials());
        IntStream indices = IntStream.range(0, spec.trials());
        if (parallel) {
            indices = indices.parallel();
        }
        Engine.Run[] runs = indices.mapToObj(i -> {
            Engine.Run r = engine.simulate(i, engine.events(keys[i]), i == 0);
            onTrial.run();
            return r;
        }).toArray(Engine.Run[]::new);
        return summarise(spec, runs);
    }

    /** The failure times of trial {@code trial} (what {@link #run} simulates), sorted by time then cause order. */
    public static List<FailureEvent> failureEvents(CampaignSpec spec, int trial) {
        Require.present("campaign", spec, "e.g. CampaignDocument.standard().campaign(400, 0)");
        if (trial < 0) {
            throw new IllegalArgumentException("trial " + trial + " — expected an index >= 0");
        }
        Engine engine = new Engine(spec);
        return engine.events(trialKeys(spec.seed(), trial + 1)[trial]).toList(spec.causes());
    }

    /**
     * One trial of {@code spec} on the given events instead of random ones (the trial count and seed are unused):
     * sorted by time, within the campaign, each naming one of the campaign's causes with its planned flag.
     */
    public static Replay replay(CampaignSpec spec, List<FailureEvent> events) {
        Require.present("campaign", spec, "e.g. CampaignDocument.standard().campaign(400, 0)");
        Require.present("events", events, "e.g. failureEvents(spec, 0)");
        Engine engine = new Engine(spec);
        double[] times = new double[events.size()];
        int[] causes = new int[events.size()];
        double previous = 0;
        for (int k = 0; k < events.size(); k++) {
            FailureEvent e = events.get(k);
            int c = spec.causes().indexOf(e.cause());
            if (c < 0) {
                throw new IllegalArgumentException("event " + k + ": cause '" + e.cause() + "' — expected one of " + spec.causes().names());
            }
            if (e.planned() != spec.causes().causes().get(c).planned()) {
                throw new IllegalArgumentException("event " + k + ": planned=" + e.planned() + " for cause '" + e.cause()
                        + "' — expected planned=" + !e.planned() + " as the cause says");
            }
            if (e.timeSeconds() < previous || e.timeSeconds() >= spec.horizonSeconds()) {
                throw new IllegalArgumentException("event " + k + " at " + e.timeSeconds() + " s — expected times in order within [0, "
                        + spec.horizonSeconds() + ") s");
            }
            previous = e.timeSeconds();
            times[k] = e.timeSeconds();
            causes[k] = c;
        }
        Engine.Run run = engine.simulate(-1, new Engine.Events(times, causes), true);
        return new Replay(run.result(), run.timeline());
    }

    /** The keys of trials 0..n−1: two longs of the i-th split of the TRAINING_FAILURES stream. */
    private static byte[][] trialKeys(long seed, int n) {
        SplittableGenerator root = RandomStreams.of(seed).stream(RandomStreams.Purpose.TRAINING_FAILURES);
        byte[][] keys = new byte[n][];
        for (int i = 0; i < n; i++) {
            SplittableGenerator trial = root.split();
            keys[i] = ByteBuffer.allocate(16).putLong(trial.nextLong()).putLong(trial.nextLong()).array();
        }
        return keys;
    }

    /** The generator of one cause in one trial: seeded with SHA-256(trial key ‖ 0x00 ‖ UTF-8 name). */
    static RandomGenerator causeGenerator(byte[] trialKey, String causeName) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(trialKey);
            sha.update((byte) 0);
            sha.update(causeName.getBytes(StandardCharsets.UTF_8));
            return FACTORY.create(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    private static CampaignResult summarise(CampaignSpec spec, Engine.Run[] runs) {
        int n = runs.length;
        List<FailureCause> causes = spec.causes().causes();
        double[] unplanned = new double[n];
        double[] planned = new double[n];
        double[] ettr = new double[n];
        double[] lost = new double[n];
        double[] rework = new double[n];
        double[] checkpoint = new double[n];
        double[] downtime = new double[n];
        double[][] byCause = new double[causes.size()][n];
        List<TrialResult> trials = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            TrialResult r = runs[i].result();
            trials.add(r);
            unplanned[i] = r.unplannedInterruptions();
            planned[i] = r.plannedInterruptions();
            ettr[i] = r.ettr();
            lost[i] = r.lostGpuHoursPerDay(spec.gpus());
            rework[i] = r.reworkSeconds();
            checkpoint[i] = r.checkpointSeconds();
            downtime[i] = r.downtimeSeconds();
            for (int c = 0; c < causes.size(); c++) {
                byCause[c][i] = r.interruptionsByCause().get(causes.get(c).name());
            }
        }
        Map<String, Estimate> perCause = new LinkedHashMap<>();
        for (int c = 0; c < causes.size(); c++) {
            perCause.put(causes.get(c).name(), Estimate.of(byCause[c]));
        }
        double renewal = Checkpointing.renewalEttr(spec.causes().unplanned(), spec.checkpoint(), spec.hotSpares());
        return new CampaignResult(spec, spec.expectedUnplannedFailures(), spec.expectedPlannedStops(), Estimate.of(unplanned),
                Estimate.of(planned), perCause, Estimate.of(ettr), Estimate.of(lost), Estimate.of(rework), Estimate.of(checkpoint),
                Estimate.of(downtime), renewal, trials, runs[0].timeline());
    }

    /** The campaign turned into arrays, and the state machine of one trial. */
    private static final class Engine {
        private final CampaignSpec spec;
        private final String[] names;
        private final double[] ratePerSecond;
        private final boolean[] planned;
        private final double[] detection;
        private final double[] replacementWait;
        private final double horizon;
        private final double interval;
        private final double save;
        private final double restart;

        Engine(CampaignSpec spec) {
            this.spec = spec;
            List<FailureCause> causes = spec.causes().causes();
            int n = causes.size();
            names = new String[n];
            ratePerSecond = new double[n];
            planned = new boolean[n];
            detection = new double[n];
            replacementWait = new double[n];
            for (int c = 0; c < n; c++) {
                FailureCause f = causes.get(c);
                names[c] = f.name();
                ratePerSecond[c] = f.ratePerSecond();
                planned[c] = f.planned();
                detection[c] = f.recovery().detectionSeconds();
                replacementWait[c] = f.recovery().replacementWaitSeconds(spec.hotSpares());
            }
            horizon = spec.horizonSeconds();
            interval = spec.checkpoint().intervalSeconds();
            save = spec.checkpoint().saveSeconds();
            restart = spec.checkpoint().restartSeconds();
        }

        /** Failure times of all causes in one trial, merged and sorted by (time, cause order). */
        record Events(double[] times, int[] causes) {
            List<FailureEvent> toList(FailureCauses all) {
                List<FailureEvent> out = new ArrayList<>(times.length);
                for (int k = 0; k < times.length; k++) {
                    FailureCause c = all.causes().get(causes[k]);
                    out.add(new FailureEvent(times[k], c.name(), c.planned()));
                }
                return out;
            }
        }

        Events events(byte[] trialKey) {
            double[][] perCause = new double[names.length][];
            int total = 0;
            for (int c = 0; c < names.length; c++) {
                perCause[c] = poissonTimes(trialKey, c);
                total += perCause[c].length;
            }
            // k-way merge of the sorted per-cause lists; ties go to the earlier cause
            int[] next = new int[names.length];
            double[] times = new double[total];
            int[] causes = new int[total];
            for (int k = 0; k < total; k++) {
                int best = -1;
                for (int c = 0; c < names.length; c++) {
                    if (next[c] < perCause[c].length && (best < 0 || perCause[c][next[c]] < perCause[best][next[best]])) {
                        best = c;
                    }
                }
                times[k] = perCause[best][next[best]++];
                causes[k] = best;
            }
            return new Events(times, causes);
        }

        /** Cause c's failure times in [0, horizon): exponential gaps over its rate, from its own generator. */
        private double[] poissonTimes(byte[] trialKey, int c) {
            double rate = ratePerSecond[c];
            if (rate <= 0) {
                return new double[0];
            }
            RandomGenerator rng = causeGenerator(trialKey, names[c]);
            double expected = rate * horizon;
            double[] out = new double[(int) (expected + 4 * Math.sqrt(expected) + 16)];
            int n = 0;
            double t = rng.nextExponential() / rate;
            while (t < horizon) {
                if (n == out.length) {
                    out = Arrays.copyOf(out, out.length * 2);
                }
                out[n++] = t;
                t += rng.nextExponential() / rate;
            }
            return Arrays.copyOf(out, n);
        }

        record Run(TrialResult result, Timeline timeline) {
        }

        private enum State {
            COMPUTE(Timeline.Kind.COMPUTE), CHECKPOINT(Timeline.Kind.CHECKPOINT), DETECT(Timeline.Kind.DETECT),
            REPLACE(Timeline.Kind.REPLACE), RESTART(Timeline.Kind.RESTART);

            final Timeline.Kind kind;

            State(Timeline.Kind kind) {
                this.kind = kind;
            }
        }

        /** Mutable state of one trial; never shared between threads. */
        private final class Trial {
            final boolean record;
            final List<Timeline.Segment> segments;
            int firstUncommitted;
            State state = State.COMPUTE;
            /** Whether the state was (re)entered since its last segment was recorded: a new segment begins. */
            boolean entered = true;
            double t;
            double end = interval;
            double work;
            boolean restartAfterSave;
            /** Longest replacement wait among faults not yet detected (their replacement starts at detection). */
            double pendingWait;
            /** When every part already being replaced is ready. */
            double replacedAt;
            double productive;
            double rework;
            double checkpointTime;
            double detectTime;
            double replaceTime;
            double restartTime;
            long commits;

            Trial(boolean record) {
                this.record = record;
                this.segments = record ? new ArrayList<>() : null;
            }

            /** Spends [t, next) in the current state. */
            void advance(double next) {
                if (next <= t) {
                    return;
                }
                double dt = next - t;
                switch (state) {
                    case COMPUTE -> work += dt;
                    case CHECKPOINT -> checkpointTime += dt;
                    case DETECT -> detectTime += dt;
                    case REPLACE -> replaceTime += dt;
                    case RESTART -> restartTime += dt;
                }
                if (record) {
                    if (entered) {
                        segments.add(new Timeline.Segment(state.kind, t, next));
                    } else { // an event that left the state as it was: extend its segment
                        Timeline.Segment last = segments.get(segments.size() - 1);
                        segments.set(segments.size() - 1, new Timeline.Segment(last.kind(), last.startSeconds(), next));
                    }
                }
                entered = false;
                t = next;
            }

            void enter(State next, double until) {
                state = next;
                end = until;
                entered = true;
            }

            void compute() {
                enter(State.COMPUTE, t + interval - work);
            }

            void commit() {
                productive += work;
                work = 0;
                commits++;
                if (record) {
                    firstUncommitted = segments.size();
                }
            }

            void startRestart() {
                if (restart > 0) {
                    enter(State.RESTART, t + restart);
                } else {
                    compute();
                }
            }

            /** The job has noticed the fault(s): replacements of every fault so far start now. */
            void afterDetection() {
                replacedAt = Math.max(replacedAt, t + pendingWait);
                pendingWait = 0;
                if (replacedAt > t) {
                    enter(State.REPLACE, replacedAt);
                } else {
                    startRestart();
                }
            }

            /** The current state has run to its end. */
            void finishState() {
                switch (state) {
                    case COMPUTE -> {
                        if (save > 0) {
                            enter(State.CHECKPOINT, t + save);
                        } else {
                            commit();
                            compute();
                        }
                    }
                    case CHECKPOINT -> {
                        commit();
                        if (restartAfterSave) {
                            restartAfterSave = false;
                            startRestart();
                        } else {
                            compute();
                        }
                    }
                    case DETECT -> afterDetection();
                    case REPLACE -> startRestart();
                    case RESTART -> compute();
                }
            }

            void unplanned(int c) {
                rework += work;
                work = 0;
                if (record) {
                    for (int s = firstUncommitted; s < segments.size(); s++) {
                        Timeline.Segment g = segments.get(s);
                        if (g.kind() == Timeline.Kind.COMPUTE) {
                            segments.set(s, new Timeline.Segment(Timeline.Kind.REWORK, g.startSeconds(), g.endSeconds()));
                        }
                    }
                    firstUncommitted = segments.size();
                }
                restartAfterSave = false;
                pendingWait = Math.max(pendingWait, replacementWait[c]); // 0 when nothing is replaced
                if (detection[c] > 0) {
                    enter(State.DETECT, t + detection[c]);
                } else {
                    afterDetection();
                }
            }

            void planned() {
                switch (state) {
                    case COMPUTE -> {
                        if (work > 0 && save > 0) {
                            enter(State.CHECKPOINT, t + save);
                            restartAfterSave = true;
                        } else {
                            if (work > 0) {
                                commit();
                            }
                            startRestart();
                        }
                    }
                    case CHECKPOINT -> restartAfterSave = true;
                    case RESTART -> startRestart();
                    case DETECT, REPLACE -> {
                        // the job is already down; the maintenance fits in the downtime
                    }
                }
            }
        }

        Run simulate(int trialIndex, Events events, boolean record) {
            double[] times = events.times();
            int[] causes = events.causes();
            long[] counts = new long[names.length];
            long unplannedCount = 0;
            long plannedCount = 0;
            Trial s = new Trial(record);
            int k = 0;
            while (true) {
                double f = k < times.length ? times[k] : Double.POSITIVE_INFINITY;
                s.advance(Math.min(s.end, Math.min(f, horizon)));
                if (s.t >= horizon) {
                    break;
                }
                if (s.end <= f) {
                    s.finishState();
                } else {
                    int c = causes[k++];
                    counts[c]++;
                    if (planned[c]) {
                        plannedCount++;
                        s.planned();
                    } else {
                        unplannedCount++;
                        s.unplanned(c);
                    }
                }
            }
            Map<String, Long> byCause = new LinkedHashMap<>();
            for (int c = 0; c < names.length; c++) {
                byCause.put(names[c], counts[c]);
            }
            TrialResult result = new TrialResult(trialIndex, Collections.unmodifiableMap(byCause), unplannedCount, plannedCount, s.commits,
                    horizon, s.productive, s.rework, s.work, s.checkpointTime, s.detectTime, s.replaceTime, s.restartTime);
            Timeline timeline = record ? new Timeline(s.segments, events.toList(spec.causes())) : null;
            return new Run(result, timeline);
        }
    }
}
