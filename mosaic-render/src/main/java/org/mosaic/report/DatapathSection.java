package org.mosaic.report;

import org.mosaic.studies.Finding;
import org.mosaic.studies.Finding.Verdict;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.jfree.chart.JFreeChart;
import org.mosaic.studies.Output;
import org.mosaic.studies.Parallel;
import org.mosaic.studies.Progress;
import org.mosaic.core.catalog.Confidence;
import org.mosaic.core.catalog.Provenance;
import org.mosaic.core.units.Dimension;
import org.mosaic.datapath.ChannelPlan;
import org.mosaic.datapath.EmulationResult;
import org.mosaic.datapath.EmulationSpec;
import org.mosaic.datapath.Emulator;
import org.mosaic.datapath.Engine;
import org.mosaic.datapath.Estimate;
import org.mosaic.datapath.FecSpec;
import org.mosaic.datapath.HostSpec;
import org.mosaic.datapath.Importance;
import org.mosaic.datapath.Mapping;
import org.mosaic.datapath.channel.ChannelFault;
import org.mosaic.datapath.fec.PostFec;
import org.mosaic.datapath.gearbox.GearboxMap;
import org.mosaic.datapath.gearbox.HostLayout;

/**
 * The datapath section: what the host's RS(544,514) "KP4" FEC makes of the MOSAIC channels, for each
 * gearbox mapping (bit, symbol, codeword-aware; plus the bit mapping under the alternative single-symbol
 * PCS dealing as a sensitivity case).
 *
 * <ol>
 *   <li><b>Frame loss ratio (FLR) against pre-FEC BER.</b> (a) Independent errors at the same BER on every
 *       channel: the analytic binomial curve ({@link PostFec}) with error-event points where failures are
 *       countable and importance-sampler points below; the mappings coincide here by construction. (b) The
 *       case where the mapping matters: one dead channel (random bits) plus independent errors at a
 *       background BER on the others, i.e. the detection window before failover; exact Poisson-binomial
 *       curves per mapping (computed here independently of the engine, from the gearbox permutation) and
 *       engine points.</li>
 *   <li><b>One, two, three dead channels</b> at the design background BER: FLR during the detection window
 *       (error-event counts, importance sampler, exact independent-error value), after failover to spares,
 *       and the frames one failure event costs in a run where the channels die and fail over.</li>
 *   <li><b>Detection-latency budget</b> for one channel dying: the longest latency for which the FLR averaged
 *       over {@link #AVERAGING_PERIOD_SECONDS} containing one failure stays within
 *       {@link #TARGET_FRAME_LOSS_RATIO}, and the longest for which the failure costs at most one frame on
 *       average ("hitless").</li>
 * </ol>
 *
 * <p>Assumptions: errors independent between bits (no bursts, no crosstalk); a dead channel delivers random
 * bits (each wrong with probability ½); spares have the background BER; the model's host simplifications are
 * those of {@code docs/datapath.md}. Every emulation uses the section's seed (common random numbers, so the
 * mappings are compared on the same channel errors) and one thread each; the runs go in parallel and come
 * back by index, so the section is a pure function of the seed.
 */
public final class DatapathSection implements Section {
    /**
     * Target frame loss ratio: 6.2e-11 for 64-octet frames, the IEEE 802.3 equivalent of a post-FEC BER of
     * 1e-13 ([fluxlight-fec], [tia-sr4-2]: BER 1e-13 "or the frame loss ratio equivalent" is published; the
     * 6.2e-11 figure is unverified, recalled; so ASSUMED).
     */
    public static final double TARGET_FRAME_LOSS_RATIO = 6.2e-11;
    /** The post-FEC BER the target stands for ([fluxlight-fec], [tia-sr4-2], published). */
    public static final double TARGET_POST_FEC_BER = 1e-13;
    /** Background BER of every healthy channel: MOSAIC's median BER target at 20 m ([mosaic-claim-ledger], paper-derived). */
    public static final double BACKGROUND_BER = EmulationSpec.DEFAULT_CHANNEL_BER;
    /** The health monitor's detection latency (EmulationSpec default, assumed: no source gives it). */
    public static final double DETECTION_LATENCY_SECONDS = EmulationSpec.DEFAULT_DETECTION_LATENCY_SECONDS;
    /**
     * The averaging period of the latency criterion, one failure in it: 1 h (ASSUMED, a deliberately harsh
     * failure rate; the budget scales in proportion to it).
     */
    public static final double AVERAGING_PERIOD_SECONDS = 3600;
    /** Per-channel FIT, pessimistic ([mosaic-claim-ledger], the paper's own assumption, paper-derived). */
    public static final double FIT_PER_CHANNEL = 1;
    /** When the channels die in the timeline runs (a fault during the run, not at its start). */
    public static final double FAULT_AT_SECONDS = 2e-6;
    /** A detection latency longer than any run: the whole run lies in the detection window. */
    static final double WINDOW_LATENCY_SECONDS = 1;
    /** Data channels that die, in this order: far apart on the 20 × 20 grid (row/column 1, 10, 18). */
    private static final int[] DEAD_CHANNELS = {21, 210, 378};

    private static final FecSpec FEC = FecSpec.KP4;
    private static final int FRAME_BYTES = EmulationSpec.DEFAULT_FRAME_BYTES;
    private static final int DATA_CHANNELS = ChannelPlan.MOSAIC_800G.dataChannels();
    /** 64-octet frames per second over the message bits of the 800G host stream. */
    public static final double FRAMES_PER_SECOND =
            HostSpec.HOST_800G.rateBitsPerSecond() * FEC.k() / FEC.n() / (8.0 * FRAME_BYTES);

    static final String IID = "iid";
    static final String DEAD = "one-dead-channel";

    /** A gearbox mapping with the host it runs on. */
    public record Variant(String id, String label, Mapping mapping, HostSpec host) {
        public static final Variant BIT = new Variant("bit", "bit", Mapping.BIT, HostSpec.HOST_800G);
        public static final Variant SYMBOL = new Variant("symbol", "symbol", Mapping.SYMBOL, HostSpec.HOST_800G);
        public static final Variant CODEWORD_AWARE = new Variant("codeword-aware", "codeword-aware", Mapping.CODEWORD_AWARE,
                HostSpec.HOST_800G);
        /** The bit mapping with single-symbol PCS dealing: each PCS lane carries one codeword (docs/datapath.md). */
        public static final Variant BIT_SINGLE_SYMBOL_DEALING = new Variant("bit-single-symbol-dealing",
                "bit, single-symbol PCS dealing", Mapping.BIT, HostSpec.HOST_800G.withDealing(HostSpec.PcsDealing.SYMBOLS));
        /** The three mappings on the default host. */
        public static final List<Variant> MAPPINGS = List.of(BIT, SYMBOL, CODEWORD_AWARE);
        /** The three mappings and the sensitivity case. */
        public static final List<Variant> ALL = List.of(BIT, SYMBOL, CODEWORD_AWARE, BIT_SINGLE_SYMBOL_DEALING);

        public Variant {
            if (id == null || id.isBlank() || label == null || mapping == null || host == null) {
                throw new IllegalArgumentException("variant " + id + ": id, label, mapping and host are required — expected e.g. "
                        + "new Variant(\"bit\", \"bit\", Mapping.BIT, HostSpec.HOST_800G)");
            }
        }
    }

    /**
     * How much to emulate (fixed in advance, never adapted to the results): error-event points and their codeword
     * counts, importance-sampler points and settings, codewords of the dead-channel runs, curve resolution.
     * {@link #REPORT} fits the report's budget (about 10 s on 2 cores).
     */
    record Plan(double[] iidErrorEventBer, long[] iidErrorEventCodewords, double[] iidImportanceBer,
                double[] deadErrorEventBer, long[] deadErrorEventCodewords, double[] deadImportanceBer,
                double[] sensitivityErrorEventBer, long windowCodewords, long afterCodewords, long timelineCodewords,
                Importance importance, int curvePoints) {
        static final Plan REPORT = new Plan(
                new double[] {1e-3, 1.4e-3, 2e-3}, new long[] {400_000, 100_000, 40_000}, new double[] {1e-4, 2.4e-4, 5e-4},
                new double[] {2.4e-4, 1e-3, 2e-3}, new long[] {100_000, 100_000, 40_000},
                new double[] {BACKGROUND_BER, 1e-5, 1e-4, 2.4e-4}, new double[] {BACKGROUND_BER, 1e-5, 1e-4},
                50_000, 50_000, 20_000, new Importance(16_000, 160_000, 0.05, 0), 71);

        Plan {
            if (iidErrorEventBer.length != iidErrorEventCodewords.length || deadErrorEventBer.length != deadErrorEventCodewords.length) {
                throw new IllegalArgumentException("error-event BERs and codeword counts differ in length — expected one count per BER");
            }
            if (Arrays.stream(deadImportanceBer).noneMatch(b -> b == BACKGROUND_BER)) {
                throw new IllegalArgumentException("deadImportanceBer = " + Arrays.toString(deadImportanceBer) + " — expected it to "
                        + "include the background BER " + BACKGROUND_BER + " (the latency budget at the design point)");
            }
            long longest = Math.max(windowCodewords, Math.max(Arrays.stream(iidErrorEventCodewords).max().orElse(0),
                    Arrays.stream(deadErrorEventCodewords).max().orElse(0)));
            double seconds = (double) longest * FEC.codewordBits() / HostSpec.HOST_800G.rateBitsPerSecond();
            if (seconds >= WINDOW_LATENCY_SECONDS) {
                throw new IllegalArgumentException("runs of " + longest + " codewords last " + seconds + " s — expected less than the "
                        + WINDOW_LATENCY_SECONDS + " s detection latency that keeps a window run inside the detection window");
            }
            for (double b : deadImportanceBer) {
                boolean counted = Arrays.stream(deadErrorEventBer).anyMatch(x -> x == b) || Arrays.stream(sensitivityErrorEventBer).anyMatch(x -> x == b);
                if (!counted) {
                    throw new IllegalArgumentException("background BER " + b + " has no error-event run for the sensitivity variant — "
                            + "expected it in deadErrorEventBer or sensitivityErrorEventBer (its latency budget is counted, see Budget)");
                }
            }
        }
    }

    /** One engine run placed on a chart: panel ({@code iid} or {@code one-dead-channel}), variant, x (BER). */
    public record EnginePoint(String panel, Variant variant, double ber, EmulationResult result) {
        public boolean importance() {
            return "importance".equals(result.engine());
        }
    }

