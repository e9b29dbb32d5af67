package org.mosaic.cluster.layout;

/**
 * How a rack is cooled; it bounds the rack power budget a layout may ask for.
 *
 * <p>The air limit is assumed (no published figure found): tens of kW per rack is where air cooling stops in practice,
 * and an NVL72 at ~120 kW is liquid-cooled ([nvidia-nvl72], [introl-gb300]). The liquid limit is above the largest rack
 * the reference names (Kyber NVL576, &gt; 600 kW, [nvidia-nvl72], [introl-gb300]), a bound against typos.
 */
public enum Cooling {
    /** Air-cooled: budget at most 50 kW (assumed, see above). */
    AIR(50e3),
    /** Liquid-cooled: budget at most 1 MW (a typo bound above Kyber NVL576's &gt; 600 kW, [nvidia-nvl72], [introl-gb300]). */
    LIQUID(1e6);

    private final double maxRackWatts;

    Cooling(double maxRackWatts) {
        this.maxRackWatts = maxRackWatts;
    }

    /** The largest rack power budget this cooling class accepts (W). */
    public double maxRackWatts() {
        return maxRackWatts;
    }
}
