package org.mosaic.cli;

import org.mosaic.studies.Output;
import org.mosaic.studies.Closure;
import org.mosaic.studies.Progress;
import org.mosaic.studies.UsageException;
import org.mosaic.studies.PlanErrors;

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
import org.mosaic.datapath.Importance;
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
@Command(name = "emulate", mixinStandardHelpOptions = true, defaultValueProvider = ScenarioOptions.CablePresetDefault.class,
        description = {"Emulate the datapath of one cable: the host's RS(544,514) codewords striped over the channels by the "
                + "gearbox, channel errors, failures and failover to spares, deskew, and the host's decoder; counts pre-FEC "
                + "BER, symbol errors per codeword, uncorrectable and miscorrected codewords, post-FEC BER and frame loss.",
            "Engines: error-event (only error positions are sampled; fast), bit-exact (every payload bit moves), importance "
                    + "(frame loss ratios far below brute force)."})
public final class EmulateCommand implements Callable<Integer> {
    /** Codewords when neither --codewords nor --duration is given (6.4 ms of 800G line time). */
    static final long DEFAULT_CODEWORDS = 1_000_000;
    static final String DEFAULT_CODEWORDS_TEXT = "1,000,000";
    /**
     * Work limits without --long-run: the error-event engine runs about a million codewords in 10–60 s on one core at
     * the model's BERs (its cost grows with the errors), so 100 million is tens of minutes; the bit-exact engine moves
     * every bit, about 100 times slower.
     */
    static final long MAX_CODEWORDS = 100_000_000;
    static final String MAX_CODEWORDS_TEXT = "100,000,000";
    static final long MAX_BIT_EXACT_CODEWORDS = 1_000_000;
    static final String MAX_BIT_EXACT_TEXT = "1,000,000";
    /** The datapath's own bound on frame sizes (EmulationSpec). */
    static final int MAX_FRAME_BYTES = 1 << 24;

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

    @Option(names = "--codewords", paramLabel = "N", description = "Codewords to emulate (default: " + DEFAULT_CODEWORDS_TEXT
            + ", or what --duration spans; at most " + MAX_CODEWORDS_TEXT + " error-event, " + MAX_BIT_EXACT_TEXT
            + " bit-exact without --long-run). With --engine importance: the run over which failures are averaged.")
    Long codewords;

    @Option(names = "--duration", paramLabel = "TIME", description = "Emulated time instead of --codewords, e.g. 1ms.")
    String duration;

    @Option(names = "--long-run", description = "Run even when the codewords exceed the limit of the engine (the run time grows "
            + "with them; progress is shown on a terminal).")
    boolean longRun;

    @Option(names = "--frame-bytes", paramLabel = "BYTES", defaultValue = "64", description = "Frame size for the frame loss ratio "
            + "(default: ${DEFAULT-VALUE}; 1 to " + MAX_FRAME_BYTES + ").")
    int frameBytes;

    @Mixin
    FormatOption output;

    @Spec
    CommandSpec spec;