    /** An analytic curve: FLR (and codeword failure) against BER; {@code variant} null for the i.i.d. curve. */
    public record Curve(String panel, String name, Variant variant, double[] ber, double[] codewordFailure, double[] frameLossRatio) {
    }

    /**
     * k dead channels at the background BER: the detection window (whole run before detection), after failover
     * (detected at once), and a timeline run (the channels die at {@link #FAULT_AT_SECONDS}, are detected after
     * the default latency and fail over); {@code maxSymbolsHit} = most symbols of one codeword on the dead channels.
     */
    public record DeadCase(Variant variant, int deadChannels, int maxSymbolsHit, double exactWindowFrameLossRatio,
                           double backgroundFrameLossRatio, EmulationResult window, EmulationResult windowImportance,
                           EmulationResult after, EmulationResult timeline) {
        /** The expected lost frames of one failure event at the default latency, from the exact window FLR. */
        public double expectedLostFrames() {
            return lostFramesPerFailure(exactWindowFrameLossRatio, backgroundFrameLossRatio, DETECTION_LATENCY_SECONDS);
        }
    }

    /**
     * The latency budget for one channel dying on a link whose healthy channels run at {@code backgroundBer}:
     * the window FLR from an engine ({@code engine}: the importance sampler, except for the sensitivity variant whose
     * window FLR of 0.2–0.4 the error-event engine counts directly — the sampler maps its class-averaged codeword
     * failure through the homogeneous FLR formula, which underestimates frame loss when failures concentrate on some
     * codewords of a block), the background FLR (exact), the frames lost per failure at the default latency, and the
     * two latency limits (95 % intervals from the window FLR's; +∞ = unlimited).
     */
    public record Budget(Variant variant, double backgroundBer, String engine, Estimate windowFrameLossRatio, double backgroundFrameLossRatio,
                         double lostFramesPerFailure, Estimate averagedLatencySeconds, Estimate hitlessLatencySeconds) {
    }

    private final long seed;
    private final List<Curve> curves;
    private final List<EnginePoint> points;
    private final List<DeadCase> deadCases;
    private final List<Curve> windowCurves;
    private final List<Budget> budgets;
    private final double backgroundBerAtTarget;

    private DatapathSection(long seed, List<Curve> curves, List<EnginePoint> points, List<DeadCase> deadCases,
                            List<Curve> windowCurves, List<Budget> budgets, double backgroundBerAtTarget) {
        this.seed = seed;
        this.curves = List.copyOf(curves);
        this.points = List.copyOf(points);
        this.deadCases = List.copyOf(deadCases);
        this.windowCurves = List.copyOf(windowCurves);
        this.budgets = List.copyOf(budgets);
        this.backgroundBerAtTarget = backgroundBerAtTarget;
    }

    public long seed() {
        return seed;
    }

    /**
     * Analytic FLR curves: the i.i.d. curve (panel iid), the same as a no-dead-channel reference and per variant the
     * exact one-dead-channel curve (panel one-dead-channel).
     */
    public List<Curve> curves() {
        return curves;
    }

    public List<EnginePoint> points() {
        return points;
    }

    public List<DeadCase> deadCases() {
        return deadCases;
    }

    public List<Budget> budgets() {
        return budgets;
    }

    /** The data channels that die (the first k for k dead channels). */
    public static int[] deadChannels() {
        return DEAD_CHANNELS.clone();
    }

    /** The background BER at which the healthy link alone reaches the target FLR (i.i.d. errors). */
    public double backgroundBerAtTarget() {
        return backgroundBerAtTarget;
    }

    // ---- computation ----

    /** Runs every emulation of the section (in parallel, deterministic for the seed) and the analytic curves. */
    public static DatapathSection compute(long seed, Progress progress) {
        return compute(seed, Plan.REPORT, progress);
    }

    static DatapathSection compute(long seed, Plan plan, Progress progress) {
        Jobs jobs = new Jobs();
        // importance runs first (the slowest), so both cores stay busy to the end
        Map<String, Integer> at = new LinkedHashMap<>();
        for (Variant v : Variant.MAPPINGS) {
            for (double b : plan.iidImportanceBer()) {
                at.put(key(IID, v, b, "is"), jobs.add(base(seed, v).engine(Engine.IMPORTANCE).uniformBer(b).importance(plan.importance()).build()));
            }
        }
        for (Variant v : Variant.ALL) {
            for (double b : plan.deadImportanceBer()) {
                at.put(key(DEAD, v, b, "is"), jobs.add(dead(seed, v, b, 1, 0, WINDOW_LATENCY_SECONDS).engine(Engine.IMPORTANCE)
                        .importance(plan.importance()).build()));
            }
            for (int k = 1; k <= DEAD_CHANNELS.length; k++) {
                if (windowImportance(v, k)) {
                    at.put("window-is " + v.id() + " " + k, jobs.add(dead(seed, v, BACKGROUND_BER, k, 0, WINDOW_LATENCY_SECONDS)
                            .engine(Engine.IMPORTANCE).importance(plan.importance()).build()));
                }
            }
        }
        for (Variant v : Variant.MAPPINGS) {
            for (int i = 0; i < plan.iidErrorEventBer().length; i++) {
                double b = plan.iidErrorEventBer()[i];
                at.put(key(IID, v, b, "ee"), jobs.add(base(seed, v).uniformBer(b).codewords(plan.iidErrorEventCodewords()[i]).build()));
            }
        }
        for (Variant v : Variant.ALL) {
            for (int i = 0; i < plan.deadErrorEventBer().length; i++) {
                double b = plan.deadErrorEventBer()[i];
                at.put(key(DEAD, v, b, "ee"), jobs.add(dead(seed, v, b, 1, 0, WINDOW_LATENCY_SECONDS)
                        .codewords(plan.deadErrorEventCodewords()[i]).build()));
            }
            if (v.equals(Variant.BIT_SINGLE_SYMBOL_DEALING)) {
                for (double b : plan.sensitivityErrorEventBer()) {
                    if (!at.containsKey(key(DEAD, v, b, "ee"))) { // a BER of the grid above keeps its own run
                        at.put(key(DEAD, v, b, "ee"), jobs.add(dead(seed, v, b, 1, 0, WINDOW_LATENCY_SECONDS)
                                .codewords(plan.windowCodewords()).build()));
                    }
                }
            }
            for (int k = 1; k <= DEAD_CHANNELS.length; k++) {
                at.put("window " + v.id() + " " + k, jobs.add(dead(seed, v, BACKGROUND_BER, k, 0, WINDOW_LATENCY_SECONDS)
                        .codewords(plan.windowCodewords()).build()));
                at.put("after " + v.id() + " " + k, jobs.add(dead(seed, v, BACKGROUND_BER, k, 0, 0).codewords(plan.afterCodewords()).build()));
                at.put("timeline " + v.id() + " " + k, jobs.add(dead(seed, v, BACKGROUND_BER, k, FAULT_AT_SECONDS, DETECTION_LATENCY_SECONDS)
                        .codewords(plan.timelineCodewords()).build()));
            }
        }
        progress.task("datapath: " + jobs.size() + " emulations", jobs.size());
        List<EmulationResult> out = Parallel.map(jobs.size(), i -> Emulator.run(jobs.specs.get(i)), progress);

        // chart 1: engine points and analytic curves
        List<EnginePoint> points = new ArrayList<>();
        for (Variant v : Variant.MAPPINGS) {
            for (double b : plan.iidErrorEventBer()) {
                points.add(new EnginePoint(IID, v, b, out.get(at.get(key(IID, v, b, "ee")))));
            }
            for (double b : plan.iidImportanceBer()) {
                points.add(new EnginePoint(IID, v, b, out.get(at.get(key(IID, v, b, "is")))));
            }
        }
        for (Variant v : Variant.ALL) {
            for (double b : union(plan.deadErrorEventBer(), plan.sensitivityErrorEventBer())) {
                Integer i = at.get(key(DEAD, v, b, "ee"));
                if (i != null) {
                    points.add(new EnginePoint(DEAD, v, b, out.get(i)));
                }
            }
            for (double b : plan.deadImportanceBer()) {
                points.add(new EnginePoint(DEAD, v, b, out.get(at.get(key(DEAD, v, b, "is")))));
            }
        }
        double[] iidGrid = grid(1e-5, 2e-3, plan.curvePoints(), plan.iidErrorEventBer(), plan.iidImportanceBer());
        double[] deadGrid = grid(1e-8, 2e-3, plan.curvePoints(), plan.deadErrorEventBer(), plan.deadImportanceBer(),
                plan.sensitivityErrorEventBer());
        List<Curve> curves = new ArrayList<>();
        curves.add(iidCurve(IID, "analytic, i.i.d. errors", iidGrid));
        curves.add(iidCurve(DEAD, "no dead channel (i.i.d.)", deadGrid));
        List<Curve> windowCurves = new ArrayList<>();
        for (Variant v : Variant.ALL) {
            Curve c = new Exposure(v, Arrays.copyOf(DEAD_CHANNELS, 1)).curve(DEAD, v.label() + ", one dead channel", v, deadGrid);
            curves.add(c);
            windowCurves.add(c);
        }

        // chart 2: dead channels
        List<DeadCase> cases = new ArrayList<>();
        double background = frameLossRatio(iidCodewordFailure(BACKGROUND_BER));
        for (Variant v : Variant.ALL) {
            for (int k = 1; k <= DEAD_CHANNELS.length; k++) {
                Exposure e = new Exposure(v, Arrays.copyOf(DEAD_CHANNELS, k));
                Integer is = at.get("window-is " + v.id() + " " + k);
                cases.add(new DeadCase(v, k, e.maxSymbolsHit(), e.frameLossRatio(BACKGROUND_BER), background,
                        out.get(at.get("window " + v.id() + " " + k)), is == null ? null : out.get(is),
                        out.get(at.get("after " + v.id() + " " + k)), out.get(at.get("timeline " + v.id() + " " + k))));
            }
        }

        // chart 3: latency budget from an engine's window FLR (see Budget)
        List<Budget> budgets = new ArrayList<>();
        for (Variant v : Variant.ALL) {
            for (double b : plan.deadImportanceBer()) {
                boolean counted = v.equals(Variant.BIT_SINGLE_SYMBOL_DEALING);
                EmulationResult r = out.get(at.get(key(DEAD, v, b, counted ? "ee" : "is")));
                budgets.add(budget(v, b, r.engine(), r.frameLossRatio()));
            }
        }
        return new DatapathSection(seed, curves, points, cases, windowCurves, budgets, berAtTarget());
    }

