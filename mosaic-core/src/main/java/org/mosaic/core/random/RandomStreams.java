package org.mosaic.core.random;

import java.util.random.RandomGenerator.SplittableGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * Reproducible random streams: one root generator per seed (default 0), and one independent stream per
 * purpose made by {@code split()} of the root — never by adding to a seed. Streams are handed out in a
 * fixed order of purposes, so the same scenario and seed always give the same numbers.
 */
public final class RandomStreams {
    /** L64X128MixRandom: splittable, statistically strong, in the JDK (JEP 356). */
    public static final String ALGORITHM = "L64X128MixRandom";

    private final long seed;

    private RandomStreams(long seed) {
        this.seed = seed;
    }

    public static RandomStreams of(long seed) {
        return new RandomStreams(seed);
    }

    public long seed() {
        return seed;
    }

    /** The stream for one purpose. Purposes are numbered: stream k is the k-th split of the root. */
    public SplittableGenerator stream(Purpose purpose) {
        SplittableGenerator r = (SplittableGenerator) RandomGeneratorFactory.of(ALGORITHM).create(seed);
        SplittableGenerator s = null;
        for (int i = 0; i <= purpose.ordinal(); i++) {
            s = r.split();
        }
        return s;
    }

    /** The purposes that draw random numbers, in the fixed order that defines their streams. */
    public enum Purpose {
        EMITTER_SPREAD,
        MONTE_CARLO_BITS,
        MONTE_CARLO_NOISE,
        MONTE_CARLO_CROSSTALK,
        SYNTHETIC_DATA,
        /** Failure times of channels and common-mode parts in the reliability Monte Carlo. */
        RELIABILITY,
        /** Payload bits of the datapath emulator. */
        DATAPATH_PAYLOAD,
        /** Channel errors, bursts and failures of the datapath emulator. */
        DATAPATH_ERRORS,
        /** Biased draws of the importance sampler. */
        DATAPATH_IMPORTANCE,
        /** Link failure times of the fleet Monte Carlo. */
        FLEET_FAILURES,
        /** Failure times, repair and restart draws of the training-campaign (goodput) Monte Carlo. */
        TRAINING_FAILURES
    }
}
