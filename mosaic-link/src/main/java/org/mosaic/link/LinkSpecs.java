package org.mosaic.link;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.mosaic.core.scenario.ScenarioDocument;
import org.mosaic.core.scenario.SpecReader;
import org.mosaic.core.units.Dimension;
import org.mosaic.optics.ChannelSpec;
import org.mosaic.optics.ChannelSpecs;

/**
 * Binds a whole cable scenario: the channel sections (via {@link ChannelSpecs#read}) and the cable's own
 * sections {@code host}, {@code plan}, {@code power} and {@code reliability}; validates the whole document
 * in one pass (every problem at once, unknown keys with a did-you-mean hint).
 */
public final class LinkSpecs {
    /** The cable's top-level sections (the channel binder leaves exactly these to this one). */
    public static final List<String> SECTIONS = ChannelSpecs.CABLE_SECTIONS;

    private LinkSpecs() {
    }

    /** True when the document describes a cable (has a {@code host} section), not only a channel. */
    public static boolean isCable(ScenarioDocument doc) {
        return doc.has("host");
    }

    /**
     * The cable's specification, every problem at once. Bound once per document and shared ({@link ScenarioDocument#bound}):
     * a front end's binder validates a cable by binding it, and the study it hands the document to gets the same spec.
     */
    public static LinkSpec bind(ScenarioDocument doc) {
        return doc.bound(LinkSpecs.class, LinkSpecs::read);
    }

    private static LinkSpec read(ScenarioDocument doc) {
        SpecReader r = doc.reader();
        ChannelSpec channel = ChannelSpecs.read(r, doc);
        if (!isCable(doc)) {
            r.problem("host", null, "a cable needs a host section (host.interface, e.g. 800GAUI-8; see the mosaic-800g preset)");
        }
        String hostId = r.text("host.interface", "800GAUI-8");
        HostInterface host = null;
        try {
            host = HostInterface.byId(hostId);
        } catch (IllegalArgumentException e) {
            r.problem("host.interface", hostId, "one of " + HostInterface.ids());
        }
        String att = r.choice("host.attachment", List.of("pluggable", "cpo"), "pluggable");

        PlanSpec plan = plan(r);
        // the worst channels a kth-worst reach target lets spares replace cannot exceed the spares the plan has
        if (host != null && channel.reachTarget().coveredChannels() > 0) {
            int spares = plan.spares(ChannelPlan.dataChannels(host.lineRateBitsPerSecond(), channel.rateBitsPerSecond()));
            if (channel.reachTarget().coveredChannels() > spares) {
                r.problem("link.reach.coveredChannels", String.valueOf(channel.reachTarget().coveredChannels()),
                        "at most the plan's " + spares + " spares (plan.spares), since only spares can replace the worst "
                                + "channels (hint: link.reach.coveredChannels=" + spares + ", or more plan.spares)");
            }
        }
        PowerSpec power = power(r);
        LinkSpec.ReliabilityInputs rel = reliability(r, doc.path("reliability"));
        r.finish();
        return new LinkSpec(channel, host, PowerModel.Attachment.valueOf(att.toUpperCase(java.util.Locale.ROOT)), plan, power, rel);
    }

    private static PlanSpec plan(SpecReader r) {
        // plan.spares is a count ("20") or a fraction of the data channels ("5 %")
        int spares = -1;
        double fraction = 0.05;
        String sparesText = r.text("plan.spares", "5 %").trim();
        if (sparesText.endsWith("%")) {
            fraction = r.quantity("plan.spares", Dimension.FRACTION, 0, 10, 0.05);
        } else {
            spares = r.integer("plan.spares", 0, 100_000, 0);
        }
        int parity = r.integer("plan.parity", 0, 100_000, 0);
        double pitch = r.quantity("plan.emitterPitch", Dimension.LENGTH, 0.1e-6, 10e-3, 50e-6);
        // whole-array imaging: one lens, so the array's magnification is the emitter's (spot / emitter) unless stated
        String imaging = r.choice("plan.imaging", List.of(PlanSpec.PER_EMITTER, PlanSpec.WHOLE_ARRAY), PlanSpec.PER_EMITTER);
        double magnification = r.quantity("plan.magnification", Dimension.DIMENSIONLESS, 0.01, 100,
                imaging.equals(PlanSpec.WHOLE_ARRAY) ? Double.NaN : 1);
        String placement = r.choice("plan.sparePlacement", List.of("edge", "distributed"), "edge");
        double mismatch = r.quantity("plan.lengthMismatch", Dimension.LENGTH, 0, 100, 0.01);
        // the largest core-to-core group-delay difference accumulated per metre of fibre
        double spreadPerMeter = r.quantity("plan.coreDelaySpreadPerMeter", Dimension.TIME, 0, 1e-6, 1e-12);
        int guard = r.integer("plan.deskewGuardBits", 0, 1_000_000, 2);
        boolean derived = imaging.equals(PlanSpec.WHOLE_ARRAY) && !r.has("plan.magnification");
        return new PlanSpec(spares, ok(fraction, 0), parity, ok(pitch, 50e-6), derived ? Double.NaN : ok(magnification, 1),
                placement, ok(mismatch, 0), ok(spreadPerMeter, 0), guard, imaging);
    }

