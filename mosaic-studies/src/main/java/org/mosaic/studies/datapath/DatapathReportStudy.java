package org.mosaic.studies.datapath;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.mosaic.core.catalog.Confidence;
import org.mosaic.core.catalog.Provenance;
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
import org.mosaic.studies.In;
import org.mosaic.studies.Output;
import org.mosaic.studies.Parallel;
import org.mosaic.studies.Progress;
import org.mosaic.studies.Study;
import org.mosaic.studies.datapath.DatapathReport.Budget;
import org.mosaic.studies.datapath.DatapathReport.Curve;
import org.mosaic.studies.datapath.DatapathReport.DeadCase;
import org.mosaic.studies.datapath.DatapathReport.EnginePoint;
import org.mosaic.studies.datapath.DatapathReport.LatencyCurve;
import org.mosaic.studies.datapath.DatapathReport.OneEvent;
import org.mosaic.studies.datapath.DatapathReport.Run;

/**
 * The report's datapath study ({@code report-datapath}): what the host's RS(544,514) "KP4" FEC makes of the MOSAIC
 * channels, for each gearbox mapping (bit, symbol, codeword-aware, on the default host with 802.3bs's single-symbol
 * PCS dealing; plus the bit mapping under the alternative unit PCS dealing as a sensitivity case, see
 * {@link org.mosaic.datapath.HostSpec.PcsDealing}).
 *
 * <ol>
 *   <li><b>Frame loss ratio (FLR) against pre-FEC BER.</b> (a) Independent errors at the same BER on every
 *       channel: the analytic binomial curve ({@link org.mosaic.datapath.fec.PostFec}) with error-event points where
 *       failures are countable and importance-sampler points below; the mappings coincide here by construction. (b) The
 *       case where the mapping matters: one dead channel (random bits) plus independent errors at a background BER on
 *       the others, i.e. the detection window before failover; exact Poisson-binomial curves per mapping
 *       ({@link Exposure}, independent of the engine, from the gearbox permutation) and engine points.</li>
 *   <li><b>One, two, three dead channels</b> at the design background BER: FLR during the detection window
 *       (error-event counts, importance sampler, exact independent-error value), after failover to spares, and the
 *       frames one failure event costs in a run where the channels die and fail over.</li>
 *   <li><b>Detection-latency budget</b> for one channel dying: the longest latency for which the FLR averaged over
 *       {@link #AVERAGING_PERIOD_SECONDS} containing one failure stays within {@link #TARGET_FRAME_LOSS_RATIO}, and the
 *       longest for which the failure costs at most one frame on average ("hitless").</li>
 * </ol>
 *
 * <p>Assumptions: errors independent between bits (no bursts, no crosstalk); a dead channel delivers random bits
 * (each wrong with probability ½); spares have the background BER; the model's host simplifications are those of
 * {@code docs/datapath.md}. Every emulation uses the seed (common random numbers, so the mappings are compared on
 * the same channel errors) and one thread each; the runs go in parallel and come back by index, so the result is a
 * pure function of the seed.
 */
public final class DatapathReportStudy implements Study<DatapathReportStudy.Input, DatapathReport> {
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
    static final int[] DEAD_CHANNELS = {21, 210, 378};

    public static final FecSpec FEC = FecSpec.KP4;
    public static final int FRAME_BYTES = EmulationSpec.DEFAULT_FRAME_BYTES;
    public static final int DATA_CHANNELS = ChannelPlan.MOSAIC_800G.dataChannels();
    /** 64-octet frames per second over the message bits of the 800G host stream. */
    public static final double FRAMES_PER_SECOND =
            HostSpec.HOST_800G.rateBitsPerSecond() * FEC.k() / FEC.n() / (8.0 * FRAME_BYTES);

    static final String IID = "iid";
    static final String DEAD = "one-dead-channel";

    /** @param seed the seed of every emulation */
    public record Input(@In(value = "the seed of every emulation (common random numbers across the mappings)", unit = "1",
            defaultValue = "0") long seed) {
    }

    @Override
    public String name() {
        return "report-datapath";
    }

    @Override
    public String question() {
        return "What does the host's KP4 FEC make of the MOSAIC channels per gearbox mapping: frame loss against BER, one to "
                + "three dead channels before and after failover, and the longest detection latency for the target frame loss?";
    }

    @Override
    public Class<Input> inputType() {
        return Input.class;
    }

