package org.mosaic.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mosaic.core.scenario.ScenarioDocument;
import org.mosaic.core.units.Dimension;
import org.mosaic.core.units.Quantities;
import org.mosaic.core.units.UnitException;
import org.mosaic.datapath.EmulationResult;
import org.mosaic.datapath.EmulationSpec;
import org.mosaic.datapath.Emulator;
import org.mosaic.datapath.Engine;
import org.mosaic.datapath.FecSpec;
import org.mosaic.datapath.Mapping;
import org.mosaic.datapath.channel.ChannelFault;
import org.mosaic.link.ChannelPlan;
import org.mosaic.link.LinkSpec;
import org.mosaic.link.LinkSpecs;
import org.mosaic.optics.ChannelAnalysis;
import org.mosaic.optics.ChannelResult;
import org.mosaic.optics.ChannelSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mosaic emulate}: the host's bits through RS FEC, the gearbox, the channels and back, counted. */
@Command(name = "emulate", mixinStandardHelpOptions = true,
        description = {"Emulate the datapath of one cable: the host's RS(544,514) codewords striped over the channels by the "
                + "gearbox, channel errors, failures and failover to spares, deskew, and the host's decoder; counts pre-FEC "
                + "BER, symbol errors per codeword, uncorrectable and miscorrected codewords, post-FEC BER and frame loss.",
            "Engines: error-event (only error positions are sampled; fast), bit-exact (every payload bit moves), importance "
                    + "(frame loss ratios far below brute force)."})
public final class EmulateCommand implements Callable<Integer> {
    @Mixin
    ScenarioOptions scenario;

    @Option(names = "--mapping", paramLabel = "MAPPING", defaultValue = "symbol",
            description = "Gearbox mapping: bit, symbol or codeword-aware (default: ${DEFAULT-VALUE}).")
    String mapping;

    @Option(names = "--ber", paramLabel = "BER|model", defaultValue = "model",
            description = "Channel BER: a number for every channel, or 'model' for each channel's BER from the channel model "
                    + "(default: ${DEFAULT-VALUE}).")
    String ber;

    @Option(names = "--dead-channels", paramLabel = "N", defaultValue = "0",
            description = "Channels dead from the start, spread evenly over the data channels (default: ${DEFAULT-VALUE}).")
    int deadChannels;

    @Option(names = "--fail", paramLabel = "CH@TIME[:KIND]",
            description = "A channel that fails at a time, e.g. 17@5us, 17@5us:stuck0 (kinds: dead, stuck0, stuck1; repeatable).")
    List<String> fails = new ArrayList<>();

    @Option(names = "--detect", paramLabel = "TIME", defaultValue = "10 us",
            description = "Detection latency of the health monitor before failover to a spare (default: ${DEFAULT-VALUE}).")
    String detect;