    /**
     * Whether the window of k dead channels also gets an importance run: always for one (the latency budget), and
     * for the symbol-based mappings, whose failures are far too rare to count; the bit mappings fail often enough
     * with two or three dead channels for the error-event count.
     */
    static boolean windowImportance(Variant v, int k) {
        return k == 1 || v.mapping() != Mapping.BIT;
    }

    private static String key(String panel, Variant v, double ber, String engine) {
        return panel + " " + v.id() + " " + ber + " " + engine;
    }

    private static EmulationSpec.Builder base(long seed, Variant v) {
        return EmulationSpec.builder().seed(seed).mapping(v.mapping()).host(v.host()).fec(FEC).frameBytes(FRAME_BYTES).threads(1);
    }

    /** The first k dead channels dying at {@code faultAt}, every channel (spares included) at {@code ber} otherwise. */
    private static EmulationSpec.Builder dead(long seed, Variant v, double ber, int k, double faultAtSeconds, double latencySeconds) {
        EmulationSpec.Builder b = base(seed, v).uniformBer(ber).detectionLatencySeconds(latencySeconds);
        for (int i = 0; i < k; i++) {
            b.fault(ChannelFault.dead(DEAD_CHANNELS[i], faultAtSeconds));
        }
        return b;
    }

    /** Emulation specs in submission order, each once (equal specs share a run). */
    private static final class Jobs {
        final List<EmulationSpec> specs = new ArrayList<>();
        final Map<EmulationSpec, Integer> index = new LinkedHashMap<>();

        int add(EmulationSpec s) {
            return index.computeIfAbsent(s, x -> {
                specs.add(x);
                return specs.size() - 1;
            });
        }

        int size() {
            return specs.size();
        }
    }

    /** {@code n} ≥ 2 log-spaced BERs from {@code from} to {@code to}, plus the given BERs, sorted, each once. */
    static double[] grid(double from, double to, int n, double[]... extra) {
        double[] g = new double[n];
        for (int i = 0; i < n; i++) {
            g[i] = from * Math.pow(to / from, (double) i / (n - 1));
        }
        double[][] all = Arrays.copyOf(extra, extra.length + 1);
        all[extra.length] = g;
        return union(all);
    }

