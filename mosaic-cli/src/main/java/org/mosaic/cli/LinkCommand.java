package org.mosaic.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mosaic.core.scenario.ScenarioDocument;
import org.mosaic.core.units.Dimension;
import org.mosaic.link.PowerModel;
import org.mosaic.studies.Output;
import org.mosaic.studies.Progress;
import org.mosaic.studies.Results;
import org.mosaic.studies.cable.CableResult;
import org.mosaic.studies.cable.CableStudy;
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
    static final String DEFAULT_PRESET = CableStudy.DEFAULT_PRESET;

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
        CableResult r;
        try (Progress progress = Progress.onTerminal(spec.commandLine().getErr())) {
            r = new CableStudy().run(new CableStudy.Input(doc, scale), progress);
        }
        out.print(switch (output.format) {
            case JSON -> Results.json(r);
            case CSV -> Output.csv(List.of(Output.flatten(Results.tree(r))));
            case TABLE -> table(r);
        });
        out.flush();
        return 0;
    }

    static String table(CableResult r) {
        StringBuilder sb = new StringBuilder();
        sb.append(r.name()).append("  (").append(r.scenario()).append(")\n");
        if (!r.channelCloses()) {
            sb.append("WARNING: ").append(r.channelDoesNotClose()).append('\n');
        }
        sb.append('\n');
        CableResult.Channels ch = r.channels();
        List<List<String>> plan = new ArrayList<>();
        plan.add(List.of("host interface", r.host().hostInterface() + ", " + r.host().attachment()));
        plan.add(List.of("line rate", Output.si(r.host().lineRateBitsPerSecond(), Dimension.DATA_RATE)));
        plan.add(List.of("channel rate", Output.si(r.channelRateBitsPerSecond(), Dimension.DATA_RATE)));
        plan.add(List.of("channels", ch.data() + " data + " + ch.parity() + " parity + " + ch.spare() + " spare = " + ch.total()));
        plan.add(List.of("array", ch.rows() + " x " + ch.cols() + " (data " + ch.dataRows() + " x " + ch.dataCols() + ")"));
        plan.add(List.of("die area", fmt("%.3g mm²", r.dieAreaMm2())));
        plan.add(List.of("fibre cores", fmt("%.1f per channel, %.0f lit of %d", r.fibre().coresPerChannel(), r.fibre().coresLit(),
                r.fibre().cores())));
        plan.add(List.of("skew", fmt("%.0f ps = %.2f UI; deskew %d bits per channel", r.skew().seconds() * 1e12,
                r.skew().unitIntervals(), r.skew().deskewBitsPerChannel())));
        sb.append(Output.table(List.of("channel plan", ">value"), plan));
        for (CableResult.Check c : r.checks()) {
            sb.append(c.ok() ? "  ok    " : "  CHECK ").append(c.check()).append(": ").append(c.detail()).append('\n');
        }
        sb.append('\n');
        List<List<String>> pw = new ArrayList<>();
        for (PowerModel.Item i : r.power().breakdown()) {
            pw.add(List.of(i.item(), fmt("%.3f W", i.watts()), i.basis()));
        }
        pw.add(List.of("per end", fmt("%.2f W", r.power().perEndWatts()), fmt("%.2f pJ/bit", r.power().perBitPicojoules())));
        pw.add(List.of("per end, " + r.powerOtherAttachment().attachment(), fmt("%.2f W", r.powerOtherAttachment().perEndWatts()),
                fmt("%.2f pJ/bit", r.powerOtherAttachment().perBitPicojoules())));
        sb.append(Output.table(List.of("power (" + r.power().attachment() + ")", ">watts", "basis"), pw)).append('\n');
        CableResult.Reliability rel = r.reliability();
        var without = rel.withoutSpares();
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("cable FIT (averaged over " + fmt("%.3g", rel.serviceYears()) + " years)",
                fmt("%.4g", rel.linkFit()), fmt("%.4g", without.linkFit())));
        rows.add(List.of("FIT per end", fmt("%.4g", rel.perEndFit()), fmt("%.4g", without.perEndFit())));
        rows.add(List.of("AFR per cable (both ends)", Output.percent(rel.afrPerCable()), Output.percent(without.afrPerCable())));
        rows.add(List.of("AFR per end", Output.percent(rel.afrPerEnd()), Output.percent(without.afrPerEnd())));
        rows.add(List.of("MTTF", fmt("%.3g h", rel.mttfHours()), fmt("%.3g h", without.mttfHours())));
        rows.add(List.of("works at end of life", fmt("%.6f", rel.reliabilityAtServiceLife()),
                fmt("%.6f", without.reliabilityAtServiceLife())));
        sb.append(Output.table(List.of("reliability", ">with spares", ">without"), rows));
        sb.append(fmt("spares run out within the service life with probability %.3g (median time %.3g h)%n",
                rel.sparesExhausted().probabilityWithinServiceLife(), rel.sparesExhausted().medianHours()));
        sb.append("policy: ").append(rel.policy()).append('\n');
        if (!r.scaling().isEmpty()) {
            List<List<String>> sc = new ArrayList<>();
            for (CableResult.ScalingOption o : r.scaling()) {
                sc.add(List.of(o.target(), o.how(), fmt("%.3g mm²", o.dieAreaMm2()),
                        o.fibreCoresNeeded() + (o.fibreSuffices() ? "" : " (fibre has " + o.fibreCoresAvailable() + ")"),
                        fmt("%.2f W", o.perEndWatts()), fmt("%.2f", o.perBitPicojoules()), Output.meters(o.reachMeters())));
            }
            sb.append('\n').append(Output.table(List.of("scale to", "how", ">die", ">fibre cores", ">W/end", ">pJ/bit", ">reach"), sc));
        }
        return sb.toString();
    }

    private static String fmt(String f, Object... a) {
        return String.format(Locale.ROOT, f, a);
    }
}
