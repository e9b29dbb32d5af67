package org.mosaic.link;

import java.util.ArrayList;
import java.util.List;
import org.mosaic.optics.ChannelSpec;

/**
 * Power of one cable end, bottom-up. An end transmits on one direction's channels and receives the
 * other's, so per working channel it pays one transmitter (LED + driver) and one receiver (TIA + limiting
 * amplifier + CTLE); shared, it pays the gearbox for both directions, clocking, control, the regulator's
 * loss, and the host interface.
 *
 * <ul>
 *   <li>LED: the channel model's average optical power divided by the wall-plug efficiency (the bias);
 *       the driver's switching energy per bit on top.</li>
 *   <li>Analog per-bit energies are stated at a reference rate and scale as (rate/ref)^exponent per bit,
 *       so a faster channel costs more per bit, as MOSAIC argues ([mosaic-claim-ledger]).</li>
 *   <li>Spare channels are not driven (LED off, receiver powered down) until a failure remaps traffic onto
 *       them; parity channels are driven like data channels.</li>
 *   <li>The regulator efficiency applies to everything but the host interface, whose published figure
 *       (2.4 W pluggable, 0.2 W co-packaged; [mosaic-claim-ledger], [mosaic-claim-ledger]) is taken as drawn from the supply.</li>
 * </ul>
 * Per bit figures use the payload rate (the convention of the baseline catalog).
 */
public final class PowerModel {
    private PowerModel() {
    }

    /** Where the host interface sits. */
    public enum Attachment {
        PLUGGABLE, CPO;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** One line of the breakdown. */
    public record Item(String item, double watts, String basis) {
    }

    /** Watts per end with the breakdown; per bit against the payload rate. */
    public record Power(Attachment attachment, double perEndWatts, double coreWatts, double perBitJoules,
                        double perCableWatts, List<Item> breakdown) {
        public double perBitPicojoules() {
            return perBitJoules * 1e12;
        }
    }

    public static Power evaluate(ChannelSpec channel, ChannelPlan plan, PowerSpec p, Attachment attachment) {
        double rate = plan.channelRateBitsPerSecond();
        int active = plan.neededChannels();
        double scale = Math.pow(rate / p.referenceRateBitsPerSecond(), p.analogRateExponent());
        double led = channel.led().averagePowerWatts() / p.ledWallPlugEfficiency() * active;
        double driver = p.driverEnergyPerBitJoules() * scale * rate * active;
        double rx = p.receiverEnergyPerBitJoules() * scale * rate * active;
        double ctle = channel.ctle().enabled() ? p.ctleEnergyPerBitJoules() * scale * rate * active : 0;
        double gearbox = p.gearboxEnergyPerBitJoules() * plan.lineRateBitsPerSecond() * 2;
        double beforeRegulator = led + driver + rx + ctle + gearbox + p.clockingWatts() + p.controlWatts();
        double core = beforeRegulator / p.regulatorEfficiency();
        double host = attachment == Attachment.PLUGGABLE ? p.hostPluggableWatts() : p.hostCpoWatts();
        double total = core + host;
        List<Item> items = new ArrayList<>();
        items.add(new Item("LED bias", led, active + " LEDs x " + fmt(channel.led().averagePowerWatts() * 1e6) + " uW optical / "
                + fmt(p.ledWallPlugEfficiency() * 100) + " % wall-plug"));
        items.add(new Item("LED driver switching", driver, active + " x " + fmt(p.driverEnergyPerBitJoules() * scale * 1e12) + " pJ/bit"));
        items.add(new Item("TIA + limiting amplifier", rx, active + " x " + fmt(p.receiverEnergyPerBitJoules() * scale * 1e12) + " pJ/bit"));
        items.add(new Item("CTLE", ctle, channel.ctle().enabled() ? active + " x " + fmt(p.ctleEnergyPerBitJoules() * scale * 1e12) + " pJ/bit" : "disabled"));
        items.add(new Item("gearbox logic", gearbox, fmt(p.gearboxEnergyPerBitJoules() * 1e12) + " pJ/bit x " + fmt(plan.lineRateBitsPerSecond() / 1e9) + " Gb/s x 2 directions"));
        items.add(new Item("clocking", p.clockingWatts(), "PLLs and distribution"));
        items.add(new Item("control", p.controlWatts(), "management, monitoring, health monitor"));
        items.add(new Item("regulator loss", core - beforeRegulator, fmt(p.regulatorEfficiency() * 100) + " % efficient"));
        items.add(new Item("host interface", host, attachment.id()));
        return new Power(attachment, total, core, total / plan.payloadBitsPerSecond(), 2 * total, List.copyOf(items));
    }

    /**
     * The receiver energy per bit that makes the end's core power (everything but the host interface)
     * equal {@code coreWatts}, all else fixed: the calibration of the least-known coefficient against a
     * published total. NaN when the other parts alone exceed the target.
     */
    public static double receiverEnergyFor(ChannelSpec channel, ChannelPlan plan, PowerSpec p, double coreWatts) {
        Power without = evaluate(channel, plan, p.withReceiverEnergyPerBitJoules(0), Attachment.CPO);
        double rate = plan.channelRateBitsPerSecond();
        double scale = Math.pow(rate / p.referenceRateBitsPerSecond(), p.analogRateExponent());
        double missing = (coreWatts - without.coreWatts()) * p.regulatorEfficiency();
        return missing < 0 ? Double.NaN : missing / (scale * rate * plan.neededChannels());
    }

    private static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.3g", v);
    }
}
