package org.mosaic.studies.datapath;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.mosaic.core.scenario.ScenarioDocument;
import org.mosaic.core.units.Dimension;
import org.mosaic.core.units.Quantities;
import org.mosaic.core.units.UnitException;
import org.mosaic.datapath.EmulationResult;
import org.mosaic.datapath.EmulationSpec;
import org.mosaic.datapath.Emulator;
import org.mosaic.datapath.Engine;
import org.mosaic.datapath.FecSpec;
import org.mosaic.datapath.HostSpec;
import org.mosaic.datapath.Importance;
import org.mosaic.datapath.Mapping;
import org.mosaic.datapath.channel.BerMonitor;
import org.mosaic.datapath.channel.ChannelFault;
import org.mosaic.link.ChannelPlan;
import org.mosaic.link.LinkSpec;
import org.mosaic.link.LinkSpecs;
import org.mosaic.optics.ChannelAnalysis;
import org.mosaic.optics.ChannelResult;
import org.mosaic.optics.ChannelSpec;
import org.mosaic.studies.Closure;
import org.mosaic.studies.In;
import org.mosaic.studies.Output;
import org.mosaic.studies.PlanErrors;
import org.mosaic.studies.Progress;
import org.mosaic.studies.Study;
import org.mosaic.studies.UsageException;

/**
 * {@code emulate}: the host's bits through RS FEC, the gearbox, the channels and back, counted — the datapath of one
 * cable with its channel BERs (one for all, or each from the channel model), dead and failing channels, failover after
 * a detection latency, on one of three engines.
 */
public final class EmulateStudy implements Study<EmulateStudy.Input, EmulateResult> {
    /** Codewords when neither codewords nor a duration is given (6.4 ms of 800G line time). */
    /**
     * Why an edit of the cable at {@code key} changes nothing the emulation uses (see {@link org.mosaic.studies.Edits}):
     * power and reliability coefficients always, the channel model's parameters when {@code ber} gives every BER.
     */
    public static String withoutEffect(String key, String ber) {
        return key.startsWith("power.") || key.startsWith("reliability.") || key.startsWith("host.attachment")
                ? "the emulation does not use the cable's power or reliability model or its host attachment (hint: "
                + "mosaic link uses it)"
                : !ber.equalsIgnoreCase("model") ? "--ber " + ber + " gives every channel's BER, so the channel model is not "
                + "run (hint: --ber model takes each channel's BER from the channel model)"
                : "nothing the emulation uses depends on it (hint: mosaic link or mosaic optics use it)";
    }

    public static final long DEFAULT_CODEWORDS = 1_000_000;
    public static final String DEFAULT_CODEWORDS_TEXT = "1,000,000";
    /**
     * Work limits without longRun: the error-event engine runs about a million codewords in 10–60 s on one core at the
     * model's BERs (its cost grows with the errors), so 100 million is tens of minutes; the bit-exact engine moves every
     * bit, about 100 times slower.
     */
    public static final long MAX_CODEWORDS = 100_000_000;
    public static final String MAX_CODEWORDS_TEXT = "100,000,000";
    public static final long MAX_BIT_EXACT_CODEWORDS = 1_000_000;
    public static final String MAX_BIT_EXACT_TEXT = "1,000,000";
    /** The datapath's own bound on frame sizes (EmulationSpec). */
    public static final int MAX_FRAME_BYTES = 1 << 24;
    /** The detection latency when none is given. */
    public static final String DEFAULT_DETECT = "10 us";

