package org.mosaic.link;

import java.util.ArrayList;
import java.util.List;
import org.mosaic.optics.ChannelAnalysis;
import org.mosaic.optics.ChannelSpec;
import org.mosaic.optics.OpticalPath;

/**
 * Two ways to carry a faster host interface (1.6T, 3.2T) with the same technology, and what each costs:
 * a larger array at the same channel rate (more die area and fibre cores, the same reach), or the same
 * data array with faster channels (the same die, but a shorter reach and more energy per bit in the
 * analog parts). Spares keep the cable's spare rule; parity channels keep their ratio to data channels.
 */
public final class Scaling {
    private Scaling() {
    }

    /**
     * One way to scale.
     *
     * @param reachMeters      the channel's reach at the BER target (NaN when not computed)
     * @param fibreCoresNeeded cores the lit spots need; more than {@code fibreCoresAvailable} means a larger fibre
     */
    public record Option(String target, String how, ChannelPlan plan, PowerModel.Power power, double reachMeters,
                         int fibreCoresNeeded, int fibreCoresAvailable) {
        public boolean fibreSuffices() {
            return fibreCoresNeeded <= fibreCoresAvailable;
        }
    }

    /** Both options for carrying {@code target}; reach is solved only when {@code withReach} (a few ms each). */
    public static List<Option> options(LinkSpec base, HostInterface target, boolean withReach) {
        ChannelSpec c = base.channel();
        ChannelPlan basePlan = ChannelPlan.of(c, base.host(), base.plan());
        double growth = target.lineRateBitsPerSecond() / base.host().lineRateBitsPerSecond();
        List<Option> out = new ArrayList<>();

        // (a) larger array, same channel rate
        int data = ChannelPlan.dataChannels(target.lineRateBitsPerSecond(), c.rateBitsPerSecond());
        int cols = (int) Math.ceil(Math.sqrt(data));
        int rows = (data + cols - 1) / cols;
        ChannelSpec larger = new ChannelSpec(c.name(), c.seed(), c.rateBitsPerSecond(), c.berTarget(), rows, cols, c.led(),
                c.optics(), c.fiber(), c.receiver(), c.ctle(), c.numerics());
        out.add(option(base, larger, target, "larger array: " + rows + " x " + cols + " data channels at the same rate",
                scaledParity(base, basePlan, data), withReach));

        // (b) same data array, faster channels
        double rate = target.lineRateBitsPerSecond() / basePlan.dataChannels();
        ChannelSpec faster = c.withRate(rate);
        out.add(option(base, faster, target, String.format(java.util.Locale.ROOT,
                "faster channels: the same %d x %d array at %.4g Gb/s (x%.2g)", c.rows(), c.cols(), rate / 1e9, growth),
                base.plan().parityChannels(), withReach));
        return out;
    }

    private static int scaledParity(LinkSpec base, ChannelPlan basePlan, int data) {
        return (int) Math.ceil((double) base.plan().parityChannels() * data / basePlan.dataChannels() - 1e-9);
    }

    private static Option option(LinkSpec base, ChannelSpec channel, HostInterface target, String how, int parity,
                                 boolean withReach) {
        PlanSpec ps = base.plan().withParity(parity);
        // cores to hold the array's image (and at least the lit cores)
        int needed = ChannelPlan.coresToHold(channel, target, ps);
        int available = channel.fiber().coreCount();
        // plan against a fibre large enough (its image fits), and report whether the real one is
        ChannelSpec.Fiber f = channel.fiber();
        ChannelSpec.Fiber enough = f.withCoreCount(Math.max(available, needed));
        ChannelSpec planned = new ChannelSpec(channel.name(), channel.seed(), channel.rateBitsPerSecond(), channel.berTarget(),
                channel.rows(), channel.cols(), channel.led(), channel.optics(), enough, channel.receiver(), channel.ctle(),
                channel.numerics());
        ChannelPlan plan = ChannelPlan.of(planned, target, ps);
        PowerModel.Power power = PowerModel.evaluate(planned, plan, base.power(), base.attachment());
        double reach = withReach ? ChannelAnalysis.targetReach(channel) : Double.NaN;
        return new Option(target.id(), how, plan, power, reach, needed, available);
    }
}