    /** The values of all arrays, sorted, each once. */
    static double[] union(double[]... sets) {
        TreeSet<Double> s = new TreeSet<>();
        for (double[] e : sets) {
            for (double x : e) {
                s.add(x);
            }
        }
        return s.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Codeword failure of i.i.d. bit errors: P[X &gt; t], X ~ Bin(n, p_s) ((standard bounded-distance decoding)). */
    public static double iidCodewordFailure(double ber) {
        return PostFec.codewordFailureProbability(FEC.n(), FEC.t(), PostFec.symbolErrorProbability(ber, FEC.symbolBits()));
    }

    /** FLR of 64-octet frames for a codeword failure probability, two interleaved codewords per block (800G host). */
    public static double frameLossRatio(double codewordFailure) {
        return PostFec.frameLossRatio(codewordFailure, 8L * FRAME_BYTES, FEC.messageBits(), HostSpec.HOST_800G.codewordsPerFlow());
    }

    private static Curve iidCurve(String panel, String name, double[] ber) {
        double[] cw = new double[ber.length];
        double[] flr = new double[ber.length];
        for (int i = 0; i < ber.length; i++) {
            cw[i] = iidCodewordFailure(ber[i]);
            flr[i] = frameLossRatio(cw[i]);
        }
        return new Curve(panel, name, null, ber, cw, flr);
    }

    /** The BER at which the i.i.d. FLR equals the target (bisection in log BER). */
    private static double berAtTarget() {
        double lo = 1e-5;
        double hi = 2e-3;
        for (int i = 0; i < 100; i++) {
            double mid = Math.sqrt(lo * hi);
            if (frameLossRatio(iidCodewordFailure(mid)) < TARGET_FRAME_LOSS_RATIO) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return Math.sqrt(lo * hi);
    }

    /** Frames lost by one failure event: the excess window FLR times the frames sent during the latency. */
    static double lostFramesPerFailure(double windowFlr, double backgroundFlr, double latencySeconds) {
        return Math.max(0, windowFlr - backgroundFlr) * FRAMES_PER_SECOND * latencySeconds;
    }

    /**
     * The longest latency L for which the FLR averaged over {@link #AVERAGING_PERIOD_SECONDS} (T) containing one
     * failure stays within the target: (FLR_bg·T + (FLR_win − FLR_bg)·L)/T ≤ target. +∞ when even L = T meets it
     * (the failure alone never breaks the target); 0 when the background FLR already misses it.
     */
    static double averagedLatency(double windowFlr, double backgroundFlr) {
        if (backgroundFlr >= TARGET_FRAME_LOSS_RATIO) {
            return 0;
        }
        double excess = windowFlr - backgroundFlr;
        if (excess <= 0) {
            return Double.POSITIVE_INFINITY;
        }
        double l = (TARGET_FRAME_LOSS_RATIO - backgroundFlr) * AVERAGING_PERIOD_SECONDS / excess;
        return l >= AVERAGING_PERIOD_SECONDS ? Double.POSITIVE_INFINITY : l;
    }

    /** The longest latency for which one failure costs at most one frame on average: 1/((FLR_win − FLR_bg)·frames/s). */
    static double hitlessLatency(double windowFlr, double backgroundFlr) {
        double excess = windowFlr - backgroundFlr;
        return excess <= 0 ? Double.POSITIVE_INFINITY : 1 / (excess * FRAMES_PER_SECOND);
    }

    private static Budget budget(Variant v, double ber, String engine, Estimate window) {
        double bg = frameLossRatio(iidCodewordFailure(ber));
        Estimate avg = new Estimate(averagedLatency(window.value(), bg), averagedLatency(window.ciHigh(), bg),
                averagedLatency(window.ciLow(), bg));
        Estimate hit = new Estimate(hitlessLatency(window.value(), bg), hitlessLatency(window.ciHigh(), bg),
                hitlessLatency(window.ciLow(), bg));
        return new Budget(v, ber, engine, window, bg, lostFramesPerFailure(window.value(), bg, DETECTION_LATENCY_SECONDS), avg, hit);
    }

    /**
     * The exact independent-error model of a link whose {@code dead} channels send random bits while every other
     * channel errs independently at a BER b. Each symbol of a codeword errs with q = 1 − (1 − b)^(m − k)·2^(−k),
     * k = its bits on dead channels (from the gearbox permutation), independently of the others, so codeword j of a
     * superblock fails with the Poisson-binomial tail P_j = P[X &gt; t] ({@link PostFec#codewordFailureProbability(double[], int)}),
     * independently of the other codewords. Frames of F bits are laid end to end over the message bits of the
     * flow units (the host's interleaved codewords, in codeword order), exactly as the engines count them; a frame
     * is lost unless every codeword of every unit it touches survives: FLR = mean over the frames of one period of
     * 1 − Π(1 − P_j). Unlike the homogeneous formula of {@link PostFec#frameLossRatio} this stays exact when the
     * codewords of a unit fail with very different probabilities (a dead channel concentrated on some of them).
     * Computed independently of the engines; its codeword failure must equal their {@code analytic.mappingAwareCodewordFailure}.
     */
    static final class Exposure {
        /** Distinct codeword classes: entry k = symbols with k bits on dead channels. */
        private final List<int[]> histograms = new ArrayList<>();
        /** Codeword j of the superblock → its distinct class. */
        private final int[] classOf;
        private final int codewordsPerUnit;
        private final int maxSymbolsHit;

        Exposure(Variant variant, int[] dead) {
            GearboxMap map = new GearboxMap(new HostLayout(FEC, variant.host()), variant.mapping(), DATA_CHANNELS);
            int m = FEC.symbolBits();
            int nm = FEC.n() * m;
            codewordsPerUnit = variant.host().codewordsPerFlow();
            int[][] bitsOnDead = new int[map.codewordsPerSuperblock()][FEC.n()];
            for (int c : dead) {
                for (int s = 0; s < map.slotsPerChannel(); s++) {
                    int a = map.address(c, s);
                    bitsOnDead[a / nm][(a % nm) / m]++;
                }
            }
            classOf = new int[bitsOnDead.length];
            int most = 0;
            for (int j = 0; j < bitsOnDead.length; j++) {
                int[] h = new int[m + 1];
                int hit = 0;
                for (int k : bitsOnDead[j]) {
                    h[k]++;
                    hit += k > 0 ? 1 : 0;
                }
                most = Math.max(most, hit);
                int found = -1;
                for (int i = 0; i < histograms.size() && found < 0; i++) {
                    if (Arrays.equals(histograms.get(i), h)) {
                        found = i;
                    }
                }
                if (found < 0) {
                    histograms.add(h);
                    found = histograms.size() - 1;
                }
                classOf[j] = found;
            }
            maxSymbolsHit = most;
        }

        int maxSymbolsHit() {
            return maxSymbolsHit;
        }

        /** P_j per distinct class. */
        private double[] classFailure(double ber) {
            int m = FEC.symbolBits();
            double[] p = new double[histograms.size()];
            for (int i = 0; i < p.length; i++) {
                int[] h = histograms.get(i);
                double[] q = new double[FEC.n()];
                int o = 0;
                for (int k = 0; k <= m; k++) {
                    double qk = -Math.expm1((m - k) * Math.log1p(-ber) + k * Math.log(0.5));
                    for (int j = 0; j < h[k]; j++) {
                        q[o++] = qk;
                    }
                }
                p[i] = PostFec.codewordFailureProbability(q, FEC.t());
            }
            return p;
        }

        /** The codeword failure probability averaged over the codewords of a superblock. */
        double codewordFailure(double ber) {
            double[] p = classFailure(ber);
            double sum = 0;
            for (int c : classOf) {
                sum += p[c];
            }
            return sum / classOf.length;
        }

        double frameLossRatio(double ber) {
            double[] p = classFailure(ber);
            long unitBits = (long) codewordsPerUnit * FEC.messageBits();
            long frameBits = 8L * FRAME_BYTES;
            // ln P[unit survives] over one period of the codeword classes
            int unitsPerClassPeriod = lcm(classOf.length, codewordsPerUnit) / codewordsPerUnit;
            double[] lnUnit = new double[unitsPerClassPeriod];
            for (int u = 0; u < unitsPerClassPeriod; u++) {
                for (int i = 0; i < codewordsPerUnit; i++) {
                    lnUnit[u] += Math.log1p(-Math.min(1, p[classOf[(u * codewordsPerUnit + i) % classOf.length]]));
                }
            }
            // one period of both the classes and the frame/unit alignment
            long unitsPerFramePeriod = frameBits / gcd(frameBits, unitBits);
            long units = (long) lcm(unitsPerClassPeriod, (int) unitsPerFramePeriod);
            long frames = units * unitBits / frameBits;
            double lost = 0;
            for (long f = 0; f < frames; f++) {
                long u0 = f * frameBits / unitBits;
                long u1 = (f * frameBits + frameBits - 1) / unitBits;
                double ln = 0;
                for (long u = u0; u <= u1; u++) {
                    ln += lnUnit[(int) (u % unitsPerClassPeriod)];
                }
                lost += -Math.expm1(ln);
            }
            return lost / frames;
        }

        Curve curve(String panel, String name, Variant variant, double[] ber) {
            double[] cw = new double[ber.length];
            double[] flr = new double[ber.length];
            for (int i = 0; i < ber.length; i++) {
                cw[i] = codewordFailure(ber[i]);
                flr[i] = frameLossRatio(ber[i]);
            }
            return new Curve(panel, name, variant, ber, cw, flr);
        }

        private static long gcd(long a, long b) {
            return b == 0 ? a : gcd(b, a % b);
        }

        private static int lcm(int a, int b) {
            return Math.toIntExact((long) a / gcd(a, b) * b);
        }
    }

    // ---- HTML ----

    @Override
    public String id() {
        return "datapath";
    }

    /** Anchor of the dead-channel table. */
    static final String DEAD_ANCHOR = "datapath-dead";

    /**
     * Per gearbox mapping: how many simultaneously dead channels the host's RS(544,514) absorbs before failover, i.e.
     * with the frame loss ratio during the detection window at most {@link #TARGET_FRAME_LOSS_RATIO}.
     */
    @Override
    public List<Finding> findings() {
        List<Finding> out = new ArrayList<>();
        for (Variant v : Variant.MAPPINGS) {
            List<DeadCase> cases = deadCases.stream().filter(d -> d.variant().equals(v))
                    .sorted(java.util.Comparator.comparingInt(DeadCase::deadChannels)).toList();
            if (cases.isEmpty()) {
                continue;
            }
            int survived = 0;
            DeadCase firstLost = null;
            for (DeadCase d : cases) {
                if (d.exactWindowFrameLossRatio() <= TARGET_FRAME_LOSS_RATIO && firstLost == null) {
                    survived = d.deadChannels();
                } else if (firstLost == null) {
                    firstLost = d;
                }
            }
            DeadCase one = cases.get(0);
            String text = "RS(544,514) with the " + v.label() + " gearbox mapping " + (survived >= 1 ? "survives " : "does not survive ")
                    + (survived >= 1 ? survived + " dead channel" + (survived > 1 ? "s" : "") : "a dead channel")
                    + " until failover: frame loss ratio " + Output.ber(one.exactWindowFrameLossRatio()) + " with " + one.deadChannels()
                    + " dead (target " + Output.ber(TARGET_FRAME_LOSS_RATIO) + ")"
                    + (firstLost != null && survived >= 1 ? ", " + Output.ber(firstLost.exactWindowFrameLossRatio()) + " with "
                            + firstLost.deadChannels() + " dead" : "")
                    + "; other channels at BER " + Output.ber(BACKGROUND_BER);
            out.add(new Finding(Verdict.of(survived >= 1), text, DEAD_ANCHOR));
        }
        return out;
    }

    @Override
    public List<String> seeds() {
        return List.of("datapath emulations: " + seed);
    }

    @Override
    public String title() {
        return "Datapath: KP4 FEC, gearbox mappings, dead channels and failover";
    }

    @Override
    public String html() {
        StringBuilder sb = new StringBuilder();
        sb.append("<p>What the host's RS(544,514) \"KP4\" FEC (t = 15 symbols of 10 bits) makes of the MOSAIC channels. ")
                .append(DATA_CHANNELS).append(" data channels at ")
                .append(Html.esc(Output.si(HostSpec.HOST_800G.rateBitsPerSecond() / DATA_CHANNELS, Dimension.DATA_RATE)))
                .append(" carry an 800GAUI-8 host stream (8 × 106.25 Gb/s, two FEC flows of two symbol-interleaved codewords); "
                        + ChannelPlan.MOSAIC_800G.spares() + " spares stand by. The gearbox mapping decides how a channel's bits fall into FEC symbols: <b>bit</b> "
                        + "(host bits round-robin over the channels, so a channel's 13–14 bits of a codeword sit in different symbols), "
                        + "<b>symbol</b> (whole 10-bit symbols round-robin: 1–2 symbols of a codeword per channel), <b>codeword-aware</b> "
                        + "(whole symbols dealt codeword by codeword: 1–2 per channel, spread evenly). The frame loss ratio (FLR) is "
                        + "for 64-octet frames laid end to end over the message bits; a frame is lost when a codeword of a block it "
                        + "touches fails. Target: FLR ").append(Output.ber(TARGET_FRAME_LOSS_RATIO))
                .append(", the IEEE 802.3 equivalent of a post-FEC BER of ").append(Output.ber(TARGET_POST_FEC_BER))
                .append(" for 64-octet frames. Engines: <i>error-event</i> (every channel error sampled and decoded; 95 % "
                        + "Clopper–Pearson intervals of the codeword failure ratio mapped to FLR) and <i>importance sampler</i> "
                        + "(codeword failures sampled under tilted symbol-error probabilities and reweighted; normal 95 % intervals). "
                        + "Every run uses seed ").append(seed).append(", so the mappings see the same channel errors.</p>\n");

        sb.append("<h3>Frame loss against pre-FEC BER</h3>\n");
        sb.append(figure(iidChart(), "iid", 980, 560, "Independent errors at the same BER on every channel. Line: analytic "
                + "codeword failure P[X > 15], X ~ Bin(544, p_s), p_s = 1 − (1 − BER)^10, through the 64-octet FLR formula. "
                + "Filled circles: error-event engine (" + counts(pointsOf(IID, false)) + " codewords); open diamonds: importance "
                + "sampler; bars: 95 % intervals, most smaller than the markers on this scale (" + widths(IID) + "). Points are spread by ±7 % in BER so that they do not hide each "
                + "other. With i.i.d. errors every symbol errs with the same probability whatever the mapping, so the mappings "
                + "coincide: the importance-sampler points are identical by construction (same symbol error probabilities, same "
                + "seed) and the error-event points differ only by sampling noise. The analytic curve crosses the target at BER "
                + Output.ber(backgroundBerAtTarget) + "."));
        sb.append(iidTable());
        sb.append(figure(deadChart(), "dead", 980, 600, "Where the mapping matters: one dead channel (channel " + DEAD_CHANNELS[0]
                + " sends random bits, BER ½) and independent errors at a background BER on every other channel — the state "
                + "of the link during the detection window, before failover. x is the background BER (the mean pre-FEC BER "
                + "is higher by 0.5/400 = 1.25e-3). Lines: exact FLR of this independent-error model (per codeword, the "
                + "Poisson-binomial tail over its symbols, each with its own error probability from the gearbox permutation); "
                + "grey dotted: no dead channel; codeword-aware (dashed) lies on symbol. Points: engines as above (" + widths(DEAD) + "; runs without a failed codeword "
                + "are not drawn). The bit mapping puts 13–14 of a codeword's symbols on the dead channel, about 7 of them "
                + "wrong, so a few background symbol errors break the codeword (FLR ∝ BER² at low BER); symbol and "
                + "codeword-aware put 1–2 symbols on it and keep 13 symbols of margin (FLR ∝ BER^14). Dotted: the bit mapping "
                + "under single-symbol PCS dealing (each PCS lane carries one codeword, an alternative reading of 802.3 that "
                + "docs/datapath.md leaves open), where the dead channel alone exceeds t on half of the codewords."));
        sb.append(deadPointTable());

        sb.append("<h3 id=\"").append(DEAD_ANCHOR).append("\">Dead channels before and after failover</h3>\n");
        sb.append("<p>Channels ").append(Html.esc(Arrays.toString(DEAD_CHANNELS)))
                .append(" (the first one, two or three of them) send random bits; every other channel, spares included, has the "
                        + "design background BER ").append(Output.ber(BACKGROUND_BER))
                .append(". <i>During the window</i>: a run that lies entirely between the fault and its detection. <i>After "
                        + "failover</i>: the channels are detected at once and their traffic moves to spares (" + Html.esc(failoverList()) + "). "
                        + "<i>One event</i>: a run of ")
                .append(Html.esc(Output.si(deadCases.get(0).timeline().simulatedSeconds(), Dimension.TIME)))
                .append(" where the channels die at ").append(Html.esc(Output.si(FAULT_AT_SECONDS, Dimension.TIME)))
                .append(" and fail over after the default detection latency of ")
                .append(Html.esc(Output.si(DETECTION_LATENCY_SECONDS, Dimension.TIME)))
                .append(" (assumed); its lost frames are counted and compared with the exact window FLR × ")
                .append(Html.esc(Output.number(FRAMES_PER_SECOND * DETECTION_LATENCY_SECONDS, 5)))
                .append(" frames sent in the window.</p>\n");
        sb.append(figure(deadCasesChart(), "cases", 980, 560, "FLR during the detection window against the number of dead "
                + "channels. Lines with open squares: exact independent-error FLR; filled circles: error-event count (only where "
                + "codewords failed); open diamonds: importance sampler; bars: 95 % intervals. After failover every case returns "
                + "to the background FLR " + Output.ber(deadCases.get(0).backgroundFrameLossRatio()) + " (grey line; "
                + "no frame was lost in any after-failover run). Under the default host dealing a dead channel costs each "
                + "codeword at most " + maxHit(Variant.BIT, 1) + " symbols with the bit mapping and " + maxHit(Variant.SYMBOL, 1)
                + " with the symbol mapping, so one dead channel alone never breaks KP4 (t = 15); two or three break the bit "
                + "mapping (" + maxHit(Variant.BIT, 2) + " and " + maxHit(Variant.BIT, 3) + " symbols at risk, about half of them "
                + "wrong), while symbol and codeword-aware keep ≤ " + maxHit(Variant.SYMBOL, 3) + " symbols at risk."));
        sb.append(deadTable());

        sb.append("<h3>Detection-latency budget for one channel dying</h3>\n");
        sb.append("<p>While a dead channel waits for detection the link runs at the window FLR of the chart above; afterwards "
                + "it is back at the background FLR. One failure therefore costs (FLR<sub>window</sub> − FLR<sub>background</sub>) "
                + "× ").append(Html.esc(Output.ber(FRAMES_PER_SECOND)))
                .append(" frames/s × latency lost frames. Two criteria, for a target FLR of ").append(Output.ber(TARGET_FRAME_LOSS_RATIO))
                .append(":</p>\n<ul>\n<li><b>averaged</b>: the FLR averaged over a period T containing one failure stays "
                        + "within the target: (FLR<sub>bg</sub>·T + (FLR<sub>win</sub> − FLR<sub>bg</sub>)·L)/T ≤ target, so "
                        + "L<sub>max</sub> = (target − FLR<sub>bg</sub>)·T/(FLR<sub>win</sub> − FLR<sub>bg</sub>), with T = ")
                .append(Html.esc(Output.si(AVERAGING_PERIOD_SECONDS, Dimension.TIME)))
                .append(" (assumed: one channel failure per hour per cable is deliberately harsh; the budget scales with T). "
                        + "\"Unlimited\" means even a failure never detected within T meets the target. For reference, ")
                .append(DATA_CHANNELS).append(" channels at ").append(Output.number(FIT_PER_CHANNEL, 2))
                .append(" FIT each (the paper's pessimistic value) fail once per ")
                .append(Html.esc(Output.si(1e9 / (DATA_CHANNELS * FIT_PER_CHANNEL) * 3600, Dimension.TIME)))
                .append(" per cable, which would make every limit that many times longer;</li>\n<li><b>hitless</b>: one failure "
                        + "loses at most one frame on average: L<sub>max</sub> = 1/((FLR<sub>win</sub> − FLR<sub>bg</sub>)·frames/s). "
                        + "This is what a failover invisible to the traffic needs.</li>\n</ul>\n");
        sb.append(figure(budgetChart(), "budget", 980, 600, "Longest detection latency against the background BER of the "
                + "healthy channels, one channel dying (channel " + DEAD_CHANNELS[0] + "). Solid: averaged criterion (T = 1 h); "
                + "dashed: hitless. Lines from the exact window FLR; points with 95 % bars from the engines' window FLR (diamonds: "
                + "importance sampler; circles: error-event count, used for the single-symbol-dealing case whose frame loss the "
                + "sampler's FLR mapping understates). Symbol and codeword-aware coincide. Values of 10^4 s or more, and unlimited "
                + "ones, are drawn at the top edge (an averaged line steps down from it where a failure left undetected for the "
                + "whole period would just break the target); above a background BER of "
                + Output.ber(backgroundBerAtTarget) + " the healthy link alone misses the target and no latency is short enough. "
                + "Grey line: the default detection latency (assumed)."));
        sb.append(budgetSummary());
        sb.append(budgetTable());

        sb.append("<h3>Assumptions and sources</h3>\n");
        sb.append(Html.provenanceTable(provenance()));
        sb.append("<p class=\"note\">Not modelled: error bursts and crosstalk (the importance sampler needs independent errors; "
                + "the error-event engine supports them but they are not exercised here), 64b/66b and 256b/257b transcoding, "
                + "scrambler, alignment markers (docs/datapath.md). The FLR intervals map the codeword failure interval through "
                + "the independent-failure FLR formula, which is optimistic when failures cluster.</p>\n");
        return sb.toString();
    }

    /** The failovers of the run with the most dead channels after failover, as "21→400, …". */
    private String failoverList() {
        List<String> s = new ArrayList<>();
        deadCases.stream().filter(c -> c.variant().equals(Variant.BIT) && c.deadChannels() == DEAD_CHANNELS.length).findFirst()
                .ifPresent(c -> c.after().failovers().forEach(f -> s.add(f.fromPhysical() + "→" + f.toPhysical())));
        return String.join(", ", s);
    }

    private static String figure(JFreeChart chart, String key, int width, int height, String caption) {
        return Html.figure(Charts.svg(chart, width, height, "dp-" + key), caption);
    }

    private String counts(List<EnginePoint> ps) {
        TreeSet<String> s = new TreeSet<>();
        List<String> out = new ArrayList<>();
        for (EnginePoint p : ps) {
            String c = String.format(Locale.ROOT, "%,d at %s", p.result().codewords(), Output.ber(p.ber()));
            if (s.add(c)) {
                out.add(c);
            }
        }
        return String.join(", ", out);
    }

    private List<EnginePoint> pointsOf(String panel, boolean importance) {
        return points.stream().filter(p -> p.panel().equals(panel) && p.importance() == importance).toList();
    }

    /** The range of relative 95 % half-widths of the FLR intervals of a panel's points, per engine. */
    private String widths(String panel) {
        List<String> parts = new ArrayList<>();
        for (boolean is : new boolean[] {false, true}) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = 0;
            for (EnginePoint p : pointsOf(panel, is)) {
                Estimate e = p.result().frameLossRatio();
                if (e.value() > 0) {
                    double w = Math.max(e.ciHigh() - e.value(), e.value() - e.ciLow()) / e.value();
                    lo = Math.min(lo, w);
                    hi = Math.max(hi, w);
                }
            }
            if (hi > 0) {
                String range = Math.round(100 * lo) == Math.round(100 * hi) ? String.format(Locale.ROOT, "%.0f %%", 100 * hi)
                        : String.format(Locale.ROOT, "%.0f–%.0f %%", 100 * lo, 100 * hi);
                parts.add((is ? "importance sampler " : "error-event ") + range);
            }
        }
        return "relative 95 % half-widths: " + String.join(", ", parts);
    }

    private int maxHit(Variant v, int k) {
        return deadCases.stream().filter(c -> c.variant().equals(v) && c.deadChannels() == k).findFirst().orElseThrow().maxSymbolsHit();
    }

    private static String ci(Estimate e) {
        return Output.ber(e.value()) + " [" + Output.ber(e.ciLow()) + ", " + Output.ber(e.ciHigh()) + "]";
    }

    /** The i.i.d. points: one row per BER and engine, one column per mapping. */
    private String iidTable() {
        List<String> h = new ArrayList<>(List.of(">BER", "engine", ">codewords or samples", ">exact FLR"));
        for (Variant v : Variant.MAPPINGS) {
            h.add(">" + v.label());
        }
        List<List<String>> rows = new ArrayList<>();
        for (boolean is : new boolean[] {true, false}) {
            for (double b : union(pointsOf(IID, is).stream().mapToDouble(EnginePoint::ber).toArray())) {
                List<String> cells = new ArrayList<>(List.of(Output.ber(b), is ? "importance" : "error-event", "",
                        Output.ber(frameLossRatio(iidCodewordFailure(b)))));
                for (Variant v : Variant.MAPPINGS) {
                    EnginePoint p = point(IID, v, b, is);
                    cells.set(2, String.format(Locale.ROOT, "%,d", p.result().codewords()));
                    cells.add(estimate(p));
                }
                rows.add(cells);
            }
        }
        return Html.table(h, rows, null) + "<p class=\"note\">FLR with its 95 % interval; for the error-event engine the "
                + "number of failed codewords in brackets.</p>\n";
    }

    /** The one-dead-channel points: one row per background BER and variant. */
    private String deadPointTable() {
        List<String> h = List.of(">background BER", "mapping", ">exact FLR", ">error-event (codewords)", ">importance sampler");
        List<List<String>> rows = new ArrayList<>();
        for (double b : union(points.stream().filter(p -> p.panel().equals(DEAD)).mapToDouble(EnginePoint::ber).toArray())) {
            for (Variant v : Variant.ALL) {
                EnginePoint ee = point(DEAD, v, b, false);
                EnginePoint is = point(DEAD, v, b, true);
                if (ee == null && is == null) {
                    continue;
                }
                rows.add(List.of(Output.ber(b), v.label(), Output.ber(exactAt(v, b)),
                        ee == null ? "—" : estimate(ee) + String.format(Locale.ROOT, " of %,d", ee.result().codewords()),
                        is == null ? "—" : estimate(is)));
            }
        }
        return Html.table(h, rows, null) + "<p class=\"note\">FLR with its 95 % interval; for the error-event engine the "
                + "number of failed codewords of the run. Exact: the model of the lines above.</p>\n";
    }

    private EnginePoint point(String panel, Variant v, double ber, boolean importance) {
        return points.stream().filter(p -> p.panel().equals(panel) && p.variant().equals(v) && p.ber() == ber
                && p.importance() == importance).findFirst().orElse(null);
    }

    /** The exact one-dead-channel FLR of a variant at a BER of its curve's grid (every engine BER is on it). */
    double exactAt(Variant v, double ber) {
        for (Curve c : windowCurves) {
            if (c.variant().equals(v)) {
                for (int i = 0; i < c.ber().length; i++) {
                    if (c.ber()[i] == ber) {
                        return c.frameLossRatio()[i];
                    }
                }
            }
        }
        throw new IllegalArgumentException("no exact value for " + v.id() + " at BER " + ber + " — expected a BER of the curve grid");
    }

    private static String estimate(EnginePoint p) {
        EmulationResult r = p.result();
        return ci(r.frameLossRatio()) + (p.importance() ? "" : " (" + (r.uncorrectableCodewords() + r.miscorrectedCodewords()) + " cw)");
    }

    private String deadTable() {
        List<String> h = List.of("mapping", ">dead channels", ">symbols at risk (max per codeword)", ">window FLR, exact",
                ">window FLR, error-event", ">window FLR, importance", ">failed codewords in window",
                ">lost frames, one event (expected)", ">FLR after failover (counted)", ">FLR after failover, exact", "failover");
        List<List<String>> rows = new ArrayList<>();
        List<String> cls = new ArrayList<>();
        for (DeadCase c : deadCases) {
            EmulationResult w = c.window();
            List<String> spares = new ArrayList<>();
            c.after().failovers().forEach(f -> spares.add(f.fromPhysical() + "→" + f.toPhysical()));
            rows.add(List.of(c.variant().label(), Integer.toString(c.deadChannels()), Integer.toString(c.maxSymbolsHit()),
                    Output.ber(c.exactWindowFrameLossRatio()), ci(w.frameLossRatio()),
                    c.windowImportance() == null ? "—" : ci(c.windowImportance().frameLossRatio()),
                    String.format(Locale.ROOT, "%,d of %,d", w.uncorrectableCodewords() + w.miscorrectedCodewords(), w.codewords()),
                    String.format(Locale.ROOT, "%,d (%s)", c.timeline().lostFrames(), count(c.expectedLostFrames())),
                    ci(c.after().frameLossRatio()), Output.ber(c.backgroundFrameLossRatio()), String.join(", ", spares)));
            cls.add(c.exactWindowFrameLossRatio() > TARGET_FRAME_LOSS_RATIO ? "bad" : null);
        }
        return Html.table(h, rows, cls) + "<p class=\"note\">Error-event runs: " + String.format(Locale.ROOT, "%,d",
                deadCases.get(0).window().codewords()) + " codewords in the window, " + String.format(Locale.ROOT, "%,d",
                deadCases.get(0).after().codewords()) + " after failover (with no failed codeword the interval's upper end, about "
                + "3.7/N in codewords mapped to frames, bounds the FLR). Importance runs only where the error-event engine cannot "
                + "count failures. The importance sampler and the engines' homogeneous FLR formula use the codeword failure "
                + "averaged over the codewords; under single-symbol dealing a dead channel hits only some codewords of each block, "
                + "so they understate the frame loss that the error-event engine counts and the exact model reproduces. "
                + "Red rows exceed the target FLR during the window.</p>\n";
    }

    /** The latency budget in words, from the numbers: the design point and the highest background BER evaluated. */
    private String budgetSummary() {
        double top = budgets.stream().mapToDouble(Budget::backgroundBer).max().orElse(BACKGROUND_BER);
        StringBuilder sb = new StringBuilder("<p>");
        for (double b : new double[] {BACKGROUND_BER, top}) {
            sb.append("At a background BER of ").append(Output.ber(b)).append(b == BACKGROUND_BER ? " (the design point)" : "")
                    .append(", one dead channel costs, per failure at the default latency: ");
            List<String> parts = new ArrayList<>();
            for (Budget x : budgets) {
                if (x.backgroundBer() == b) {
                    parts.add(x.variant().label() + " " + count(x.lostFramesPerFailure()) + " frames (latency limits: averaged "
                            + latency(x.averagedLatencySeconds()).replaceFirst(" \\[.*", "") + ", hitless "
                            + latency(x.hitlessLatencySeconds()).replaceFirst(" \\[.*", "") + ")");
                }
            }
            sb.append(Html.esc(String.join("; ", parts))).append(". ");
        }
        for (double b : new double[] {BACKGROUND_BER, top}) {
            List<String> ok = new ArrayList<>();
            List<String> bad = new ArrayList<>();
            for (Budget x : budgets) {
                if (x.backgroundBer() == b) {
                    boolean meets = x.averagedLatencySeconds().value() >= DETECTION_LATENCY_SECONDS
                            && x.hitlessLatencySeconds().value() >= DETECTION_LATENCY_SECONDS;
                    (meets ? ok : bad).add(x.variant().label());
                }
            }
            sb.append(Html.esc("At " + Output.ber(b) + " the default latency of " + Output.si(DETECTION_LATENCY_SECONDS, Dimension.TIME)
                    + " meets both criteria for " + (ok.isEmpty() ? "no mapping" : String.join(", ", ok)) + "; it misses at least "
                    + "one for " + (bad.isEmpty() ? "none" : String.join(", ", bad)) + ". "));
        }
        return sb.append("</p>\n").toString();
    }

    private String budgetTable() {
        List<String> h = List.of("mapping", ">background BER", ">window FLR (95 %)", "engine", ">background FLR",
                ">lost frames per failure at " + Output.si(DETECTION_LATENCY_SECONDS, Dimension.TIME), ">latency limit, averaged (1 h)",
                ">latency limit, hitless");
        List<List<String>> rows = new ArrayList<>();
        List<String> cls = new ArrayList<>();
        for (Budget b : budgets) {
            rows.add(List.of(b.variant().label(), Output.ber(b.backgroundBer()), ci(b.windowFrameLossRatio()), b.engine(),
                    Output.ber(b.backgroundFrameLossRatio()), count(b.lostFramesPerFailure()),
                    latency(b.averagedLatencySeconds()), latency(b.hitlessLatencySeconds())));
            cls.add(b.hitlessLatencySeconds().value() < DETECTION_LATENCY_SECONDS
                    || b.averagedLatencySeconds().value() < DETECTION_LATENCY_SECONDS ? "bad" : null);
        }
        return Html.table(h, rows, cls) + "<p class=\"note\">Limits with the interval that follows from the window FLR's "
                + "95 % interval. Red rows: the default detection latency exceeds a limit.</p>\n";
    }

    private static String latency(Estimate e) {
        if (e.value() == Double.POSITIVE_INFINITY) {
            return "unlimited";
        }
        if (e.value() == 0) {
            return "none (background misses the target)";
        }
        return fmtTime(e.value()) + " [" + fmtTime(e.ciLow()) + ", " + fmtTime(e.ciHigh()) + "]";
    }

    /** A latency with two significant digits; beyond a day in seconds, scientific. */
    static String fmtTime(double s) {
        if (s == Double.POSITIVE_INFINITY) {
            return "unlimited";
        }
        return s >= 86_400 ? Output.ber(s).replaceFirst("\\.?0*e", "e") + " s" : Output.si(Double.parseDouble(Output.number(s, 2)), Dimension.TIME);
    }

    /** A (possibly tiny) expected number of frames: three significant digits, scientific below 0.01. */
    static String count(double frames) {
        return frames < 0.01 && frames > 0 ? Output.ber(frames) : Output.number(frames, 3);
    }

    // ---- charts ----

    private static final Color GREY = new Color(0x888888);
    private static final Color TARGET = new Color(0xC00000);

    private static Color colour(Variant v) {
        return Charts.SERIES[Variant.ALL.indexOf(v) % Charts.SERIES.length];
    }

    /** Multiplicative spread of the points of variant i of n, so that they do not hide each other on a log axis. */
    private static double dodge(int i, int n) {
        return Math.pow(10, 0.03 * (i - (n - 1) / 2.0));
    }

    private List<DatapathCharts.Points> enginePoints(String panel, List<Variant> variants) {
        List<DatapathCharts.Points> out = new ArrayList<>();
        for (Variant v : variants) {
            double d = dodge(variants.indexOf(v), variants.size());
            for (boolean is : new boolean[] {false, true}) {
                List<EnginePoint> ps = points.stream().filter(p -> p.panel().equals(panel) && p.variant().equals(v) && p.importance() == is).toList();
                double[][] a = new double[4][ps.size()];
                for (int i = 0; i < ps.size(); i++) {
                    Estimate e = ps.get(i).result().frameLossRatio();
                    a[0][i] = ps.get(i).ber() * d;
                    a[1][i] = e.value();
                    a[2][i] = e.ciLow();
                    a[3][i] = e.ciHigh();
                }
                out.add(new DatapathCharts.Points(v.label() + (is ? ", importance" : ", error-event"), a[0], a[1], a[2], a[3], colour(v),
                        is ? DatapathCharts.Marker.DIAMOND : DatapathCharts.Marker.CIRCLE, !is));
            }
        }
        return out;
    }

    private static final List<DatapathCharts.Key> ENGINE_KEYS = List.of(
            DatapathCharts.Key.marker("error-event", DatapathCharts.Marker.CIRCLE, true),
            DatapathCharts.Key.marker("importance sampler", DatapathCharts.Marker.DIAMOND, false));

    /** A compact legend: one colour per variant (as a swatch or a line), then the extra keys. */
    private static List<DatapathCharts.Key> legend(List<Variant> variants, boolean swatches, DatapathCharts.Key... extra) {
        List<DatapathCharts.Key> k = new ArrayList<>();
        for (Variant v : variants) {
            k.add(swatches ? new DatapathCharts.Key(v.label(), colour(v), DatapathCharts.Marker.SQUARE, true, 0)
                    : DatapathCharts.Key.line(v.label(), colour(v), dash(v)));
        }
        k.addAll(List.of(extra));
        return k;
    }

    /** Line style of a variant's curve where colour alone separates them: codeword-aware dashed (it lies on symbol), the sensitivity case dotted. */
    private static int dash(Variant v) {
        return v.equals(Variant.CODEWORD_AWARE) ? 1 : v.equals(Variant.BIT_SINGLE_SYMBOL_DEALING) ? 2 : 0;
    }

    private static DatapathCharts.Level target() {
        return new DatapathCharts.Level("target FLR " + Output.ber(TARGET_FRAME_LOSS_RATIO), TARGET_FRAME_LOSS_RATIO, TARGET);
    }

    JFreeChart iidChart() {
        Curve c = curves.get(0);
        List<DatapathCharts.Curve> lines = List.of(new DatapathCharts.Curve(c.name(), c.ber(), c.frameLossRatio(), Color.BLACK, 0, true));
        return DatapathCharts.plot("Frame loss ratio against pre-FEC BER, i.i.d. errors (KP4, 64-octet frames)",
                DatapathCharts.logAxis("pre-FEC BER (same on every channel)", 1e-5, 3e-3), DatapathCharts.logAxis("frame loss ratio", 1e-35, 1),
                lines, enginePoints(IID, Variant.MAPPINGS), List.of(target()),
                legend(Variant.MAPPINGS, true, DatapathCharts.Key.line("analytic, i.i.d. errors", Color.BLACK, 0),
                        ENGINE_KEYS.get(0), ENGINE_KEYS.get(1)));
    }

    JFreeChart deadChart() {
        List<DatapathCharts.Curve> lines = new ArrayList<>();
        Curve ref = curves.get(1);
        lines.add(new DatapathCharts.Curve(ref.name(), ref.ber(), ref.frameLossRatio(), GREY, 2, true));
        for (Curve c : windowCurves) {
            lines.add(new DatapathCharts.Curve(c.name(), c.ber(), c.frameLossRatio(), colour(c.variant()), dash(c.variant()), true));
        }
        return DatapathCharts.plot("Frame loss ratio with one dead channel, before failover",
                DatapathCharts.logAxis("background BER of the healthy channels", 1e-8, 3e-3),
                DatapathCharts.logAxis("frame loss ratio", 1e-70, 1), lines, enginePoints(DEAD, Variant.ALL), List.of(target()),
                legend(Variant.ALL, false, DatapathCharts.Key.line("no dead channel", GREY, 2), ENGINE_KEYS.get(0), ENGINE_KEYS.get(1)));
    }

    JFreeChart deadCasesChart() {
        List<DatapathCharts.Curve> lines = new ArrayList<>();
        List<DatapathCharts.Points> pts = new ArrayList<>();
        int n = Variant.ALL.size();
        for (Variant v : Variant.ALL) {
            List<DeadCase> cs = deadCases.stream().filter(c -> c.variant().equals(v)).toList();
            double shift = 0.06 * (Variant.ALL.indexOf(v) - (n - 1) / 2.0);
            double[] x = new double[cs.size()];
            double[][] exact = new double[3][cs.size()];
            double[][] ee = new double[4][cs.size()];
            double[][] is = new double[4][cs.size()];
            for (int i = 0; i < cs.size(); i++) {
                DeadCase c = cs.get(i);
                x[i] = c.deadChannels() + shift;
                exact[0][i] = c.exactWindowFrameLossRatio();
                exact[1][i] = Double.NaN;
                exact[2][i] = Double.NaN;
                fill(ee, i, x[i], c.window().lostFrames() > 0 ? c.window().frameLossRatio() : null);
                fill(is, i, x[i], c.windowImportance() == null ? null : c.windowImportance().frameLossRatio());
            }
            lines.add(new DatapathCharts.Curve(v.label() + ", exact", x, exact[0], colour(v), 0, false));
            pts.add(new DatapathCharts.Points(v.label() + ", exact", x, exact[0], exact[1], exact[2], colour(v), DatapathCharts.Marker.SQUARE, false));
            pts.add(new DatapathCharts.Points(v.label() + ", error-event", ee[0], ee[1], ee[2], ee[3], colour(v), DatapathCharts.Marker.CIRCLE, true));
            pts.add(new DatapathCharts.Points(v.label() + ", importance", is[0], is[1], is[2], is[3], colour(v), DatapathCharts.Marker.DIAMOND, false));
        }
        double bg = deadCases.get(0).backgroundFrameLossRatio();
        return DatapathCharts.plot("Frame loss during the detection window, background BER " + Output.ber(BACKGROUND_BER),
                DatapathCharts.integerAxis("dead channels at once", 0.6, 3.4), DatapathCharts.logAxis("frame loss ratio", 1e-80, 1),
                lines, pts, List.of(target(), new DatapathCharts.Level("after failover: background FLR " + Output.ber(bg), bg, GREY)),
                legend(Variant.ALL, true, DatapathCharts.Key.marker("exact", DatapathCharts.Marker.SQUARE, false), ENGINE_KEYS.get(0),
                        ENGINE_KEYS.get(1)));
    }

    private static void fill(double[][] a, int i, double x, Estimate e) {
        a[0][i] = x;
        a[1][i] = e == null ? Double.NaN : e.value();
        a[2][i] = e == null ? Double.NaN : e.ciLow();
        a[3][i] = e == null ? Double.NaN : e.ciHigh();
    }

    /** The top of the latency axis; longer and unlimited limits are drawn there. */
    static final double LATENCY_AXIS_TOP_SECONDS = 1e4;

    JFreeChart budgetChart() {
        List<DatapathCharts.Curve> lines = new ArrayList<>();
        for (Curve c : windowCurves) {
            double[] avg = new double[c.ber().length];
            double[] hit = new double[c.ber().length];
            double[] ber = new double[c.ber().length];
            int k = 0;
            for (int i = 0; i < c.ber().length; i++) {
                if (c.ber()[i] > backgroundBerAtTarget) {
                    continue; // the healthy link alone misses the target: no latency is short enough
                }
                double bg = frameLossRatio(iidCodewordFailure(c.ber()[i]));
                ber[k] = c.ber()[i];
                avg[k] = Math.min(LATENCY_AXIS_TOP_SECONDS, averagedLatency(c.frameLossRatio()[i], bg));
                hit[k] = Math.min(LATENCY_AXIS_TOP_SECONDS, hitlessLatency(c.frameLossRatio()[i], bg));
                k++;
            }
            lines.add(new DatapathCharts.Curve(c.variant().label() + ", averaged", Arrays.copyOf(ber, k), Arrays.copyOf(avg, k),
                    colour(c.variant()), 0, true));
            lines.add(new DatapathCharts.Curve(c.variant().label() + ", hitless", Arrays.copyOf(ber, k), Arrays.copyOf(hit, k),
                    colour(c.variant()), 1, true));
        }
        List<DatapathCharts.Points> pts = new ArrayList<>();
        int n = Variant.ALL.size();
        for (Variant v : Variant.ALL) {
            List<Budget> bs = budgets.stream().filter(b -> b.variant().equals(v)).toList();
            double d = dodge(Variant.ALL.indexOf(v), n);
            double[][] a = new double[4][2 * bs.size()];
            for (int i = 0; i < bs.size(); i++) {
                fill(a, 2 * i, bs.get(i).backgroundBer() * d, clipLatency(bs.get(i).averagedLatencySeconds()));
                fill(a, 2 * i + 1, bs.get(i).backgroundBer() * d, clipLatency(bs.get(i).hitlessLatencySeconds()));
            }
            boolean is = !bs.isEmpty() && "importance".equals(bs.get(0).engine());
            pts.add(new DatapathCharts.Points(v.label(), a[0], a[1], a[2], a[3], colour(v),
                    is ? DatapathCharts.Marker.DIAMOND : DatapathCharts.Marker.CIRCLE, !is));
        }
        DatapathCharts.Level def = new DatapathCharts.Level("default detection latency " + Output.si(DETECTION_LATENCY_SECONDS, Dimension.TIME),
                DETECTION_LATENCY_SECONDS, GREY);
        return DatapathCharts.plot("Longest detection latency for target FLR " + Output.ber(TARGET_FRAME_LOSS_RATIO) + ", one channel dying",
                DatapathCharts.logAxis("background BER of the healthy channels", 1e-8, 2e-3),
                DatapathCharts.timeAxis("longest detection latency", 1e-10, LATENCY_AXIS_TOP_SECONDS), lines, pts, List.of(def),
                legend(Variant.ALL, true, DatapathCharts.Key.line("averaged (1 h)", Color.DARK_GRAY, 0),
                        DatapathCharts.Key.line("hitless", Color.DARK_GRAY, 1), ENGINE_KEYS.get(0), ENGINE_KEYS.get(1)));
    }

    /** Limits that cannot be drawn (0, unlimited) are left out; long ones are drawn at the top of the axis. */
    private static Estimate clipLatency(Estimate e) {
        if (!(e.value() > 0) || e.value() == Double.POSITIVE_INFINITY) {
            return null;
        }
        double top = LATENCY_AXIS_TOP_SECONDS;
        return new Estimate(Math.min(top, e.value()), Math.min(top, e.ciLow()), Math.min(top, e.ciHigh()));
    }

    /** The section's figures by key (iid, dead, cases, budget), for rendering elsewhere (PNG previews). */
    public Map<String, JFreeChart> charts() {
        Map<String, JFreeChart> m = new LinkedHashMap<>();
        m.put("iid", iidChart());
        m.put("dead", deadChart());
        m.put("cases", deadCasesChart());
        m.put("budget", budgetChart());
        return m;
    }

    /** The numbers this section uses with their sources: the emulator's defaults and the section's own. */
    public static List<Provenance> provenance() {
        List<Provenance> p = new ArrayList<>(EmulationSpec.defaultsProvenance());
        p.add(new Provenance("targetFrameLossRatio", Output.ber(TARGET_FRAME_LOSS_RATIO), Confidence.ASSUMED,
                "assumed (Mosaic developers); context: [fluxlight-fec], [tia-sr4-2]", "802.3: BER 1e-13 \"or the frame loss ratio equivalent\" (published); 6.2e-11 for "
                + "64-octet frames is unverified, recalled"));
        p.add(new Provenance("averagingPeriod", "1 h, one channel failure in it", Confidence.ASSUMED, "assumed (Mosaic developers)",
                "a harsh stand-in for how often a cable loses a channel; the averaged latency budget scales with it"));
        p.add(new Provenance("fitPerChannel", "1 FIT (pessimistic)", Confidence.PAPER_DERIVED, "[mosaic-claim-ledger]",
                "only to put the averaging period in perspective"));
        p.add(new Provenance("deadChannels", Arrays.toString(DEAD_CHANNELS), Confidence.ASSUMED, "assumed (Mosaic developers)",
                "far apart on the grid; under the default host every channel carries 13–14 (bit) or 1–2 (symbol) symbols of a codeword"));
        p.add(new Provenance("deadChannel", "random bits (BER 1/2)", Confidence.ASSUMED, "assumed (Mosaic developers), docs/datapath.md",
                "a dark emitter read by a slicer gives noise-driven bits; a stuck-at channel has the same law for random data"));
        return p;
    }

    // ---- JSON, CSV ----

    @Override
    public JsonNode json() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("seed", seed);
        root.put("targetFrameLossRatio", TARGET_FRAME_LOSS_RATIO);
        root.put("targetPostFecBer", TARGET_POST_FEC_BER);
        root.put("frameBytes", FRAME_BYTES);
        root.put("framesPerSecond", FRAMES_PER_SECOND);
        root.put("backgroundBer", BACKGROUND_BER);
        root.put("detectionLatencySeconds", DETECTION_LATENCY_SECONDS);
        root.put("averagingPeriodSeconds", AVERAGING_PERIOD_SECONDS);
        root.put("iidBerAtTargetFrameLossRatio", backgroundBerAtTarget);
        root.set("deadChannels", Output.tree(DEAD_CHANNELS));
        ArrayNode cs = root.putArray("curves");
        for (Curve c : curves) {
            ObjectNode o = cs.addObject();
            o.put("panel", c.panel());
            o.put("name", c.name());
            o.put("variant", c.variant() == null ? null : c.variant().id());
            o.set("ber", Output.tree(c.ber()));
            o.set("codewordFailure", Output.tree(c.codewordFailure()));
            o.set("frameLossRatio", Output.tree(c.frameLossRatio()));
        }
        ArrayNode ps = root.putArray("points");
        for (EnginePoint p : points) {
            ObjectNode o = ps.addObject();
            o.put("panel", p.panel());
            o.put("variant", p.variant().id());
            o.put("ber", p.ber());
            summary(o, p.result());
        }
        ArrayNode dc = root.putArray("deadChannelCases");
        for (DeadCase c : deadCases) {
            ObjectNode o = dc.addObject();
            o.put("variant", c.variant().id());
            o.put("deadChannels", c.deadChannels());
            o.put("maxSymbolsAtRiskPerCodeword", c.maxSymbolsHit());
            summary(o.putObject("window"), c.window());
            o.put("exactWindowFrameLossRatio", c.exactWindowFrameLossRatio());
            o.put("backgroundFrameLossRatio", c.backgroundFrameLossRatio());
            if (c.windowImportance() != null) {
                summary(o.putObject("windowImportance"), c.windowImportance());
            }
            summary(o.putObject("afterFailover"), c.after());
            ObjectNode t = summary(o.putObject("oneEvent"), c.timeline());
            t.put("faultSeconds", FAULT_AT_SECONDS);
            t.put("expectedLostFrames", c.expectedLostFrames());
        }
        ArrayNode bs = root.putArray("latencyBudget");
        for (Budget b : budgets) {
            ObjectNode o = bs.addObject();
            o.put("variant", b.variant().id());
            o.put("backgroundBer", b.backgroundBer());
            o.put("engine", b.engine());
            o.set("windowFrameLossRatio", Output.tree(b.windowFrameLossRatio()));
            o.put("backgroundFrameLossRatio", b.backgroundFrameLossRatio());
            o.put("lostFramesPerFailure", b.lostFramesPerFailure());
            o.set("averagedLatencySeconds", Output.tree(b.averagedLatencySeconds()));
            o.put("averagedUnlimited", b.averagedLatencySeconds().value() == Double.POSITIVE_INFINITY);
            o.set("hitlessLatencySeconds", Output.tree(b.hitlessLatencySeconds()));
            o.put("hitlessUnlimited", b.hitlessLatencySeconds().value() == Double.POSITIVE_INFINITY);
        }
        root.set("provenance", Output.tree(provenance()));
        return Output.strict(root);
    }