    @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "error-event",
            description = "error-event, bit-exact or importance (default: ${DEFAULT-VALUE}).")
    String engine;

    @Option(names = "--fec", paramLabel = "CODE", defaultValue = "kp4", description = "Host FEC: kp4 or kr4 (default: ${DEFAULT-VALUE}).")
    String fec;

    @Option(names = "--codewords", paramLabel = "N", description = "Codewords to emulate (default: 1,000,000, or what --duration spans).")
    Long codewords;

    @Option(names = "--duration", paramLabel = "TIME", description = "Emulated time instead of --codewords, e.g. 1ms.")
    String duration;

    @Option(names = "--frame-bytes", paramLabel = "BYTES", defaultValue = "64", description = "Frame size for the frame loss ratio (default: ${DEFAULT-VALUE}).")
    int frameBytes;

    @Mixin
    FormatOption output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ScenarioDocument doc = scenario.load(LinkCommand.DEFAULT_PRESET);
        if (!LinkSpecs.isCable(doc)) {
            throw new UsageException("the scenario " + doc.source() + " describes a channel, not a cable: expected a cable "
                    + "scenario (hint: --preset " + LinkCommand.DEFAULT_PRESET + ")");
        }
        LinkSpec link = LinkSpecs.bind(doc);
        ChannelPlan plan = PlanErrors.guard(() -> ChannelPlan.of(link.channel(), link.host(), link.plan()));
        EmulationSpec es;
        EmulationResult r;
        try (Progress progress = Progress.onTerminal(spec.commandLine().getErr())) {
            es = build(link, plan, progress);
            progress.task("emulating " + es.codewords() + " codewords (" + es.engine().name().toLowerCase(Locale.ROOT) + ")", 0);
            r = Emulator.run(es, progress::set);
        }
        out.print(switch (output.format) {
            case JSON -> Output.json(Output.strict(json(doc, r)));
            case CSV -> Output.csv(List.of(Output.flatten(json(doc, r))));
            case TABLE -> table(doc, plan, es, r);
        });
        out.flush();
        return 0;
    }

    EmulationSpec build(LinkSpec link, ChannelPlan plan, Progress progress) {
        EmulationSpec.Builder b = EmulationSpec.builder().seed(link.channel().seed());
        try {
            b.mapping(Mapping.parse(mapping)).engine(Engine.parse(engine)).fec(FecSpec.named(fec));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        if (!link.host().id().equals("800GAUI-8")) {
            throw new UsageException("host.interface " + link.host().id() + ": the emulator models the 800GbE host "
                    + "(two interleaved KP4 codewords per flow; docs/datapath.md): expected 800GAUI-8");
        }
        int data = plan.dataChannels();
        int spares = plan.spareChannels();
        b.channels(new org.mosaic.datapath.ChannelPlan(data, spares, plan.gridCols()));
        if (ber.equalsIgnoreCase("model")) {
            progress.task("channel BERs from the channel model", 0);
            b.channelBer(modelBers(link.channel(), plan));
        } else {
            double v;
            try {
                v = Double.parseDouble(ber);
            } catch (NumberFormatException e) {
                throw new UsageException("--ber \"" + ber + "\": expected a bit error ratio (e.g. --ber 1e-5) or 'model'");
            }
            if (!(v >= 0 && v <= 0.5)) {
                throw new UsageException("--ber " + ber + ": expected a bit error ratio from 0 to 0.5");
            }
            b.uniformBer(v);
        }
        if (deadChannels < 0 || deadChannels > data) {
            throw new UsageException("--dead-channels " + deadChannels + ": expected 0 to " + data + " (the data channels)");
        }
        for (int k = 0; k < deadChannels; k++) {
            b.fault(ChannelFault.dead((int) ((long) k * data / Math.max(1, deadChannels)), 0));
        }
        for (String f : fails) {
            b.fault(fault(f, data + spares));
        }
        b.detectionLatencySeconds(time("--detect", detect));
        b.frameBytes(frameBytes);
        long n = 1_000_000;
        if (duration != null && codewords != null) {
            throw new UsageException("--codewords and --duration were both given: expected one of them");
        }
        if (duration != null) {
            double seconds = time("--duration", duration);
            n = Math.max(1, Math.round(seconds * link.host().lineRateBitsPerSecond() / (FecSpec.named(fec).n() * 10.0)));
        } else if (codewords != null) {
            if (codewords < 1) {
                throw new UsageException("--codewords " + codewords + ": expected at least 1");
            }
            n = codewords;
        }
        b.codewords(n);
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** Per physical channel (data then spares): the channel model's BER of each emitter of the grid. */
    static double[] modelBers(ChannelSpec channel, ChannelPlan plan) {
        ChannelSpec grid = new ChannelSpec(channel.name(), channel.seed(), channel.rateBitsPerSecond(), channel.berTarget(),
                plan.gridRows(), plan.gridCols(), channel.led(), channel.optics(), channel.fiber(), channel.receiver(),
                channel.ctle(), channel.numerics());
        ChannelResult r = ChannelAnalysis.analyse(grid);
        double[] all = r.perChannelBer();
        int n = plan.dataChannels() + plan.spareChannels();
        double[] out = new double[n];
        int d = 0;
        int s = plan.dataChannels();
        for (int i = 0; i < all.length && (d < plan.dataChannels() || s < n); i++) {
            switch (plan.roles().get(i)) {
                case DATA -> {
                    if (d < plan.dataChannels()) {
                        out[d++] = all[i];
                    }
                }
                case SPARE -> {
                    if (s < n) {
                        out[s++] = all[i];
                    }
                }
                default -> { }
            }
        }
        return out;
    }

    private static ChannelFault fault(String text, int channels) {
        String hint = " (e.g. --fail 17@5us or --fail 17@5us:stuck0)";
        int at = text.indexOf('@');
        if (at <= 0) {
            throw new UsageException("--fail \"" + text + "\": expected CHANNEL@TIME[:KIND]" + hint);
        }
        int ch;
        try {
            ch = Integer.parseInt(text.substring(0, at).trim());
        } catch (NumberFormatException e) {
            throw new UsageException("--fail \"" + text + "\": the channel must be a whole number" + hint);
        }
        if (ch < 0 || ch >= channels) {
            throw new UsageException("--fail \"" + text + "\": channel " + ch + " does not exist: expected 0 to " + (channels - 1));
        }
        String rest = text.substring(at + 1);
        String kind = "dead";
        int colon = rest.lastIndexOf(':');
        if (colon >= 0) {
            kind = rest.substring(colon + 1).trim();
            rest = rest.substring(0, colon);
        }
        double t = time("--fail " + text, rest);
        return switch (kind) {
            case "dead" -> ChannelFault.dead(ch, t);
            case "stuck0" -> ChannelFault.stuck(ch, 0, t);
            case "stuck1" -> ChannelFault.stuck(ch, 1, t);
            default -> throw new UsageException("--fail \"" + text + "\": unknown kind \"" + kind + "\": expected dead, stuck0 or stuck1");
        };
    }

    private static double time(String flag, String text) {
        try {
            double v = Quantities.parse(text, Dimension.TIME);
            if (v < 0) {
                throw new UsageException(flag + " \"" + text + "\": expected a time of 0 or more");
            }
            return v;
        } catch (UnitException e) {
            throw new UsageException(flag + " " + e.getMessage());
        }
    }

    static ObjectNode json(ScenarioDocument doc, EmulationResult r) {
        ObjectNode root = (ObjectNode) Output.tree(r);
        root.put("scenario", doc.source());
        return root;
    }

    static String table(ScenarioDocument doc, ChannelPlan plan, EmulationSpec es, EmulationResult r) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%s  (%s), seed %d, engine %s, mapping %s, %s%n%n", doc.tree().path("name").asText(),
                doc.source(), r.seed(), r.engine(), r.mapping(), r.code()));
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("channels", plan.dataChannels() + " data + " + plan.spareChannels() + " spare at "
                + Output.si(plan.channelRateBitsPerSecond(), Dimension.DATA_RATE)));
        rows.add(List.of("codewords", String.format(Locale.ROOT, "%,d (%s of line time)", r.codewords(),
                Output.si(r.simulatedSeconds(), Dimension.TIME))));
        rows.add(List.of("pre-FEC BER", Output.ber(r.preFecBer())));
        rows.add(List.of("uncorrectable codewords", est(r.uncorrectableCodewordRatio())));
        rows.add(List.of("miscorrected codewords", String.valueOf(r.miscorrectedCodewords())));
        rows.add(List.of("post-FEC BER", est(r.postFecBer())));
        rows.add(List.of("frame loss ratio (" + r.frameBytes() + " B)", est(r.frameLossRatio())));
        if (r.payloadMismatches() != null) {
            rows.add(List.of("payload bits changed", r.payloadMismatches() + " (unaccounted " + r.unaccountedPayloadMismatches() + ")"));
        }
        rows.add(List.of("failovers", r.failovers().size() + (r.unrepairedChannels() > 0 ? ", " + r.unrepairedChannels() + " channels unrepaired" : "")));
        if (r.analytic() != null) {
            rows.add(List.of("analytic codeword failure (mapping-aware)", Output.ber(r.analytic().mappingAwareCodewordFailure())));
            rows.add(List.of("analytic codeword failure (i.i.d. at mean BER)", Output.ber(r.analytic().binomialCodewordFailure())));
        }
        sb.append(Output.table(List.of("quantity", ">value"), rows));
        long[] h = r.symbolErrorsPerCodeword();
        if (h != null && h.length > 0) {
            StringBuilder hist = new StringBuilder("symbol errors per codeword:");
            for (int i = 0; i < h.length; i++) {
                if (h[i] > 0) {
                    hist.append(String.format(Locale.ROOT, "  %d: %,d", i, h[i]));
                }
            }
            sb.append('\n').append(hist).append('\n');
        }
        for (String n : r.notes()) {
            sb.append("note: ").append(n).append('\n');
        }
        return sb.toString();
    }

    private static String est(org.mosaic.datapath.Estimate e) {
        return String.format(Locale.ROOT, "%s  [%s, %s]", Output.ber(e.value()), Output.ber(e.ciLow()), Output.ber(e.ciHigh()));
    }
}
