package org.mosaic.link.baseline;

/**
 * The electrical loss budget of a host lane at its Nyquist frequency ([amd-xapp1392], [intel-an846-kp4]): the
 * SerDes bump-to-bump budget is split into the fixed host-side part (package, PCB trace and connector of
 * both hosts, plus the cable's plugs/paddle cards) and what is left for the cable. A passive cable
 * reaches {@code cableAllowanceDb / IL(f_Nyquist)}; the fixed part is already subtracted in the allowance.
 *
 * @param lane              the lane signalling this budget applies to
 * @param cableAllowanceDb  insertion loss left for the twinax at f_Nyquist (dB)
 * @param hostAndPlugLossDb host + plug losses of both ends at f_Nyquist (dB); allowance + this = bump-to-bump budget
 */
public record CopperBudget(LaneSignal lane, double cableAllowanceDb, double hostAndPlugLossDb) {

    public CopperBudget {
        if (lane == null) {
            throw new IllegalArgumentException("copper budget without a lane — expected the lane signalling it applies to");
        }
        if (!(cableAllowanceDb > 0 && Double.isFinite(cableAllowanceDb))) {
            throw new IllegalArgumentException("lane " + lane.name() + ": cable allowance " + cableAllowanceDb
                    + " dB — expected a positive finite loss in dB (hint: [amd-xapp1392], [intel-an846-kp4] gives 9.5-17 dB)");
        }
        if (!(hostAndPlugLossDb >= 0 && Double.isFinite(hostAndPlugLossDb))) {
            throw new IllegalArgumentException("lane " + lane.name() + ": host and plug loss " + hostAndPlugLossDb
                    + " dB — expected a finite loss >= 0 dB");
        }
    }

    /** The SerDes bump-to-bump budget at f_Nyquist: the cable allowance plus the fixed host and plug losses. */
    public double bumpToBumpDb() {
        return cableAllowanceDb + hostAndPlugLossDb;
    }
}
