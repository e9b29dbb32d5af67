package org.mosaic.link.reliability;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.random.RandomGenerator.SplittableGenerator;
import java.util.stream.IntStream;
import org.hipparchus.stat.interval.BinomialProportion;
import org.hipparchus.stat.interval.ConfidenceInterval;
import org.mosaic.core.random.RandomStreams;

/**
 * Monte Carlo cross-check of {@link CableReliability}, sharing none of its algebra: in every trial each copy of
 * every part draws its own failure time — min(exponential at its accelerated rate, wear-out time / AF), the
 * competing risks — for every channel of every direction and every common-mode part. A channel dies at the
 * first failure of its parts; a direction at the (n−k+1)-th channel death (hot spares, immediate remapping,
 * no repair: {@link CableReliability#POLICY}); the cable at the first of the directions and common-mode parts.
 * The same draws give the cable without spares (the first k channels of each direction: common random numbers).
 *
 * <p>Randomness: the stream {@code RandomStreams.of(seed).stream(RELIABILITY)} is split once per chunk of
 * {@link #CHUNK_TRIALS} trials, in chunk order, before any chunk runs; chunks are merged in order. The result
 * is therefore the same for a seed whether the chunks run on one thread or many.
 */
public final class ReliabilityMonteCarlo {
    /** Trials per random stream. */
    public static final int CHUNK_TRIALS = 1024;
    /** Most trials accepted (the exhaustion times are kept for their quantiles: 8 bytes per trial). */
    public static final long MAX_TRIALS = 10_000_000;
    private static final double Z95 = 1.959963984540054;

    private ReliabilityMonteCarlo() {
    }

    /** Runs {@code trials} cables with the given seed, chunks in parallel. */
    public static MonteCarloResult run(CableReliabilitySpec spec, long trials, long seed) {
        return run(spec, trials, seed, true);
    }

    /** Runs {@code trials} cables; {@code parallel} changes the speed, never the result. */
    public static MonteCarloResult run(CableReliabilitySpec spec, long trials, long seed, boolean parallel) {
        Tally t = tally(spec, trials, seed, parallel);
        List<MonteCarloResult.QuantileEstimate> quantiles = new ArrayList<>();
        for (double q : CableReliability.EXHAUSTION_QUANTILES) {
            quantiles.add(quantile(t.exhaustionHours, q));
        }
        return new MonteCarloResult(trials, seed, CHUNK_TRIALS, proportion(t.survived, trials),
                proportion(t.survivedWithoutSpares, trials), proportion(t.exhausted, trials), t.life.estimate(),
                t.lifeWithoutSpares.estimate(), quantiles);
    }

    /** Raw tallies; {@code exhaustionHours} sorted ascending. */
    record Tally(long survived, long survivedWithoutSpares, long exhausted, Moments life, Moments lifeWithoutSpares,
                 double[] exhaustionHours) {
    }

    static Tally tally(CableReliabilitySpec spec, long trials, long seed, boolean parallel) {
        if (trials < 2 || trials > MAX_TRIALS) {
            throw new IllegalArgumentException("Monte Carlo trials = " + trials + " — expected 2 to " + MAX_TRIALS);
        }
        Sampler sampler = new Sampler(spec);
        int chunks = (int) ((trials + CHUNK_TRIALS - 1) / CHUNK_TRIALS);
        SplittableGenerator root = RandomStreams.of(seed).stream(RandomStreams.Purpose.RELIABILITY);
        SplittableGenerator[] streams = new SplittableGenerator[chunks];
        for (int c = 0; c < chunks; c++) {
            streams[c] = root.split();
        }
        double[] exhaustion = new double[(int) trials];
        ChunkTally[] parts = new ChunkTally[chunks];
        IntStream range = IntStream.range(0, chunks);
        (parallel ? range.parallel() : range).forEach(c -> {
            int from = c * CHUNK_TRIALS;
            int to = (int) Math.min(trials, (long) from + CHUNK_TRIALS);
            parts[c] = sampler.runChunk(streams[c], from, to, exhaustion);
        });
        long survived = 0;
        long survivedWithout = 0;
        long exhausted = 0;
        Moments life = Moments.EMPTY;
        Moments lifeWithout = Moments.EMPTY;
        for (ChunkTally p : parts) {
            survived += p.survived;
            survivedWithout += p.survivedWithoutSpares;
            exhausted += p.exhausted;
            life = life.merge(p.life);
            lifeWithout = lifeWithout.merge(p.lifeWithoutSpares);
        }
        Arrays.sort(exhaustion);
        return new Tally(survived, survivedWithout, exhausted, life, lifeWithout, exhaustion);
    }

    private record ChunkTally(long survived, long survivedWithoutSpares, long exhausted, Moments life,
                              Moments lifeWithoutSpares) {
    }

    /** Count, mean and sum of squared deviations (Welford), mergeable in a fixed order (Chan et al.). */
    record Moments(long count, double mean, double m2) {
        static final Moments EMPTY = new Moments(0, 0, 0);

