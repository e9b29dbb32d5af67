package org.mosaic.studies;

import org.mosaic.optics.ChannelAnalysis;
import org.mosaic.optics.ChannelResult;
import org.mosaic.optics.ChannelSpec;

/**
 * Whether a channel closes (meets its BER target) at the length it is asked for, said in one sentence when it
 * does not: "the channel does not close at 50.0 m: BER 5.99e-3 vs target 2.4e-4; reach 45.6 m". The BER is
 * the nominal channel's, the same one the reach is solved on; derived from the model, never stored. Used by the
 * summaries of optics, link and emulate and by the report's cable and datapath sections.
 */
public final class Closure {
    private Closure() {
    }

    /** The sentence, or null when the channel meets its target at its length. */
    public static String statement(double lengthMeters, double ber, double target, String reach) {
        if (ber <= target) {
            return null;
        }
        return "the channel does not close at " + Output.meters(lengthMeters) + ": BER " + Output.ber(ber) + " (nominal channel) vs target "
                + Output.ber(target) + "; reach " + reach;
    }

    /** From a full channel evaluation. */
    public static String statement(ChannelResult r) {
        String reach = ChannelFacts.reach(r);
        return statement(r.fiberLengthMeters(), r.nominalBer(), r.berTarget(),
                r.arrayReach() == null ? reach : reach + " on the " + ChannelFacts.reachDefinition(r));
    }

    /**
     * Evaluates the nominal channel at its length, and its reach (under the design's target definition, named) only when
     * it misses the target.
     */
    public static String statement(ChannelSpec c) {
        double ber = ChannelAnalysis.nominalBer(c);
        if (ber <= c.berTarget()) {
            return null;
        }
        double reach = ChannelAnalysis.targetReach(c);
        return statement(c.fiber().lengthMeters(), ber, c.berTarget(), ChannelFacts.reach(reach, reach >= ChannelAnalysis.MAX_LENGTH)
                + " on the " + c.reachTarget().describe());
    }
}