    /**
     * What to emulate. The texts with units are as the user writes them (the refusals quote them).
     *
     * @param scenario     the cable scenario (its seed seeds the emulation)
     * @param mapping      the gearbox mapping
     * @param ber          every channel's BER, or {@code model} for each channel's from the channel model
     * @param deadChannels channels dead from the start, spread evenly over the data channels
     * @param fails        channels failing during the run, {@code CH@TIME[:KIND]}
     * @param detect       the health monitor's detection latency; null for the default (then no failure is needed)
     * @param engine       the engine
     * @param fec          the host's FEC
     * @param codewords    codewords to emulate (null: the default, or what duration spans)
     * @param duration     emulated time instead of codewords (null: not given)
     * @param longRun      run even above the engine's work limit
     * @param frameBytes   the frame size of the frame loss ratio
     * @param monitor      the BER health monitor, {@code THRESHOLD:WINDOW} (e.g. {@code 1e-4:100us}); null: off
     * @param dealing      how each host FEC flow deals its interleaved symbols to its PCS lanes, {@code symbols} (802.3bs
     *                     Clause 119, the default) or {@code units}; null: the default
     */
    public record Input(
            @In(value = "the cable scenario; its seed seeds the emulation", document = "cable") ScenarioDocument scenario,
            @In(value = "gearbox mapping of the host's bits to the channels", range = "bit|symbol|codeword-aware",
                    defaultValue = "symbol") String mapping,
            @In(value = "channel BER: a number for every channel, or each channel's BER from the channel model", unit = "1",
                    range = "0..0.5|model", defaultValue = "model") String ber,
            @In(value = "channels dead from the start, spread evenly over the data channels", unit = "1",
                    range = "0..data channels", defaultValue = "0") int deadChannels,
            @In(value = "channels that fail during the run, CHANNEL@TIME[:dead|stuck0|stuck1|ber=BER] (e.g. 17@5us, or "
                    + "17@5us:ber=1e-3 for a channel whose BER rises to 1e-3, which only the BER monitor remaps)",
                    range = "channel 0..channels-1, time before the end of the run") List<String> fails,
            @In(value = "detection latency of the health monitor before failover to a spare", unit = "s", range = ">= 0",
                    defaultValue = DEFAULT_DETECT) String detect,
            @In(value = "engine", range = "error-event|bit-exact|importance", defaultValue = "error-event") String engine,
            @In(value = "host FEC", range = "kp4|kr4", defaultValue = "kp4") String fec,
            @In(value = "codewords to emulate (with the importance engine: the run over which failures are averaged)",
                    unit = "1", range = "1..100,000,000 error-event, 1..1,000,000 bit-exact without longRun",
                    defaultValue = DEFAULT_CODEWORDS_TEXT) Long codewords,
            @In(value = "emulated time instead of codewords", unit = "s", range = "> 0") String duration,
            @In(value = "run even when the codewords exceed the limit of the engine", defaultValue = "false") boolean longRun,
            @In(value = "frame size for the frame loss ratio", unit = "B", range = "1..16777216", defaultValue = "64")
            int frameBytes,
            @In(value = "BER health monitor, THRESHOLD:WINDOW: a channel whose BER over a counting window reaches the "
                    + "threshold is remapped to a spare at the window's end (e.g. 1e-4:100us; thresholds and windows are "
                    + "assumed, no source fixes them; off when not given)",
                    range = "threshold (0, 0.5], window long enough for 10 errors at the threshold") String monitor,
            @In(value = "how each host FEC flow deals its two interleaved codewords' symbols to its 16 PCS lanes: symbols = "
                    + "one 10-bit symbol per lane in turn, so a PCS lane carries one codeword (802.3bs Clause 119 as "
                    + "[xelic-400g-fec] and [ea-8023bs-pcs] describe it); units = one symbol of each codeword per lane in turn "
                    + "(the alternative reading). It decides what a dead channel costs the bit mapping",
                    range = "symbols|units", defaultValue = "symbols") String dealing) {
        public Input {
            fails = fails == null ? List.of() : List.copyOf(fails);
        }

        /** With the default PCS dealing (the inputs before it was an option). */
        public Input(ScenarioDocument scenario, String mapping, String ber, int deadChannels, List<String> fails, String detect,
                     String engine, String fec, Long codewords, String duration, boolean longRun, int frameBytes,
                     String monitor) {
            this(scenario, mapping, ber, deadChannels, fails, detect, engine, fec, codewords, duration, longRun, frameBytes,
                    monitor, null);
        }

        /** Without the BER monitor (the inputs before it existed). */
        public Input(ScenarioDocument scenario, String mapping, String ber, int deadChannels, List<String> fails, String detect,
                     String engine, String fec, Long codewords, String duration, boolean longRun, int frameBytes) {
            this(scenario, mapping, ber, deadChannels, fails, detect, engine, fec, codewords, duration, longRun, frameBytes,
                    null);
        }
    }

    @Override
    public String name() {
        return "emulate";
    }

    @Override
    public String question() {
        return "What does the host's FEC make of one cable's channels: pre-FEC BER, symbol errors per codeword, "
                + "uncorrectable and miscorrected codewords, post-FEC BER and frame loss, with dead channels and failover?";
    }

