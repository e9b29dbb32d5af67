package org.mosaic.link.baseline;

/**
 * How a catalog entry's reach is obtained: listed from a source, or computed by the {@link TwinaxModel}
 * (every copper entry; the practice reach the sources give is kept beside it, to check the model).
 */
public sealed interface ReachSpec {

    /** A reach (m) as the source gives it. */
    record Listed(Sourced meters) implements ReachSpec {
        public Listed {
            if (meters == null || !(meters.value() > 0)) {
                throw new IllegalArgumentException("listed reach " + (meters == null ? "missing" : meters.value() + " m")
                        + " — expected a positive length");
            }
        }
    }

    /**
     * A reach computed by the twinax model.
     *
     * @param cable          gauge and equalisation
     * @param redriverGain   provenance of the redriver gain, or {@code null} unless the equalisation is a redriver
     * @param practiceMeters the reach practice ships (longest length as value, shortest as min), or
     *                       {@code null} where the sources give none; never used as the reach
     */
    record Twinax(CopperReach cable, Sourced redriverGain, Sourced practiceMeters) implements ReachSpec {
        public Twinax {
            if (cable == null) {
                throw new IllegalArgumentException("twinax reach without a cable — expected gauge and equalisation");
            }
            if ((cable.equalisation() == Equalisation.REDRIVER) != (redriverGain != null)) {
                throw new IllegalArgumentException("twinax reach " + cable.describe()
                        + ": a redriver gain with its source is required for, and only for, equalisation redriver");
            }
            if (redriverGain != null && redriverGain.value() != cable.redriverGainDb()) {
                throw new IllegalArgumentException("twinax reach " + cable.describe() + ": redriver gain " + redriverGain.value()
                        + " dB differs from the cable's " + cable.redriverGainDb() + " dB");
            }
        }
    }
}
