package org.mosaic.link;

import java.util.ArrayList;
import java.util.List;
import org.mosaic.core.units.Quantities;
import org.mosaic.link.reliability.CableReliability;
import org.mosaic.link.reliability.CableReliabilitySpec;
import org.mosaic.link.reliability.Component;
import org.mosaic.link.reliability.Part;
import org.mosaic.link.reliability.ReliabilityResult;
import org.mosaic.link.reliability.WearOut;

/**
 * One cable evaluated: plan, power per end (for the spec's host attachment and the other one) and
 * reliability. A pure function of the spec; no optics solving (reach is the channel model's job), so it is
 * cheap enough to run inside sweeps and fleet models.
 */
public final class LinkModel {
    private LinkModel() {
    }

    /** Plan, power (the spec's attachment first, then the other) and the analytic reliability. */
    public record LinkResult(String name, ChannelPlan plan, PowerModel.Power power, PowerModel.Power otherAttachment,
                             ReliabilityResult reliability) {
    }

    public static LinkResult evaluate(LinkSpec spec) {
        ChannelPlan plan = ChannelPlan.of(spec.channel(), spec.host(), spec.plan());
        PowerModel.Attachment other = spec.attachment() == PowerModel.Attachment.PLUGGABLE
                ? PowerModel.Attachment.CPO : PowerModel.Attachment.PLUGGABLE;
        PowerModel.Power power = PowerModel.evaluate(spec.channel(), plan, spec.power(), spec.attachment());
        PowerModel.Power alt = PowerModel.evaluate(spec.channel(), plan, spec.power(), other);
        ReliabilityResult rel = CableReliability.evaluate(reliabilitySpec(spec, plan));
        return new LinkResult(spec.channel().name(), plan, power, alt, rel);
    }

    /** The reliability model's view of the cable: two directions of the plan's channels and the scenario's parts. */
    public static CableReliabilitySpec reliabilitySpec(LinkSpec spec, ChannelPlan plan) {
        List<Part> channel = new ArrayList<>();
        List<Part> end = new ArrayList<>();
        List<Part> cable = new ArrayList<>();
        double kelvin = spec.reliability().operatingTemperatureKelvin();
        for (LinkSpec.Part p : spec.reliability().parts()) {
            double fit = p.failureRatePerSecond() * 3600 * 1e9;
            double eaEv = p.activationEnergyJoules() / 1.602176634e-19;
            Component c = Component.constant(p.name(), fit, p.referenceTemperatureKelvin(), eaEv);
            if (p.wearOut().equals("weibull")) {
                c = c.withWearOut(new WearOut.Weibull(p.wearOutShape(), p.wearOutScaleSeconds() / 3600));
            } else if (p.wearOut().equals("lognormal")) {
                c = c.withWearOut(new WearOut.Lognormal(p.wearOutScaleSeconds() / 3600, p.wearOutShape()));
            }
            Part part = Part.of(c, kelvin);
            switch (p.where()) {
                case "channel" -> channel.add(part);
                case "end" -> end.add(part);
                default -> cable.add(part);
            }
        }
        return CableReliabilitySpec.of(plan.dataChannels(), plan.parityChannels(), plan.spareChannels(), 2, channel, end,
                cable, spec.reliability().serviceLifeSeconds() / 3600);
    }

    /** Service life in years of 8,760 h. */
    public static double serviceYears(LinkSpec spec) {
        return spec.reliability().serviceLifeSeconds() / 3600 / Quantities.HOURS_PER_YEAR;
    }
}
