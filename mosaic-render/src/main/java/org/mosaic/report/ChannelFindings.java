package org.mosaic.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mosaic.core.catalog.Provenance;
import org.mosaic.core.units.Dimension;
import org.mosaic.optics.ChannelResult;
import org.mosaic.studies.ChannelFacts;
import org.mosaic.studies.Finding;
import org.mosaic.studies.Finding.Verdict;
import org.mosaic.studies.Output;
import org.mosaic.studies.channel.ChannelReportResult;
import org.mosaic.studies.channel.ChannelReportResult.Scenario;

/** The channel section's findings, each a line computed from the channel study's result. */
final class ChannelFindings {
    private ChannelFindings() {
    }

    /** What the section's results say: published medians reproduced or not, reach shortfalls, closure at the length. */
    static List<Finding> of(ChannelReportResult result, List<ChannelSection.Published> published) {
        List<Finding> out = new ArrayList<>();
        for (Scenario e : result.list()) {
            ChannelResult r = e.result();
            String name = e.name();
            String anchor = ChannelSection.anchor(name);
            String length = Output.si(r.fiberLengthMeters(), Dimension.LENGTH);
            for (ChannelSection.Published p : published) {
                if (p.preset().equals(name) && Math.abs(r.fiberLengthMeters() - p.lengthMeters()) < 1e-9
                        && Math.abs(r.channelRateBitsPerSecond() - p.rateBitsPerSecond()) < 1) {
                    boolean ok = r.ber().median() < p.medianBerBelow();
                    out.add(new Finding(Verdict.of(ok), name + ": modelled median BER " + Output.ber(r.ber().median()) + " at "
                            + length + (ok ? " reproduces" : " misses") + " the published median < " + Output.ber(p.medianBerBelow())
                            + " (" + p.source() + ")", anchor));
                }
            }
            String shortfall = reachShortfall(e);
            if (shortfall != null) {
                out.add(new Finding(Verdict.FAILS, shortfall, anchor));
            }
            boolean closes = r.ber().median() <= r.berTarget() && r.marginDb() >= 0;
            out.add(new Finding(Verdict.of(closes), name + (closes ? " closes" : " does not close") + " at its " + length + ": median BER "
                    + Output.ber(r.ber().median()) + " against the target " + Output.ber(r.berTarget()) + ", margin "
                    + Output.margin(r.marginDb()) + ", reach " + ChannelFacts.reach(r), anchor));
        }
        return out;
    }

    /**
     * When a design's reach (under its own target definition) falls short of its length: the two numbers, what the
     * launch does to the fibre's modes, and the assumptions it rests on (the provenance of the fibre's NA, core count
     * and the relay magnification), all from the study's result; null when it reaches or the array reach was not computed.
     */
    static String reachShortfall(Scenario e) {
        ChannelResult r = e.result();
        if (r.arrayReach() == null || r.reachBeyondSearchRange() || r.reachMeters() >= r.fiberLengthMeters()) {
            return null;
        }
        StringBuilder sb = new StringBuilder(e.name()).append(": modelled reach ").append(ChannelFacts.reach(r)).append(" on the ")
                .append(ChannelFacts.reachDefinition(r)).append(", not its ").append(Output.meters(r.fiberLengthMeters()));
        provenance(e, "fiber.length").ifPresent(p -> sb.append(" (").append(p.source()).append(")"));
        ChannelResult.Coupling c = r.coupling();
        ChannelResult.Modes m = r.modes();
        if (c != null && m != null && "modes".equals(m.modalBandwidthSource())) {
            sb.append(String.format(Locale.ROOT, ": each emitter is imaged %.2g× onto the fibre face, launching NA %.2f (coupling %s%s),"
                            + " which lights %d of the %d guided modes of each core (modal bandwidth %s GHz·m)", c.magnification(),
                    c.launchNumericalAperture(), Output.percent(c.efficiency()), c.etendueLimited() ? ", étendue-capped" : "",
                    m.excitedModes(), m.guidedModes(), Output.number(m.modalBandwidthLengthHzMeters() / 1e9, 3)));
        }
        List<String> rests = new ArrayList<>();
        for (String key : List.of("plan.magnification", "fiber.coreCount", "fiber.numericalAperture")) {
            provenance(e, key).ifPresent(p -> {
                String confidence = p.confidence().name().toLowerCase(Locale.ROOT).replace('_', '-');
                rests.add(key + " = " + Html.value(p.value()) + " (" + (p.source().toLowerCase(Locale.ROOT).startsWith(confidence) ? ""
                        : confidence + ": ") + p.source() + ")");
            });
        }
        if (!rests.isEmpty()) {
            sb.append("; it rests on ").append(String.join(", ", rests));
        }
        return sb.toString();
    }

    private static java.util.Optional<Provenance> provenance(Scenario e, String key) {
        return e.provenance().stream().filter(p -> p.path().equals(key) || p.path().endsWith("." + key)).findFirst();
    }

}