    private static ObjectNode summary(ObjectNode o, EmulationResult r) {
        o.put("engine", r.engine());
        o.put("mapping", r.mapping());
        o.put("codewords", r.codewords());
        o.put("simulatedSeconds", r.simulatedSeconds());
        o.put("preFecBer", r.preFecBer());
        o.put("failedCodewords", r.uncorrectableCodewords() + r.miscorrectedCodewords());
        o.set("codewordFailureRatio", Output.tree(r.codewordFailureRatio()));
        o.put("frames", r.frames());
        o.put("lostFrames", r.lostFrames());
        o.set("frameLossRatio", Output.tree(r.frameLossRatio()));
        o.put("analyticFrameLossRatio", r.analytic().frameLossRatio());
        o.put("analyticCodewordFailure", r.analytic().mappingAwareCodewordFailure());
        ArrayNode f = o.putArray("failovers");
        r.failovers().forEach(x -> f.add(x.fromPhysical() + "->" + x.toPhysical() + " at " + x.switchSeconds() + " s"));
        return o;
    }

    @Override
    public List<ResultRow> rows() {
        List<ResultRow> rows = new ArrayList<>();
        rows.add(new ResultRow("i.i.d. errors", "berAtTargetFrameLossRatio", backgroundBerAtTarget, ""));
        for (EnginePoint p : points) {
            if (p.importance() && p.ber() == 2.4e-4 && p.panel().equals(IID)) {
                rows.add(new ResultRow("i.i.d. BER 2.4e-4, " + p.variant().label(), "frameLossRatio (importance)",
                        p.result().frameLossRatio().value(), ""));
            }
        }
        rows.add(new ResultRow("i.i.d. BER 2.4e-4", "codewordFailure (analytic)", iidCodewordFailure(2.4e-4), ""));
        for (DeadCase c : deadCases) {
            String who = c.deadChannels() + " dead, " + c.variant().label();
            rows.add(new ResultRow(who, "windowFrameLossRatio (exact)", c.exactWindowFrameLossRatio(), ""));
            if (c.windowImportance() != null) {
                rows.add(new ResultRow(who, "windowFrameLossRatio (importance)", c.windowImportance().frameLossRatio().value(), ""));
            }
            rows.add(new ResultRow(who, "windowFrameLossRatio (error-event)", c.window().frameLossRatio().value(), ""));
            rows.add(new ResultRow(who, "afterFailoverFrameLossRatio (counted)", c.after().frameLossRatio().value(), ""));
            rows.add(new ResultRow(who, "afterFailoverFrameLossRatio (exact)", c.backgroundFrameLossRatio(), ""));
            rows.add(new ResultRow(who, "lostFramesOneEvent", c.timeline().lostFrames(), "frames"));
        }
        for (Budget b : budgets) {
            String who = "one dead, " + b.variant().label() + ", background BER " + Output.ber(b.backgroundBer());
            rows.add(new ResultRow(who, "windowFrameLossRatio (" + b.engine() + ")", b.windowFrameLossRatio().value(), ""));
            rows.add(new ResultRow(who, "averagedLatencySeconds", finiteOrNull(b.averagedLatencySeconds().value()), "s"));
            rows.add(new ResultRow(who, "hitlessLatencySeconds", finiteOrNull(b.hitlessLatencySeconds().value()), "s"));
        }
        return rows;
    }