    /** With --ber model: why the channel misses its BER target at the scenario's length, or null when it meets it. */
    String closure;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ScenarioDocument doc = scenario.load(LinkCommand.DEFAULT_PRESET, org.mosaic.core.scenario.Documents.Kind.CABLE);
        if (!LinkSpecs.isCable(doc)) {
            throw new UsageException("the scenario " + doc.source() + " describes a channel, not a cable: expected a cable "
                    + "scenario (hint: --preset " + LinkCommand.DEFAULT_PRESET + ")");
        }
        LinkSpec link = LinkSpecs.bind(doc);
        ChannelPlan plan = PlanErrors.guard(() -> ChannelPlan.of(link.channel(), link.host(), link.plan()));
        refuseIgnoredSets(doc, link, plan);
        EmulationSpec es;
        EmulationResult r;
        try (Progress progress = Progress.onTerminal(spec.commandLine().getErr())) {
            es = build(link, plan, progress);
            progress.task("emulating " + es.codewords() + " codewords (" + es.engine().name().toLowerCase(Locale.ROOT) + ")", 0);
            r = Emulator.run(es, progress::set);
        }
        out.print(switch (output.format) {
            case JSON -> Output.json(Output.strict(json(doc, r, closure)));
            case CSV -> Output.csv(List.of(Output.flatten(json(doc, r, closure))));
            case TABLE -> table(doc, plan, es, r, closure);
        });
        out.flush();
        return 0;
    }

    EmulationSpec build(LinkSpec link, ChannelPlan plan, Progress progress) {
        EmulationSpec.Builder b = options(link, plan);
        if (ber.equalsIgnoreCase("model")) {
            progress.task("channel BERs from the channel model", 0);
            ChannelResult model = ChannelAnalysis.analyse(gridSpec(link.channel(), plan));
            closure = Closure.statement(model);
            b.channelBer(modelBers(model, plan));
        }
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** Everything but the channel model's BERs (with --ber model they are left at 0 for {@link #build} to fill in). */
    EmulationSpec.Builder options(LinkSpec link, ChannelPlan plan) {
        EmulationSpec.Builder b = EmulationSpec.builder().seed(link.channel().seed());
        Engine eng;
        try {
            eng = Engine.parse(engine);
            b.mapping(Mapping.parse(mapping)).engine(eng).fec(FecSpec.named(fec));
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
            b.uniformBer(0);
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
        if (frameBytes < 1 || frameBytes > MAX_FRAME_BYTES) {
            throw new UsageException("--frame-bytes " + frameBytes + ": expected 1 to " + MAX_FRAME_BYTES
                    + " bytes (hint: 64 for the 802.3 frame loss convention, 1518 or 9000 for full frames)");
        }
        // the run first: failure times are checked against it
        long n = DEFAULT_CODEWORDS;
        double codewordSeconds = FecSpec.named(fec).n() * 10.0 / link.host().lineRateBitsPerSecond();
        String span = "the default run of " + DEFAULT_CODEWORDS_TEXT + " codewords";
        if (duration != null && codewords != null) {
            throw new UsageException("--codewords and --duration were both given: expected one of them");
        }
        if (duration != null) {
            double seconds = time("--duration", duration);
            if (!(seconds > 0)) {
                throw new UsageException("--duration \"" + duration + "\": expected a positive time (e.g. --duration 1ms)");
            }
            double cw = Math.ceil(seconds / codewordSeconds - 1e-9);
            n = cw >= Long.MAX_VALUE / 2.0 ? Long.MAX_VALUE / 2 : Math.max(1, (long) cw);
            span = "--duration " + duration;
        } else if (codewords != null) {
            if (codewords < 1) {
                throw new UsageException("--codewords " + codewords + ": expected at least 1");
            }
            n = codewords;
            span = "--codewords " + codewords;
        }
        long limit = eng == Engine.BIT_EXACT ? MAX_BIT_EXACT_CODEWORDS : MAX_CODEWORDS;
        if (n > limit && !longRun) {
            throw new UsageException(String.format(Locale.ROOT, "%s: %,d codewords (%s of line time) exceed the %s engine's limit of "
                    + "%,d: expected at most that (hint: fewer codewords, --engine importance for rare failures, or --long-run to "
                    + "run it anyway)", span, n, Output.si(n * codewordSeconds, Dimension.TIME), eng.id(), limit));
        }
        if (n > Long.MAX_VALUE / (1L << 21)) {
            throw new UsageException(String.format(Locale.ROOT, "%s: %,d codewords: expected at most %,d", span, n,
                    Long.MAX_VALUE / (1L << 21)));
        }
        b.codewords(n);
        double runSeconds = n * codewordSeconds;
        String runText = duration != null ? "--duration " + duration : Output.si(runSeconds, Dimension.TIME) + " (" + span + ")";
        java.util.Map<Integer, String> faulted = new java.util.TreeMap<>();
        for (int k = 0; k < deadChannels; k++) {
            int ch = (int) ((long) k * data / Math.max(1, deadChannels));
            b.fault(ChannelFault.dead(ch, 0));
            faulted.put(ch, "--dead-channels " + deadChannels);
        }
        for (String f : fails) {
            ChannelFault cf = fault(f, data + spares);
            if (cf.startSeconds() >= runSeconds) {
                throw new UsageException("--fail \"" + f + "\": the failure at " + Output.si(cf.startSeconds(), Dimension.TIME)
                        + " is after the end of the run, " + runText + ": expected a time before it (hint: a longer --duration)");
            }
            String before = faulted.put(cf.physicalChannel(), "--fail " + f);
            if (before != null) {
                throw new UsageException("--fail \"" + f + "\": channel " + cf.physicalChannel() + " already fails (" + before
                        + "): expected one failure per channel");
            }
            b.fault(cf);
        }
        boolean detectGiven = spec != null && spec.commandLine() != null && spec.commandLine().getParseResult() != null
                && spec.commandLine().getParseResult().hasMatchedOption("--detect");
        if (detectGiven && faulted.isEmpty()) {
            throw new UsageException("--detect " + detect + ": no channel fails, so there is nothing to detect: expected it with "
                    + "--fail CH@TIME or --dead-channels N");
        }
        b.detectionLatencySeconds(time("--detect", detect));
        b.frameBytes(frameBytes);
        if (eng == Engine.IMPORTANCE) {
            // over the whole run, failures and failovers included (not a snapshot at t = 0)
            b.importance(Importance.OVER_RUN);
        }
        return b;
    }

    /**
     * Refuses a --set that changes nothing this command uses (the emulation with and without it would be the same):
     * power and reliability coefficients always, the channel model's parameters when --ber gives the BER.
     */
    void refuseIgnoredSets(ScenarioDocument doc, LinkSpec link, ChannelPlan plan) {
        if (scenario.sets.isEmpty()) {
            return;
        }
        Object full = inputs(link, plan);
        for (int i = 0; i < scenario.sets.size(); i++) {
            ScenarioOptions without = new ScenarioOptions();
            without.sets = new ArrayList<>(scenario.sets);
            String set = without.sets.remove(i);
            Object other;
            ScenarioDocument d;
            try {
                d = without.apply(scenario.scenario != null ? ScenarioDocument.file(scenario.scenario)
                        : ScenarioDocument.preset(scenario.presetGiven() ? scenario.preset : LinkCommand.DEFAULT_PRESET));
                if (d.tree().equals(doc.tree())) {
                    continue; // it sets the value the document already has: honoured
                }
                LinkSpec l = LinkSpecs.bind(d);
                other = inputs(l, ChannelPlan.of(l.channel(), l.host(), l.plan()));
            } catch (RuntimeException e) {
                continue; // without it the scenario is different enough not to bind: it matters
            }
            if (full.equals(other)) {
                String key = set.substring(0, Math.max(0, set.indexOf('='))).trim();
                String why = key.startsWith("power.") || key.startsWith("reliability.") || key.startsWith("host.attachment")
                        ? "the emulation does not use the cable's power or reliability model or its host attachment (hint: "
                        + "mosaic link uses it)"
                        : !ber.equalsIgnoreCase("model") ? "--ber " + ber + " gives every channel's BER, so the channel model is not "
                        + "run (hint: --ber model takes each channel's BER from the channel model)"
                        : "nothing the emulation uses depends on it (hint: mosaic link or mosaic optics use it)";
                throw new UsageException("--set " + set + " has no effect on emulate: " + why);
            }
        }
    }

    /** What the emulation depends on: its spec without the model BERs, and the channel model's inputs when it is run. */
    private Object inputs(LinkSpec link, ChannelPlan plan) {
        EmulationSpec es = options(link, plan).build();
        if (!ber.equalsIgnoreCase("model")) {
            return List.of(es);
        }
        return List.of(es, gridSpec(link.channel(), plan), plan.roles());
    }

    private static ChannelSpec gridSpec(ChannelSpec channel, ChannelPlan plan) {
        return new ChannelSpec(channel.name(), channel.seed(), channel.rateBitsPerSecond(), channel.berTarget(),
                plan.gridRows(), plan.gridCols(), channel.led(), channel.optics(), channel.fiber(), channel.receiver(),
                channel.ctle(), channel.numerics());
    }

    /** Per physical channel (data then spares): the channel model's BER of each emitter of the grid. */
    static double[] modelBers(ChannelResult r, ChannelPlan plan) {
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
            double v = Quantities.parse(text, Dimension.TIME, flag.startsWith("--duration") ? 1e-3 : 5e-6);   // examples that fit the flag
            if (v < 0) {
                throw new UsageException(flag + " \"" + text + "\": expected a time of 0 or more");
            }
            return v;
        } catch (UnitException e) {
            throw new UsageException(flag + " " + e.getMessage());
        }
    }

    static ObjectNode json(ScenarioDocument doc, EmulationResult r, String closure) {
        ObjectNode root = (ObjectNode) Output.tree(r);
        root.put("scenario", doc.source());
        root.put("channelCloses", closure == null);
        if (closure != null) {
            root.put("channelDoesNotClose", closure);
        }
        return root;
    }

    static String table(ScenarioDocument doc, ChannelPlan plan, EmulationSpec es, EmulationResult r, String closure) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%s  (%s), seed %d, engine %s, mapping %s, %s%n", doc.tree().path("name").asText(),
                doc.source(), r.seed(), r.engine(), r.mapping(), r.code()));
        if (closure != null) {
            sb.append("WARNING: ").append(closure).append(" (the BERs below are the channel model's at this length)\n");
        }
        sb.append('\n');
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("channels", plan.dataChannels() + " data + " + plan.spareChannels() + " spare at "
                + Output.si(plan.channelRateBitsPerSecond(), Dimension.DATA_RATE)));
        if (es.engine() == Engine.IMPORTANCE) {
            rows.add(List.of("run", String.format(Locale.ROOT, "%,d codewords (%s of line time)", es.codewords(),
                    Output.si(es.codewords() * es.fec().n() * (double) es.fec().symbolBits() / es.host().rateBitsPerSecond(),
                            Dimension.TIME))));
            rows.add(List.of("importance samples", String.format(Locale.ROOT, "%,d", r.codewords())));
        } else {
            rows.add(List.of("codewords", String.format(Locale.ROOT, "%,d (%s of line time)", r.codewords(),
                    Output.si(r.simulatedSeconds(), Dimension.TIME))));
        }
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
