package org.mosaic.link;

import java.util.List;
import org.mosaic.optics.ChannelSpec;

/**
 * One cable: the channel it is built from, the host interface it serves, its channel plan, power and
 * reliability inputs (immutable; bound and validated from a scenario by {@link LinkSpecs}).
 */
public record LinkSpec(ChannelSpec channel, HostInterface host, PowerModel.Attachment attachment, PlanSpec plan,
                       PowerSpec power, ReliabilityInputs reliability) {

    /**
     * A part that can fail, as the scenario states it.
     *
     * @param where              {@code channel} (one per channel), {@code end} (one per cable end) or {@code cable}
     * @param failureRatePerSecond constant (random) failure rate at the reference temperature (1 FIT = 1/(1e9 h))
     * @param activationEnergyJoules Arrhenius activation energy
     * @param wearOut            {@code none}, {@code weibull} or {@code lognormal}
     * @param wearOutScaleSeconds Weibull scale η or lognormal median life, at the reference temperature
     * @param wearOutShape       Weibull shape β or lognormal σ
     */
    public record Part(String name, String where, double failureRatePerSecond, double referenceTemperatureKelvin,
                       double activationEnergyJoules, String wearOut, double wearOutScaleSeconds, double wearOutShape) {
    }

    /** Operating conditions and parts. */
    public record ReliabilityInputs(double serviceLifeSeconds, double operatingTemperatureKelvin, List<Part> parts,
                                    int monteCarloTrials) {
    }

    public LinkSpec withChannel(ChannelSpec c) {
        return new LinkSpec(c, host, attachment, plan, power, reliability);
    }



    public LinkSpec withPlan(PlanSpec p) {
        return new LinkSpec(channel, host, attachment, p, power, reliability);
    }
}
