package org.mosaic.cli;

import org.mosaic.studies.Output;
import org.mosaic.studies.Closure;
import org.mosaic.studies.Progress;
import org.mosaic.studies.UsageException;
import org.mosaic.studies.PlanErrors;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mosaic.core.scenario.ScenarioDocument;
import org.mosaic.link.ChannelPlan;
import org.mosaic.link.HostInterface;
import org.mosaic.link.LinkModel;
import org.mosaic.link.LinkSpec;
import org.mosaic.link.LinkSpecs;
import org.mosaic.link.PowerModel;
import org.mosaic.link.Scaling;
import org.mosaic.link.reliability.ReliabilityResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mosaic link}: the channel plan, power per end and reliability of one cable. */
@Command(name = "link", mixinStandardHelpOptions = true, defaultValueProvider = ScenarioOptions.CablePresetDefault.class,
        description = {"One cable: its channel plan (data, parity and spare channels on the array; die area; fibre cores; "
                + "skew), its power per end bottom-up, and its reliability (FIT, AFR, MTTF over the service life, with and "
                + "without spares).",
            "With --scale, also what carrying 1.6T and 3.2T would cost: a larger array or faster channels."})
public final class LinkCommand implements Callable<Integer> {
    /** The cable preset used when no scenario is given. */
    static final String DEFAULT_PRESET = "mosaic-800g";

    @Mixin
    ScenarioOptions scenario;

    @Mixin
    FormatOption output;