    private static PowerSpec power(SpecReader r) {
        double wpe = r.quantity("power.ledWallPlugEfficiency", Dimension.FRACTION, 1e-4, 1);
        double driver = r.quantity("power.driverEnergyPerBit", Dimension.ENERGY_PER_BIT, 0, 1e-9);
        double rx = r.quantity("power.receiverEnergyPerBit", Dimension.ENERGY_PER_BIT, 0, 1e-9);
        double ctle = r.quantity("power.ctleEnergyPerBit", Dimension.ENERGY_PER_BIT, 0, 1e-9);
        double ref = r.quantity("power.referenceRate", Dimension.DATA_RATE, 1e6, 1e12);
        double exponent = r.quantity("power.analogRateExponent", Dimension.DIMENSIONLESS, 0, 3, 0);
        double gearbox = r.quantity("power.gearboxEnergyPerBit", Dimension.ENERGY_PER_BIT, 0, 1e-9);
        double clocking = r.quantity("power.clocking", Dimension.POWER, 0, 1000);
        double control = r.quantity("power.control", Dimension.POWER, 0, 1000);
        double regulator = r.quantity("power.regulatorEfficiency", Dimension.FRACTION, 0.01, 1);
        double pluggable = r.quantity("power.hostInterface.pluggable", Dimension.POWER, 0, 1000);
        double cpo = r.quantity("power.hostInterface.cpo", Dimension.POWER, 0, 1000);
        return new PowerSpec(ok(wpe, 1), ok(driver, 0), ok(rx, 0), ok(ctle, 0), ok(ref, 1e9), ok(exponent, 0), ok(gearbox, 0),
                ok(clocking, 0), ok(control, 0), ok(regulator, 1), ok(pluggable, 0), ok(cpo, 0));
    }

    private static LinkSpec.ReliabilityInputs reliability(SpecReader r, JsonNode section) {
        double life = r.quantity("reliability.serviceLife", Dimension.TIME, 3600, 100 * 8760 * 3600.0);
        double temp = r.quantity("reliability.temperature", Dimension.TEMPERATURE, 200, 500);
        int trials = r.integer("reliability.monteCarloTrials", 0, 100_000_000, 20_000);
        List<LinkSpec.Part> parts = new ArrayList<>();
        for (String where : List.of("channel", "end", "cable")) {
            JsonNode group = section.path("parts").path(where);
            Iterator<Map.Entry<String, JsonNode>> it = group.fields();
            while (it.hasNext()) {
                String name = it.next().getKey();
                String p = "reliability.parts." + where + "." + name;
                double fit = r.quantity(p + ".fit", Dimension.FAILURE_RATE, 0, 1);
                double ref = r.quantity(p + ".referenceTemperature", Dimension.TEMPERATURE, 200, 500, ok(temp, 328.15));
                double ea = r.quantity(p + ".activationEnergy", Dimension.ENERGY, 0, 5 * 1.602176634e-19, 0);
                String wear = r.choice(p + ".wearOut.type", List.of("none", "weibull", "lognormal"), "none");
                double scale = Double.NaN;
                double shape = Double.NaN;
                if (!wear.equals("none")) {
                    scale = r.quantity(p + ".wearOut.life", Dimension.TIME, 1, 1e15);
                    shape = r.quantity(p + ".wearOut.shape", Dimension.DIMENSIONLESS, 0.01, 100);
                }
                parts.add(new LinkSpec.Part(name, where, ok(fit, 0), ok(ref, 328.15), ok(ea, 0), wear, scale, shape));
            }
        }
        if (parts.isEmpty()) {
            r.problem("reliability.parts", null, "at least one part under reliability.parts.channel, .end or .cable, "
                    + "e.g. reliability.parts.channel.led.fit: 1 FIT");
        }
        return new LinkSpec.ReliabilityInputs(ok(life, 5 * 8760 * 3600.0), ok(temp, 328.15), List.copyOf(parts), trials);
    }

    /** The value, or a placeholder when it was wrong (the problem is already recorded; finish() throws). */
    private static double ok(double v, double placeholder) {
        return Double.isNaN(v) ? placeholder : v;
    }
}