    @Override
    public Class<DatapathReport> resultType() {
        return DatapathReport.class;
    }

    /** Runs every emulation of the report's plan (in parallel, deterministic for the seed) and the analytic curves. */
    @Override
    public DatapathReport run(Input input, Progress progress) {
        return compute(input.seed(), Plan.REPORT, progress);
    }

    /** The data channels that die (the first k for k dead channels). */
    public static int[] deadChannels() {
        return DEAD_CHANNELS.clone();
    }

    /**
     * How much to emulate (fixed in advance, never adapted to the results): error-event points and their codeword
     * counts, importance-sampler points and settings, codewords of the dead-channel runs, curve resolution.
     * {@link #REPORT} fits the report's budget (about 10 s on 2 cores).
     */
    public record Plan(double[] iidErrorEventBer, long[] iidErrorEventCodewords, double[] iidImportanceBer,
                double[] deadErrorEventBer, long[] deadErrorEventCodewords, double[] deadImportanceBer,
                double[] sensitivityErrorEventBer, long windowCodewords, long afterCodewords, long timelineCodewords,
                Importance importance, int curvePoints) {
        public static final Plan REPORT = new Plan(
                new double[] {1e-3, 1.4e-3, 2e-3}, new long[] {400_000, 100_000, 40_000}, new double[] {1e-4, 2.4e-4, 5e-4},
                new double[] {2.4e-4, 1e-3, 2e-3}, new long[] {100_000, 100_000, 40_000},
                new double[] {BACKGROUND_BER, 1e-5, 1e-4, 2.4e-4}, new double[] {BACKGROUND_BER, 1e-5, 1e-4},
                50_000, 50_000, 20_000, new Importance(16_000, 160_000, 0.05, 0), 71);

        public Plan {
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
                    throw new IllegalArgumentException("background BER " + b + " has no error-event run for the counted variant (bit mapping, single-symbol dealing) — "
                            + "expected it in deadErrorEventBer or sensitivityErrorEventBer (its latency budget is counted, see Budget)");
                }
            }
        }
    }

    public static DatapathReport compute(long seed, Plan plan, Progress progress) {
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
            if (countedBudget(v)) {
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
                points.add(new EnginePoint(IID, v, b, Run.of(out.get(at.get(key(IID, v, b, "ee"))))));
            }
            for (double b : plan.iidImportanceBer()) {
                points.add(new EnginePoint(IID, v, b, Run.of(out.get(at.get(key(IID, v, b, "is"))))));
            }
        }
        for (Variant v : Variant.ALL) {
            for (double b : union(plan.deadErrorEventBer(), plan.sensitivityErrorEventBer())) {
                Integer i = at.get(key(DEAD, v, b, "ee"));
                if (i != null) {
                    points.add(new EnginePoint(DEAD, v, b, Run.of(out.get(i))));
                }
            }
            for (double b : plan.deadImportanceBer()) {
                points.add(new EnginePoint(DEAD, v, b, Run.of(out.get(at.get(key(DEAD, v, b, "is"))))));
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
        double background = FrameLoss.frameLossRatio(FrameLoss.iidCodewordFailure(BACKGROUND_BER));
        for (Variant v : Variant.ALL) {
            for (int k = 1; k <= DEAD_CHANNELS.length; k++) {
                Exposure e = new Exposure(v, Arrays.copyOf(DEAD_CHANNELS, k));
                Integer is = at.get("window-is " + v.id() + " " + k);
                double exact = e.frameLossRatio(BACKGROUND_BER);
                cases.add(new DeadCase(v, k, e.maxSymbolsHit(), Run.of(out.get(at.get("window " + v.id() + " " + k))), exact, background,
                        is == null ? null : Run.of(out.get(is)), Run.of(out.get(at.get("after " + v.id() + " " + k))),
                        new OneEvent(Run.of(out.get(at.get("timeline " + v.id() + " " + k))), FAULT_AT_SECONDS,
                                FrameLoss.lostFramesPerFailure(exact, background, DETECTION_LATENCY_SECONDS))));
            }
        }

        // chart 3: latency budget from an engine's window FLR (see Budget)
        List<Budget> budgets = new ArrayList<>();
        for (Variant v : Variant.ALL) {
            for (double b : plan.deadImportanceBer()) {
                boolean counted = countedBudget(v);
                EmulationResult r = out.get(at.get(key(DEAD, v, b, counted ? "ee" : "is")));
                budgets.add(budget(v, b, r.engine(), r.frameLossRatio()));
            }
        }
        double berAtTarget = FrameLoss.berAtTarget();
        return new DatapathReport(seed, TARGET_FRAME_LOSS_RATIO, TARGET_POST_FEC_BER, FRAME_BYTES, FRAMES_PER_SECOND, BACKGROUND_BER,
                DETECTION_LATENCY_SECONDS, AVERAGING_PERIOD_SECONDS, berAtTarget, DEAD_CHANNELS, curves, points, cases, budgets,
                provenance(), latencyCurves(windowCurves, berAtTarget));
    }

    /**
     * Whether a variant's latency budget comes from the error-event count rather than the importance sampler: where
     * one dead channel alone puts more than t symbols of some codeword at risk (the bit mapping under single-symbol
     * dealing: 27–28), codewords fail often enough in the window to be counted, and the importance sampler's tilt
     * (made for rare failures) adds nothing.
     */
    static boolean countedBudget(Variant v) {
        return new Exposure(v, Arrays.copyOf(DEAD_CHANNELS, 1)).maxSymbolsHit() > FEC.t();
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

    /**
     * The two latency limits along each exact one-dead-channel curve, at the BERs where the healthy link alone meets
     * the target (above it no latency is short enough).
     */
    private static List<LatencyCurve> latencyCurves(List<Curve> windowCurves, double berAtTarget) {
        List<LatencyCurve> out = new ArrayList<>();
        for (Curve c : windowCurves) {
            double[] avg = new double[c.ber().length];
            double[] hit = new double[c.ber().length];
            double[] ber = new double[c.ber().length];
            int k = 0;
            for (int i = 0; i < c.ber().length; i++) {
                if (c.ber()[i] > berAtTarget) {
                    continue; // the healthy link alone misses the target: no latency is short enough
                }
                double bg = FrameLoss.frameLossRatio(FrameLoss.iidCodewordFailure(c.ber()[i]));
                ber[k] = c.ber()[i];
                avg[k] = FrameLoss.averagedLatency(c.frameLossRatio()[i], bg);
                hit[k] = FrameLoss.hitlessLatency(c.frameLossRatio()[i], bg);
                k++;
            }
            out.add(new LatencyCurve(c.variant(), Arrays.copyOf(ber, k), Arrays.copyOf(avg, k), Arrays.copyOf(hit, k)));
        }
        return out;
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

    private static Curve iidCurve(String panel, String name, double[] ber) {
        double[] cw = new double[ber.length];
        double[] flr = new double[ber.length];
        for (int i = 0; i < ber.length; i++) {
            cw[i] = FrameLoss.iidCodewordFailure(ber[i]);
            flr[i] = FrameLoss.frameLossRatio(cw[i]);
        }
        return new Curve(panel, name, null, ber, cw, flr);
    }

    private static Budget budget(Variant v, double ber, String engine, Estimate window) {
        double bg = FrameLoss.frameLossRatio(FrameLoss.iidCodewordFailure(ber));
        Estimate avg = new Estimate(FrameLoss.averagedLatency(window.value(), bg), FrameLoss.averagedLatency(window.ciHigh(), bg),
                FrameLoss.averagedLatency(window.ciLow(), bg));
        Estimate hit = new Estimate(FrameLoss.hitlessLatency(window.value(), bg), FrameLoss.hitlessLatency(window.ciHigh(), bg),
                FrameLoss.hitlessLatency(window.ciLow(), bg));
        return new Budget(v, ber, engine, window, bg, FrameLoss.lostFramesPerFailure(window.value(), bg, DETECTION_LATENCY_SECONDS), avg,
                avg.value() == Double.POSITIVE_INFINITY, hit, hit.value() == Double.POSITIVE_INFINITY);
    }

    /** The numbers the section uses with their sources: the emulator's defaults and the section's own. */
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
                "far apart on the grid; under the default host (single-symbol dealing) a channel carries 27–28 symbols of two of a "
                + "block's four codewords (bit), 2–3 of two (symbol) or 1–2 of each (codeword-aware); 13–14 of each under unit dealing (bit)"));
        p.add(new Provenance("deadChannel", "random bits (BER 1/2)", Confidence.ASSUMED, "assumed (Mosaic developers), docs/datapath.md",
                "a dark emitter read by a slicer gives noise-driven bits; a stuck-at channel has the same law for random data"));
        return p;
    }

}