        Moments merge(Moments o) {
            if (o.count == 0) {
                return this;
            }
            if (count == 0) {
                return o;
            }
            long n = count + o.count;
            double delta = o.mean - mean;
            return new Moments(n, mean + delta * o.count / n, m2 + o.m2 + delta * delta * count / n * o.count);
        }

        MonteCarloResult.Mean estimate() {
            double se = Math.sqrt(m2 / (count - 1) / count);
            return new MonteCarloResult.Mean(mean, se, mean - Z95 * se, mean + Z95 * se);
        }
    }

    /** Welford's running mean and squared deviations within one chunk. */
    private static final class Accumulator {
        private long count;
        private double mean;
        private double m2;

        void add(double x) {
            count++;
            double delta = x - mean;
            mean += delta / count;
            m2 += delta * (x - mean);
        }

        Moments moments() {
            return new Moments(count, mean, m2);
        }
    }

    private static MonteCarloResult.Proportion proportion(long successes, long trials) {
        double p = (double) successes / trials;
        ConfidenceInterval ci = BinomialProportion.getWilsonScoreInterval((int) trials, p, 0.95);
        return new MonteCarloResult.Proportion(successes, trials, p, Math.max(0, ci.getLowerBound()),
                Math.min(1, ci.getUpperBound()));
    }

    private static MonteCarloResult.QuantileEstimate quantile(double[] sorted, double q) {
        int n = sorted.length;
        double nq = n * q;
        double half = Z95 * Math.sqrt(nq * (1 - q));
        int est = (int) Math.min(n, Math.max(1, Math.ceil(nq)));
        int lo = (int) Math.min(n, Math.max(1, Math.floor(nq - half)));
        int hi = (int) Math.min(n, Math.max(1, Math.ceil(nq + half)));
        return new MonteCarloResult.QuantileEstimate(q, sorted[est - 1], sorted[lo - 1], sorted[hi - 1]);
    }

    /** Failure-time sampler of one spec: every copy of every part flattened with its accelerated law. */
    private static final class Sampler {
        private final int n;
        private final int k;
        private final int d;
        private final double life;
        private final Law[] channelLaws;
        private final Law[] commonLaws;

        /** One part copy: constant rate per hour at its temperature, wear-out at reference, and AF. */
        private record Law(double ratePerHour, WearOut wearOut, double af) {
            double sample(RandomGenerator rng) {
                double t = ratePerHour > 0 ? rng.nextExponential() / ratePerHour : Double.POSITIVE_INFINITY;
                return Math.min(t, wearOut.sampleHours(rng) / af);
            }
        }

        Sampler(CableReliabilitySpec spec) {
            n = spec.totalChannels();
            k = spec.neededChannels();
            d = spec.directions();
            life = spec.serviceLifeHours();
            channelLaws = laws(spec.channelParts(), 1);
            List<Law> common = new ArrayList<>(List.of(laws(spec.endParts(), CableReliabilitySpec.ENDS)));
            common.addAll(List.of(laws(spec.cableParts(), 1)));
            commonLaws = common.toArray(new Law[0]);
        }

        private static Law[] laws(List<Part> parts, int places) {
            List<Law> out = new ArrayList<>();
            for (int place = 0; place < places; place++) {
                for (Part p : parts) {
                    double af = p.accelerationFactor();
                    for (int c = 0; c < p.quantity(); c++) {
                        out.add(new Law(p.component().fitAtReference() / FitConversions.HOURS_PER_FIT_UNIT * af,
                                p.component().wearOut(), af));
                    }
                }
            }
            return out.toArray(new Law[0]);
        }

        ChunkTally runChunk(RandomGenerator rng, int from, int to, double[] exhaustionOut) {
            double[] channelTimes = new double[n];
            long survived = 0;
            long survivedWithout = 0;
            long exhausted = 0;
            Accumulator lifeM = new Accumulator();
            Accumulator lifeWithoutM = new Accumulator();
            for (int trial = from; trial < to; trial++) {
                double common = Double.POSITIVE_INFINITY;
                for (Law law : commonLaws) {
                    common = Math.min(common, law.sample(rng));
                }
                double groups = Double.POSITIVE_INFINITY;
                double firstNeeded = Double.POSITIVE_INFINITY;
                for (int dir = 0; dir < d; dir++) {
                    for (int ch = 0; ch < n; ch++) {
                        double t = Double.POSITIVE_INFINITY;
                        for (Law law : channelLaws) {
                            t = Math.min(t, law.sample(rng));
                        }
                        channelTimes[ch] = t;
                        if (ch < k) {
                            firstNeeded = Math.min(firstNeeded, t);
                        }
                    }
                    Arrays.sort(channelTimes);
                    groups = Math.min(groups, channelTimes[n - k]); // the (n−k+1)-th channel death
                }
                double cable = Math.min(common, groups);
                double cableWithout = Math.min(common, firstNeeded);
                survived += cable > life ? 1 : 0;
                survivedWithout += cableWithout > life ? 1 : 0;
                exhausted += groups <= life ? 1 : 0;
                lifeM.add(cable);
                lifeWithoutM.add(cableWithout);
                exhaustionOut[trial] = groups;
            }
            return new ChunkTally(survived, survivedWithout, exhausted, lifeM.moments(), lifeWithoutM.moments());
        }
    }
}