    @Option(names = "--scale", description = "Also show the two ways to carry 1.6T and 3.2T (solves the reach at faster rates).")
    boolean scale;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ScenarioDocument doc = scenario.load(DEFAULT_PRESET, org.mosaic.core.scenario.Documents.Kind.CABLE);
        if (!LinkSpecs.isCable(doc)) {
            throw new UsageException("the scenario " + doc.source() + " describes a channel, not a cable (it has no host "
                    + "section): expected a cable scenario (hint: --preset " + DEFAULT_PRESET + ")");
        }
        LinkSpec link = LinkSpecs.bind(doc);
        LinkModel.LinkResult r = PlanErrors.guard(() -> LinkModel.evaluate(link));
        String closure = Closure.statement(link.channel());
        List<Scaling.Option> scaling = new ArrayList<>();
        if (scale) {
            try (Progress progress = Progress.onTerminal(spec.commandLine().getErr())) {
                progress.task("solving the reach of the scaled options", 4);
                for (String g : List.of("1.6T", "3.2T")) {
                    for (Scaling.Option o : Scaling.options(link, HostInterface.forGeneration(g), true)) {
                        scaling.add(o);
                        progress.step();
                    }
                }
            }
        }
        out.print(switch (output.format) {
            case JSON -> Output.json(Output.strict(json(doc, link, r, scaling, closure)));
            case CSV -> Output.csv(List.of(Output.flatten(json(doc, link, r, scaling, closure))));
            case TABLE -> table(doc, link, r, scaling, closure);
        });
        out.flush();
        return 0;
    }

    static ObjectNode json(ScenarioDocument doc, LinkSpec link, LinkModel.LinkResult r, List<Scaling.Option> scaling, String closure) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("scenario", doc.source());
        root.put("name", r.name());
        root.put("channelCloses", closure == null);
        if (closure != null) {
            root.put("channelDoesNotClose", closure);
        }
        root.put("seed", link.channel().seed());
        ChannelPlan p = r.plan();
        ObjectNode host = root.putObject("host");
        host.put("interface", p.hostInterface());
        host.put("attachment", link.attachment().id());
        host.put("lineRateBitsPerSecond", p.lineRateBitsPerSecond());
        host.put("payloadBitsPerSecond", p.payloadBitsPerSecond());
        root.put("channelRateBitsPerSecond", p.channelRateBitsPerSecond());
        ObjectNode ch = root.putObject("channels");
        ch.put("data", p.dataChannels());
        ch.put("parity", p.parityChannels());
        ch.put("spare", p.spareChannels());
        ch.put("total", p.totalChannels());
        ch.put("rows", p.gridRows());
        ch.put("cols", p.gridCols());
        ch.put("dataRows", p.dataRows());
        ch.put("dataCols", p.dataCols());
        ch.put("utilisation", p.utilisation());
        root.put("dieAreaMm2", p.dieAreaSquareMillimeters());
        ObjectNode fibre = root.putObject("fibre");
        fibre.put("coresPerChannel", p.coresPerChannel());
        fibre.put("coresLit", p.coresLit());
        fibre.put("cores", p.fibreCores());
        fibre.put("coresUnderImage", p.coresUnderImage());
        fibre.put("imageDiagonalMeters", p.imageDiagonalMeters());
        fibre.put("fibreImageDiameterMeters", p.fibreImageDiameterMeters());
        ObjectNode skew = root.putObject("skew");
        skew.put("groupIndex", p.groupIndex());
        skew.put("seconds", p.skewSeconds());
        skew.put("unitIntervals", p.skewUnitIntervals());
        skew.put("deskewBitsPerChannel", p.deskewBitsPerChannel());
        skew.put("deskewBufferBits", p.deskewBufferBits());
        ArrayNode checks = root.putArray("checks");
        for (ChannelPlan.Check c : p.checks()) {
            ObjectNode n = checks.addObject();
            n.put("check", c.name());
            n.put("ok", c.ok());
            n.put("detail", c.detail());
        }
        root.set("power", power(r.power()));
        root.set("powerOtherAttachment", power(r.otherAttachment()));
        ReliabilityResult rel = r.reliability();
        ObjectNode rn = root.putObject("reliability");
        rn.put("linkFit", rel.linkFit());
        rn.put("perEndFit", rel.withSpares().perEndFit());
        rn.put("afrPerCable", rel.afrPerCable());
        rn.put("afrPerEnd", rel.afrPerEnd());
        rn.put("afrFirstYearPerCable", rel.withSpares().afrFirstYearPerCable());
        rn.put("mttfHours", rel.mttfHours());
        rn.put("serviceYears", LinkModel.serviceYears(link));
        rn.put("reliabilityAtServiceLife", rel.reliabilityAtServiceLife());
        rn.set("withoutSpares", Output.tree(rel.withoutSpares()));
        rn.set("sparesExhausted", Output.tree(rel.exhaustion()));
        rn.set("contributions", Output.tree(rel.breakdown()));
        rn.put("policy", rel.policy());
        if (!scaling.isEmpty()) {
            ArrayNode sc = root.putArray("scaling");
            for (Scaling.Option o : scaling) {
                ObjectNode n = sc.addObject();
                n.put("target", o.target());
                n.put("how", o.how());
                n.put("channelRateBitsPerSecond", o.plan().channelRateBitsPerSecond());
                n.put("dataChannels", o.plan().dataChannels());
                n.put("totalChannels", o.plan().totalChannels());
                n.put("dieAreaMm2", o.plan().dieAreaSquareMillimeters());
                n.put("fibreCoresNeeded", o.fibreCoresNeeded());
                n.put("fibreCoresAvailable", o.fibreCoresAvailable());
                n.put("perEndWatts", o.power().perEndWatts());
                n.put("perBitPicojoules", o.power().perBitPicojoules());
                n.put("reachMeters", o.reachMeters());
            }
        }
        return root;
    }

    private static ObjectNode power(PowerModel.Power pw) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("attachment", pw.attachment().id());
        n.put("perEndWatts", pw.perEndWatts());
        n.put("coreWatts", pw.coreWatts());
        n.put("perBitPicojoules", pw.perBitPicojoules());
        n.put("perCableWatts", pw.perCableWatts());
        ArrayNode b = n.putArray("breakdown");
        for (PowerModel.Item i : pw.breakdown()) {
            ObjectNode item = b.addObject();
            item.put("item", i.item());
            item.put("watts", i.watts());
            item.put("basis", i.basis());
        }
        return n;
    }

    static String table(ScenarioDocument doc, LinkSpec link, LinkModel.LinkResult r, List<Scaling.Option> scaling, String closure) {
        ChannelPlan p = r.plan();
        StringBuilder sb = new StringBuilder();
        sb.append(r.name()).append("  (").append(doc.source()).append(")\n");
        if (closure != null) {
            sb.append("WARNING: ").append(closure).append('\n');
        }
        sb.append('\n');
        List<List<String>> plan = new ArrayList<>();
        plan.add(List.of("host interface", p.hostInterface() + ", " + link.attachment().id()));
        plan.add(List.of("line rate", Output.si(p.lineRateBitsPerSecond(), org.mosaic.core.units.Dimension.DATA_RATE)));
        plan.add(List.of("channel rate", Output.si(p.channelRateBitsPerSecond(), org.mosaic.core.units.Dimension.DATA_RATE)));
        plan.add(List.of("channels", p.dataChannels() + " data + " + p.parityChannels() + " parity + " + p.spareChannels()
                + " spare = " + p.totalChannels()));
        plan.add(List.of("array", p.gridRows() + " x " + p.gridCols() + " (data " + p.dataRows() + " x " + p.dataCols() + ")"));
        plan.add(List.of("die area", fmt("%.3g mm²", p.dieAreaSquareMillimeters())));
        plan.add(List.of("fibre cores", fmt("%.1f per channel, %.0f lit of %d", p.coresPerChannel(), p.coresLit(), p.fibreCores())));
        plan.add(List.of("skew", fmt("%.0f ps = %.2f UI; deskew %d bits per channel", p.skewSeconds() * 1e12,
                p.skewUnitIntervals(), p.deskewBitsPerChannel())));
        sb.append(Output.table(List.of("channel plan", ">value"), plan));
        for (ChannelPlan.Check c : p.checks()) {
            sb.append(c.ok() ? "  ok    " : "  CHECK ").append(c.name()).append(": ").append(c.detail()).append('\n');
        }
        sb.append('\n');
        List<List<String>> pw = new ArrayList<>();
        for (PowerModel.Item i : r.power().breakdown()) {
            pw.add(List.of(i.item(), fmt("%.3f W", i.watts()), i.basis()));
        }
        pw.add(List.of("per end", fmt("%.2f W", r.power().perEndWatts()), fmt("%.2f pJ/bit", r.power().perBitPicojoules())));
        pw.add(List.of("per end, " + r.otherAttachment().attachment().id(), fmt("%.2f W", r.otherAttachment().perEndWatts()),
                fmt("%.2f pJ/bit", r.otherAttachment().perBitPicojoules())));
        sb.append(Output.table(List.of("power (" + r.power().attachment().id() + ")", ">watts", "basis"), pw)).append('\n');
        ReliabilityResult rel = r.reliability();
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("cable FIT (averaged over " + fmt("%.3g", LinkModel.serviceYears(link)) + " years)",
                fmt("%.4g", rel.linkFit()), fmt("%.4g", rel.withoutSpares().linkFit())));
        rows.add(List.of("FIT per end", fmt("%.4g", rel.withSpares().perEndFit()), fmt("%.4g", rel.withoutSpares().perEndFit())));
        rows.add(List.of("AFR per cable (both ends)", Output.percent(rel.afrPerCable()), Output.percent(rel.withoutSpares().afrPerCable())));
        rows.add(List.of("AFR per end", Output.percent(rel.afrPerEnd()), Output.percent(rel.withoutSpares().afrPerEnd())));
        rows.add(List.of("MTTF", fmt("%.3g h", rel.mttfHours()), fmt("%.3g h", rel.withoutSpares().mttfHours())));
        rows.add(List.of("works at end of life", fmt("%.6f", rel.reliabilityAtServiceLife()),
                fmt("%.6f", rel.withoutSpares().reliabilityAtServiceLife())));
        sb.append(Output.table(List.of("reliability", ">with spares", ">without"), rows));
        sb.append(fmt("spares run out within the service life with probability %.3g (median time %.3g h)%n",
                rel.exhaustion().probabilityWithinServiceLife(), rel.exhaustion().medianHours()));
        sb.append("policy: ").append(rel.policy()).append('\n');
        if (!scaling.isEmpty()) {
            List<List<String>> sc = new ArrayList<>();
            for (Scaling.Option o : scaling) {
                sc.add(List.of(o.target(), o.how(), fmt("%.3g mm²", o.plan().dieAreaSquareMillimeters()),
                        o.fibreCoresNeeded() + (o.fibreSuffices() ? "" : " (fibre has " + o.fibreCoresAvailable() + ")"),
                        fmt("%.2f W", o.power().perEndWatts()), fmt("%.2f", o.power().perBitPicojoules()), Output.meters(o.reachMeters())));
            }
            sb.append('\n').append(Output.table(List.of("scale to", "how", ">die", ">fibre cores", ">W/end", ">pJ/bit", ">reach"), sc));
        }
        return sb.toString();
    }

    private static String fmt(String f, Object... a) {
        return String.format(Locale.ROOT, f, a);
    }
}