    /** results.csv has no infinity: unlimited becomes an empty cell (null), documented in results.json by the *Unlimited flags. */
    private static Double finiteOrNull(double v) {
        return Double.isFinite(v) ? v : null;
    }

    @Override
    public List<DataFile> files() {
        StringBuilder cv = new StringBuilder("panel,curve,variant,ber,codeword_failure,frame_loss_ratio\n");
        for (Curve c : curves) {
            for (int i = 0; i < c.ber().length; i++) {
                cv.append(String.join(",", c.panel(), Output.csvCell(c.name()), c.variant() == null ? "" : c.variant().id(),
                        Output.csvCell(c.ber()[i]), Output.csvCell(c.codewordFailure()[i]), Output.csvCell(c.frameLossRatio()[i]))).append('\n');
            }
        }
        StringBuilder pt = new StringBuilder("panel,variant,engine,ber,codewords_or_samples,failed_codewords,frames,lost_frames,"
                + "flr,flr_ci_low,flr_ci_high,engine_analytic_flr,exact_flr\n");
        for (EnginePoint p : points) {
            EmulationResult r = p.result();
            pt.append(String.join(",", p.panel(), p.variant().id(), r.engine(), Output.csvCell(p.ber()), Long.toString(r.codewords()),
                    Long.toString(r.uncorrectableCodewords() + r.miscorrectedCodewords()), Long.toString(r.frames()),
                    Long.toString(r.lostFrames()), Output.csvCell(r.frameLossRatio().value()), Output.csvCell(r.frameLossRatio().ciLow()),
                    Output.csvCell(r.frameLossRatio().ciHigh()), Output.csvCell(r.analytic().frameLossRatio()),
                    Output.csvCell(p.panel().equals(IID) ? frameLossRatio(iidCodewordFailure(p.ber())) : exactAt(p.variant(), p.ber()))))
                    .append('\n');
        }
        StringBuilder dc = new StringBuilder("variant,dead_channels,max_symbols_at_risk,window_flr_ee,window_flr_ee_ci_low,"
                + "window_flr_ee_ci_high,window_flr_is,window_flr_is_ci_low,window_flr_is_ci_high,window_flr_exact,"
                + "window_failed_codewords,window_codewords,after_flr,after_flr_ci_high,after_flr_exact,event_lost_frames,"
                + "event_expected_lost_frames\n");
        for (DeadCase c : deadCases) {
            Estimate ee = c.window().frameLossRatio();
            Estimate is = c.windowImportance() == null ? new Estimate(Double.NaN, Double.NaN, Double.NaN)
                    : c.windowImportance().frameLossRatio();
            dc.append(String.join(",", c.variant().id(), Integer.toString(c.deadChannels()), Integer.toString(c.maxSymbolsHit()),
                    Output.csvCell(ee.value()), Output.csvCell(ee.ciLow()), Output.csvCell(ee.ciHigh()), Output.csvCell(is.value()),
                    Output.csvCell(is.ciLow()), Output.csvCell(is.ciHigh()), Output.csvCell(c.exactWindowFrameLossRatio()),
                    Long.toString(c.window().uncorrectableCodewords() + c.window().miscorrectedCodewords()),
                    Long.toString(c.window().codewords()), Output.csvCell(c.after().frameLossRatio().value()),
                    Output.csvCell(c.after().frameLossRatio().ciHigh()), Output.csvCell(c.backgroundFrameLossRatio()),
                    Long.toString(c.timeline().lostFrames()), Output.csvCell(c.expectedLostFrames()))).append('\n');
        }
        StringBuilder lb = new StringBuilder("variant,background_ber,engine,window_flr,window_flr_ci_low,window_flr_ci_high,background_flr,"
                + "lost_frames_per_failure,averaged_latency_s,averaged_latency_ci_low_s,averaged_latency_ci_high_s,hitless_latency_s,"
                + "hitless_latency_ci_low_s,hitless_latency_ci_high_s\n");
        for (Budget b : budgets) {
            Estimate w = b.windowFrameLossRatio();
            Estimate a = b.averagedLatencySeconds();
            Estimate h = b.hitlessLatencySeconds();
            lb.append(String.join(",", b.variant().id(), Output.csvCell(b.backgroundBer()), b.engine(), Output.csvCell(w.value()),
                    Output.csvCell(w.ciLow()), Output.csvCell(w.ciHigh()), Output.csvCell(b.backgroundFrameLossRatio()),
                    Output.csvCell(b.lostFramesPerFailure()), inf(a.value()), inf(a.ciLow()), inf(a.ciHigh()), inf(h.value()),
                    inf(h.ciLow()), inf(h.ciHigh()))).append('\n');
        }
        return List.of(new DataFile("datapath-flr-curves.csv", cv.toString()), new DataFile("datapath-engine-points.csv", pt.toString()),
                new DataFile("datapath-dead-channels.csv", dc.toString()), new DataFile("datapath-latency-budget.csv", lb.toString()));
    }

    /** CSV cell of a latency: "inf" for unlimited (a CSV reader parses it as infinity). */
    private static String inf(double v) {
        return v == Double.POSITIVE_INFINITY ? "inf" : Output.csvCell(v);
    }
}
