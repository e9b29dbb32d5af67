package org.mosaic.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mosaic.studies.Edits;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mosaic.core.scenario.ScenarioDocument;
import org.mosaic.core.units.Dimension;
import org.mosaic.datapath.EmulationResult;
import org.mosaic.datapath.EmulationSpec;
import org.mosaic.datapath.Engine;
import org.mosaic.link.ChannelPlan;
import org.mosaic.link.LinkSpecs;
import org.mosaic.studies.Output;
import org.mosaic.studies.Progress;
import org.mosaic.studies.Results;
import org.mosaic.studies.UsageException;
import org.mosaic.studies.datapath.EmulateResult;
import org.mosaic.studies.datapath.EmulateStudy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mosaic emulate}: the host's bits through RS FEC, the gearbox, the channels and back, counted ({@link EmulateStudy}). */
@Command(name = "emulate", mixinStandardHelpOptions = true, defaultValueProvider = ScenarioOptions.CablePresetDefault.class,
        description = {"Emulate the datapath of one cable: the host's RS(544,514) codewords striped over the channels by the "
                + "gearbox, channel errors, failures and failover to spares, deskew, and the host's decoder; counts pre-FEC "
                + "BER, symbol errors per codeword, uncorrectable and miscorrected codewords, post-FEC BER and frame loss.",
            "Engines: error-event (only error positions are sampled; fast), bit-exact (every payload bit moves), importance "
                    + "(frame loss ratios far below brute force)."})
public final class EmulateCommand implements Callable<Integer> {
    static final String DEFAULT_CODEWORDS_TEXT = EmulateStudy.DEFAULT_CODEWORDS_TEXT;
    static final String MAX_CODEWORDS_TEXT = EmulateStudy.MAX_CODEWORDS_TEXT;
    static final String MAX_BIT_EXACT_TEXT = EmulateStudy.MAX_BIT_EXACT_TEXT;
    static final int MAX_FRAME_BYTES = EmulateStudy.MAX_FRAME_BYTES;

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
            description = "A channel that fails at a time, e.g. 17@5us, 17@5us:stuck0, 17@5us:ber=1e-3 (kinds: dead, stuck0, "
                    + "stuck1, ber=BER: the channel's BER rises to BER, which only --monitor remaps; repeatable).")
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

    @Option(names = "--monitor", paramLabel = "THRESHOLD:WINDOW", description = "BER health monitor: a channel whose BER over a "
            + "counting window reaches THRESHOLD is remapped to a spare at the window's end, e.g. 1e-4:100us (off by default; "
            + "threshold and window are assumed, no source fixes them).")
    String monitor;

    @Option(names = "--dealing", paramLabel = "symbols|units", defaultValue = "symbols", description = "How each host FEC flow "
            + "deals its interleaved symbols to its 16 PCS lanes: symbols (one 10-bit symbol per lane in turn, 802.3bs Clause "
            + "119; a PCS lane carries one codeword) or units (one symbol of each codeword per lane in turn, the alternative "
            + "reading); decides what a dead channel costs the bit mapping (default: ${DEFAULT-VALUE}).")
    String dealing;

    @Mixin
    FormatOption output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ScenarioDocument doc = scenario.load(LinkCommand.DEFAULT_PRESET, org.mosaic.core.scenario.Documents.Kind.CABLE);
        if (!LinkSpecs.isCable(doc)) {
            throw new UsageException("the scenario " + doc.source() + " describes a channel, not a cable: expected a cable "
                    + "scenario (hint: --preset " + LinkCommand.DEFAULT_PRESET + ")");
        }
        EmulateStudy.Input input = input(doc);
        refuseIgnoredSets(doc, input);
        EmulateResult r;
        try (Progress progress = Progress.onTerminal(spec.commandLine().getErr())) {
            r = new EmulateStudy().run(input, progress);
        }
        out.print(switch (output.format) {
            case JSON -> Results.json(r);
            case CSV -> Output.csv(List.of(Output.flatten(Results.tree(r))));
            case TABLE -> table(r);
        });
        out.flush();
        return 0;
    }

    /** The study's input: the flags as given (the detection latency only when --detect was given). */
    EmulateStudy.Input input(ScenarioDocument doc) {
        boolean detectGiven = spec != null && spec.commandLine() != null && spec.commandLine().getParseResult() != null
                && spec.commandLine().getParseResult().hasMatchedOption("--detect");
        return new EmulateStudy.Input(doc, mapping, ber, deadChannels, fails, detectGiven ? detect : null, engine, fec, codewords,
                duration, longRun, frameBytes, monitor, dealing);
    }

    /**
     * Refuses a --set that changes nothing this command uses (the emulation with and without it would be the same):
     * power and reliability coefficients always, the channel model's parameters when --ber gives the BER.
     */
    void refuseIgnoredSets(ScenarioDocument doc, EmulateStudy.Input input) {
        if (scenario.sets.isEmpty()) {
            return;
        }
        ScenarioDocument base = scenario.scenario != null ? ScenarioDocument.file(scenario.scenario)
                : ScenarioDocument.preset(scenario.presetGiven() ? scenario.preset : LinkCommand.DEFAULT_PRESET);
        Map<String, String> sets = scenario.overrides();
        Optional<String> ignored = Edits.firstWithoutEffect(sets, e -> Edits.apply(base, e),
                d -> EmulateStudy.dependencies(input(d)), ScenarioDocument::tree);
        if (ignored.isPresent()) {
            String key = ignored.get();
            throw new UsageException("--set " + key + "=" + sets.get(key) + " has no effect on emulate: "
                    + EmulateStudy.withoutEffect(key, ber));
        }
    }

    static String table(EmulateResult result) {
        ChannelPlan plan = result.plan();
        EmulationSpec es = result.spec();
        EmulationResult r = result.emulation();
        String closure = result.channelDoesNotClose();
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%s  (%s), seed %d, engine %s, mapping %s, %s, PCS dealing %s%n", result.scenarioName(),
                result.scenario(), r.seed(), r.engine(), r.mapping(), r.code(), result.pcsDealing()));
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
        if (r.berMonitor() != null) {
            rows.add(List.of("BER monitor", String.format(Locale.ROOT, "threshold %s over %s: %d channel(s) remapped",
                    Output.ber(r.berMonitor().thresholdBer()), Output.si(r.berMonitor().windowSeconds(), Dimension.TIME),
                    r.berMonitor().remapped().size())));
            for (org.mosaic.datapath.BerMonitorReport.Remap m : r.berMonitor().remapped()) {
                rows.add(List.of("  channel " + m.logicalChannel(), String.format(Locale.ROOT, "physical %d (BER %s%s) -> %s at %s",
                        m.fromPhysical(), Output.ber(m.channelBer()), m.degradedSeconds() > 0 ? " from "
                                + Output.si(m.degradedSeconds(), Dimension.TIME) : "", m.toPhysical() < 0 ? "no spare left"
                                : "spare " + m.toPhysical(), Output.si(m.switchSeconds(), Dimension.TIME))));
            }
        }
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
