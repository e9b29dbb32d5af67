package org.mosaic.link;

/**
 * How the cable lays its channels out (validated by {@link LinkSpecs}).
 *
 * @param spareCount        spare channels (NaN-free: {@code -1} when {@code spareFraction} is used instead)
 * @param spareFraction     spares as a fraction of the data channels, rounded up (used when spareCount < 0)
 * @param parityChannels    channels carrying cross-channel parity (ECC across channels); needed, not spare
 * @param emitterPitchMeters centre-to-centre pitch of the microLED (and photodiode) array
 * @param magnification     image size on the fibre face / array size (1 = 1:1 imaging); NaN with whole-array
 *                          imaging means "the emitter's": optics.spotDiameter / led.emitterDiameter
 * @param sparePlacement    {@code edge} (spares fill the last grid rows) or {@code distributed} (spread evenly)
 * @param lengthMismatchMeters largest length difference between cores seen by two channels (one fibre: tiny)
 * @param coreDelaySpreadSecondsPerMeter largest core-to-core group-delay difference per metre of fibre
 * @param deskewGuardBits   bits the deskew buffer keeps beyond the largest skew (for drift and alignment)
 * @param imaging           {@code per-emitter} (each emitter its own micro-optic, which sets the spot; the array's
 *                          pitch is relayed at {@code magnification}) or {@code whole-array} (one lens images the
 *                          array, so the array and each emitter share one magnification, spot ÷ emitter)
 */
public record PlanSpec(int spareCount, double spareFraction, int parityChannels, double emitterPitchMeters,
                       double magnification, String sparePlacement, double lengthMismatchMeters,
                       double coreDelaySpreadSecondsPerMeter, int deskewGuardBits, String imaging) {

    /** Per-emitter imaging (each emitter its own micro-optic). */
    public PlanSpec(int spareCount, double spareFraction, int parityChannels, double emitterPitchMeters,
                    double magnification, String sparePlacement, double lengthMismatchMeters,
                    double coreDelaySpreadSecondsPerMeter, int deskewGuardBits) {
        this(spareCount, spareFraction, parityChannels, emitterPitchMeters, magnification, sparePlacement,
                lengthMismatchMeters, coreDelaySpreadSecondsPerMeter, deskewGuardBits, PER_EMITTER);
    }

    public static final String PER_EMITTER = "per-emitter";
    public static final String WHOLE_ARRAY = "whole-array";

    public PlanSpec {
        if (spareCount < 0 && !(spareFraction >= 0)) {
            throw new IllegalArgumentException("spares: give a count (>= 0) or a fraction (>= 0), got " + spareCount
                    + " and " + spareFraction);
        }
        if (!imaging.equals(PER_EMITTER) && !imaging.equals(WHOLE_ARRAY)) {
            throw new IllegalArgumentException("imaging \"" + imaging + "\": expected per-emitter or whole-array");
        }
        boolean derived = imaging.equals(WHOLE_ARRAY) && Double.isNaN(magnification);
        if (parityChannels < 0 || !(emitterPitchMeters > 0) || !(derived || magnification > 0) || deskewGuardBits < 0
                || !(lengthMismatchMeters >= 0) || !(coreDelaySpreadSecondsPerMeter >= 0)) {
            throw new IllegalArgumentException("invalid channel plan " + this);
        }
        if (!sparePlacement.equals("edge") && !sparePlacement.equals("distributed")) {
            throw new IllegalArgumentException("spare placement \"" + sparePlacement + "\": expected edge or distributed");
        }
    }

    /** Spares for a given number of data channels. */
    public int spares(int dataChannels) {
        return spareCount >= 0 ? spareCount : (int) Math.ceil(dataChannels * spareFraction - 1e-9);
    }


    public PlanSpec withParity(int n) {
        return new PlanSpec(spareCount, spareFraction, n, emitterPitchMeters, magnification, sparePlacement,
                lengthMismatchMeters, coreDelaySpreadSecondsPerMeter, deskewGuardBits, imaging);
    }
}
