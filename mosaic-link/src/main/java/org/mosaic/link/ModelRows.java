package org.mosaic.link;

import java.util.ArrayList;
import java.util.List;
import org.mosaic.core.catalog.Confidence;
import org.mosaic.link.baseline.ModelRow;
import org.mosaic.link.baseline.TechnologyKind;
import org.mosaic.link.reliability.CableReliability;
import org.mosaic.link.reliability.ReliabilityResult;
import org.mosaic.optics.ChannelAnalysis;

/**
 * Rows of our own cable models for the technology comparison: each cable at a generation (its own host
 * interface, or scaled to a faster one by a larger array at the same channel rate, which keeps the reach),
 * once per host attachment (pluggable and co-packaged), with reach from the channel model, power per end from
 * the power model and FIT per end from the reliability model.
 */
public final class ModelRows {
    private ModelRows() {
    }

    /** A cable evaluated for a comparison at a generation, ready to be turned into rows. */
    public record Evaluated(String label, LinkSpec spec, ChannelPlan plan, PowerModel.Power pluggable, PowerModel.Power cpo,
                            ReliabilityResult reliability, double reachMeters, String how) {
    }

    /** Evaluates {@code cable} for the Ethernet generation {@code generation} (800G, 1.6T, 3.2T), solving its reach. */
    public static Evaluated evaluate(String label, LinkSpec cable, String generation) {
        return evaluate(label, cable, generation, ChannelAnalysis.targetReach(cable.channel()));
    }

    /**
     * The same with the channel's reach already solved (it does not depend on the generation: the larger-array
     * scaling keeps the channel rate), so one cable at several generations solves it once.
     */
    public static Evaluated evaluate(String label, LinkSpec cable, String generation, double reach) {
        HostInterface target = HostInterface.forGeneration(generation);
        ChannelPlan plan;
        String how;
        if (target.lineRateBitsPerSecond() == cable.host().lineRateBitsPerSecond()) {
            plan = ChannelPlan.of(cable.channel(), target, cable.plan());
            how = "as specified";
        } else {
            Scaling.Option larger = Scaling.options(cable, target, false).get(0);
            plan = larger.plan();
            how = larger.how() + (larger.fibreSuffices() ? ""
                    : " (needs a fibre with " + larger.fibreCoresNeeded() + " cores; the preset's has " + larger.fibreCoresAvailable() + ")");
        }
        var pluggable = PowerModel.evaluate(cable.channel(), plan, cable.power(), PowerModel.Attachment.PLUGGABLE);
        var cpo = PowerModel.evaluate(cable.channel(), plan, cable.power(), PowerModel.Attachment.CPO);
        ReliabilityResult rel = CableReliability.evaluate(LinkModel.reliabilitySpec(cable, plan));
        return new Evaluated(label, cable, plan, pluggable, cpo, rel, reach, how);
    }

    /** Two rows per evaluated cable: pluggable and co-packaged host interface. */
    public static List<ModelRow> rows(List<Evaluated> cables) {
        List<ModelRow> rows = new ArrayList<>();
        for (Evaluated e : cables) {
            String src = "our models: scenario " + e.spec().channel().name() + " (channel model reach on the "
                    + e.spec().channel().reachTarget().describe() + ", bottom-up power, "
                    + "k-out-of-n reliability)";
            String note = (e.reachMeters() <= ChannelAnalysis.MIN_LENGTH * 1.0001
                    ? "misses its BER target " + e.spec().channel().berTarget() + " at every length; " : "")
                    + e.plan().totalChannels() + " channels at " + String.format(java.util.Locale.ROOT, "%.4g",
                    e.plan().channelRateBitsPerSecond() / 1e9) + " Gb/s; " + e.how();
            rows.add(new ModelRow(e.label() + " (pluggable)", TechnologyKind.MICROLED, e.reachMeters(), e.pluggable().perEndWatts(),
                    e.reliability().withSpares().perEndFit(), null, Confidence.DERIVED, src, note));
            rows.add(new ModelRow(e.label() + " (CPO)", TechnologyKind.MICROLED, e.reachMeters(), e.cpo().perEndWatts(),
                    e.reliability().withSpares().perEndFit(), null, Confidence.DERIVED, src, note));
        }
        return rows;
    }
}