    @Override
    public Class<Input> inputType() {
        return Input.class;
    }

    @Override
    public Class<EmulateResult> resultType() {
        return EmulateResult.class;
    }

    @Override
    public EmulateResult run(Input in, Progress progress) {
        ScenarioDocument doc = in.scenario();
        LinkSpec link = LinkSpecs.bind(doc);
        ChannelPlan plan = PlanErrors.guard(() -> ChannelPlan.of(link.channel(), link.host(), link.plan()));
        EmulationSpec.Builder b = options(in, link, plan);
        String closure = null;
        if (model(in)) {
            progress.task("channel BERs from the channel model", 0);
            ChannelResult channel = ChannelAnalysis.analyse(gridSpec(link.channel(), plan));
            closure = Closure.statement(channel);
            b.channelBer(modelBers(channel, plan));
        }
        EmulationSpec es;
        try {
            es = b.build();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        progress.task("emulating " + es.codewords() + " codewords (" + es.engine().name().toLowerCase(Locale.ROOT) + ")", 0);
        EmulationResult r = Emulator.run(es, progress::set);
        return new EmulateResult(r, doc.source(), es.host().dealing().id(), closure == null, closure, doc.tree().path("name").asText(), plan, es);
    }

    /**
     * What the emulation of {@code in} depends on: its spec without the model BERs, and the channel model's inputs when
     * it is run. Two inputs with equal dependencies give the same result (a front end uses it to refuse edits that
     * change nothing). Refuses bad options as {@link #run} does.
     */
    public static Object dependencies(Input in) {
        LinkSpec link = LinkSpecs.bind(in.scenario());
        ChannelPlan plan = PlanErrors.guard(() -> ChannelPlan.of(link.channel(), link.host(), link.plan()));
        EmulationSpec es;
        try {
            es = options(in, link, plan).build();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        if (!model(in)) {
            return List.of(es);
        }
        return List.of(es, gridSpec(link.channel(), plan), plan.roles());
    }

    static boolean model(Input in) {
        return in.ber().equalsIgnoreCase("model");
    }

    /** Everything but the channel model's BERs (with ber = model they are left at 0 for {@link #run} to fill in). */
    static EmulationSpec.Builder options(Input in, LinkSpec link, ChannelPlan plan) {
        EmulationSpec.Builder b = EmulationSpec.builder().seed(link.channel().seed());
        Engine eng;
        try {
            eng = Engine.parse(in.engine());
            b.mapping(Mapping.parse(in.mapping())).engine(eng).fec(FecSpec.named(in.fec()));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        if (in.dealing() != null) {
            try {
                b.host(HostSpec.HOST_800G.withDealing(HostSpec.PcsDealing.parse(in.dealing())));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--dealing \"" + in.dealing() + "\": expected symbols or units (hint: symbols, one 10-bit "
                        + "symbol per PCS lane in turn, is 802.3bs Clause 119 and the default; units deals one symbol of each "
                        + "codeword per turn, the alternative reading kept as a sensitivity case)");
            }
        }
        if (!link.host().id().equals("800GAUI-8")) {
            throw new UsageException("host.interface " + link.host().id() + ": the emulator models the 800GbE host "
                    + "(two interleaved KP4 codewords per flow; docs/datapath.md): expected 800GAUI-8");
        }
        int data = plan.dataChannels();
        int spares = plan.spareChannels();
        b.channels(new org.mosaic.datapath.ChannelPlan(data, spares, plan.gridCols()));
        if (model(in)) {
            b.uniformBer(0);
        } else {
            double v;
            try {
                v = Double.parseDouble(in.ber());
            } catch (NumberFormatException e) {
                throw new UsageException("--ber \"" + in.ber() + "\": expected a bit error ratio (e.g. --ber 1e-5) or 'model'");
            }
            if (!(v >= 0 && v <= 0.5)) {
                throw new UsageException("--ber " + in.ber() + ": expected a bit error ratio from 0 to 0.5");
            }
            b.uniformBer(v);
        }
        int deadChannels = in.deadChannels();
        if (deadChannels < 0 || deadChannels > data) {
            throw new UsageException("--dead-channels " + deadChannels + ": expected 0 to " + data + " (the data channels)");
        }
        if (in.frameBytes() < 1 || in.frameBytes() > MAX_FRAME_BYTES) {
            throw new UsageException("--frame-bytes " + in.frameBytes() + ": expected 1 to " + MAX_FRAME_BYTES
                    + " bytes (hint: 64 for the 802.3 frame loss convention, 1518 or 9000 for full frames)");
        }
        // the run first: failure times are checked against it
        long n = DEFAULT_CODEWORDS;
        double codewordSeconds = FecSpec.named(in.fec()).n() * 10.0 / link.host().lineRateBitsPerSecond();
        String span = "the default run of " + DEFAULT_CODEWORDS_TEXT + " codewords";
        String duration = in.duration();
        Long codewords = in.codewords();
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
        if (n > limit && !in.longRun()) {
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
        Map<Integer, String> faulted = new TreeMap<>();
        for (int k = 0; k < deadChannels; k++) {
            int ch = (int) ((long) k * data / Math.max(1, deadChannels));
            b.fault(ChannelFault.dead(ch, 0));
            faulted.put(ch, "--dead-channels " + deadChannels);
        }
        for (String f : in.fails()) {
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
        if (in.detect() != null && faulted.isEmpty()) {
            throw new UsageException("--detect " + in.detect() + ": no channel fails, so there is nothing to detect: expected it "
                    + "with --fail CH@TIME or --dead-channels N");
        }
        b.detectionLatencySeconds(time("--detect", in.detect() != null ? in.detect() : DEFAULT_DETECT));
        b.frameBytes(in.frameBytes());
        if (in.monitor() != null) {
            b.berMonitor(monitor(in.monitor()));
        }
        if (eng == Engine.IMPORTANCE) {
            // over the whole run, failures and failovers included (not a snapshot at t = 0)
            b.importance(Importance.OVER_RUN);
        }
        return b;
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

    /** {@code THRESHOLD:WINDOW}, e.g. {@code 1e-4:100us}. */
    private static BerMonitor monitor(String text) {
        String hint = " (hint: --monitor 1e-4:100us, a channel at BER 1e-4 or more over 100 us is remapped)";
        int colon = text.indexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new UsageException("--monitor \"" + text + "\": expected THRESHOLD:WINDOW" + hint);
        }
        double threshold;
        try {
            threshold = Double.parseDouble(text.substring(0, colon).trim());
        } catch (NumberFormatException e) {
            throw new UsageException("--monitor \"" + text + "\": the threshold must be a bit error ratio" + hint);
        }
        if (!(threshold > 0 && threshold <= 0.5)) {
            throw new UsageException("--monitor \"" + text + "\": threshold " + text.substring(0, colon).trim()
                    + ": expected a bit error ratio above 0 and at most 0.5" + hint);
        }
        double window = time("--monitor " + text, text.substring(colon + 1).trim());
        if (!(window > 0)) {
            throw new UsageException("--monitor \"" + text + "\": expected a positive window" + hint);
        }
        return BerMonitor.of(threshold, window);
    }

    private static ChannelFault fault(String text, int channels) {
        String hint = " (e.g. --fail 17@5us, --fail 17@5us:stuck0 or --fail 17@5us:ber=1e-3)";
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
        int colon = rest.indexOf(':');
        if (colon >= 0) {
            kind = rest.substring(colon + 1).trim();
            rest = rest.substring(0, colon);
        }
        double t = time("--fail " + text, rest);
        return switch (kind) {
            case "dead" -> ChannelFault.dead(ch, t);
            case "stuck0" -> ChannelFault.stuck(ch, 0, t);
            case "stuck1" -> ChannelFault.stuck(ch, 1, t);
            default -> {
                if (!kind.startsWith("ber=")) {
                    throw new UsageException("--fail \"" + text + "\": unknown kind \"" + kind
                            + "\": expected dead, stuck0, stuck1 or ber=BER" + hint);
                }
                double b;
                try {
                    b = Double.parseDouble(kind.substring(4).trim());
                } catch (NumberFormatException e) {
                    throw new UsageException("--fail \"" + text + "\": \"" + kind.substring(4) + "\" is not a bit error ratio"
                            + hint);
                }
                if (!(b >= 0 && b <= 0.5)) {
                    throw new UsageException("--fail \"" + text + "\": BER " + kind.substring(4).trim()
                            + ": expected a bit error ratio from 0 to 0.5" + hint);
                }
                yield ChannelFault.degraded(ch, b, t);
            }
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
}
