package org.mosaic.datapath.engine;

import java.util.random.RandomGenerator.SplittableGenerator;
import org.mosaic.core.random.RandomStreams;
import org.mosaic.datapath.EmulationResult;
import org.mosaic.datapath.EmulationSpec;
import org.mosaic.datapath.FecSpec;
import org.mosaic.datapath.fec.GaloisField;
import org.mosaic.datapath.fec.PostFec;
import org.mosaic.datapath.fec.ReedSolomon;
import org.mosaic.datapath.gearbox.GearboxMap;
import org.mosaic.datapath.channel.LinkTimeline;

/**
 * What every engine derives from a spec: the code, the gearbox permutation, the run length in superblocks,
 * the timeline, the fixed chunking of the run (a function of the spec alone, so results do not depend on
 * the thread count) and the analytic baseline.
 */
public final class Context {
    /** Expected channel errors per chunk the chunking aims at (a speed/memory trade-off, not a model number). */
    static final double TARGET_ERRORS_PER_CHUNK = 1 << 17;
    static final long MAX_CHUNK_SUPERBLOCKS = 1 << 14;
    static final long MIN_CHUNKS = 16;

    final EmulationSpec spec;
    final ReedSolomon rs;
    final GearboxMap map;
    final int n;
    final int k;
    final int m;
    final int t;
    final int nm;
    final int km;
    final long codewords;
    final int codewordsPerSuperblock;
    final int slotsPerChannel;
    final long superblocks;
    final long endSlot;
    final LinkTimeline timeline;
    final long chunkSuperblocks;
    final int chunks;
    final int dataChannels;

    public Context(EmulationSpec spec) {
        this.spec = spec;
        FecSpec f = spec.fec();
        this.rs = ReedSolomon.of(f.primitivePolynomial() == 0x409 && f.symbolBits() == 10 ? GaloisField.gf1024()
                : GaloisField.of(f.symbolBits(), f.primitivePolynomial()), f.n(), f.k());
        this.map = GearboxMap.of(f, spec.host(), spec.mapping(), spec.channels().dataChannels());
        this.n = f.n();
        this.k = f.k();
        this.m = f.symbolBits();
        this.t = f.t();
        this.nm = n * m;
        this.km = k * m;
        this.codewords = spec.codewords();
        this.codewordsPerSuperblock = map.codewordsPerSuperblock();
        this.slotsPerChannel = map.slotsPerChannel();
        this.superblocks = (codewords + codewordsPerSuperblock - 1) / codewordsPerSuperblock;
        long runEnd = superblocks * slotsPerChannel;
        if (spec.engine() == org.mosaic.datapath.Engine.IMPORTANCE && !spec.importance().overRun()) {
            // the importance sampler looks at one instant, which may lie after the codewords' span
            runEnd = Math.max(runEnd, org.mosaic.datapath.channel.Slots.atOrAfter(spec.importance().evaluationTimeSeconds(),
                    spec.channelRateBitsPerSecond()) + 1);
        }
        this.endSlot = runEnd;
        this.dataChannels = spec.channels().dataChannels();
        this.timeline = LinkTimeline.build(spec, endSlot);
        double meanBer = 0;
        for (int c = 0; c < dataChannels; c++) {
            meanBer += spec.burst().averageBer(timeline.berAt(c, 0));
        }
        meanBer /= dataChannels;
        double perSuperblock = meanBer * (1 + 4 * spec.crosstalk().conditionalProbability()) * map.bitsPerSuperblock();
        long bySize = (long) Math.max(1, Math.min(MAX_CHUNK_SUPERBLOCKS, Math.floor(TARGET_ERRORS_PER_CHUNK / Math.max(perSuperblock, 1e-30))));
        long byCount = Math.max(1, (superblocks + MIN_CHUNKS - 1) / MIN_CHUNKS);
        this.chunkSuperblocks = Math.min(bySize, byCount);
        long c = (superblocks + chunkSuperblocks - 1) / chunkSuperblocks;
        if (c > Integer.MAX_VALUE / 2) {
            throw new IllegalArgumentException("codewords = " + codewords + " needs " + c + " chunks — expected fewer (hint: a shorter run)");
        }
        this.chunks = (int) c;
    }

    public ReedSolomon code() {
        return rs;
    }

    public GearboxMap gearbox() {
        return map;
    }

    public LinkTimeline timeline() {
        return timeline;
    }

    /** Superblocks [from, to) of chunk i. */
    long chunkFrom(int i) {
        return i * chunkSuperblocks;
    }

    long chunkTo(int i) {
        return Math.min(superblocks, (i + 1) * chunkSuperblocks);
    }

    /** One independent stream per chunk, split in chunk order from the purpose's stream. */
    SplittableGenerator[] chunkStreams(RandomStreams.Purpose purpose) {
        SplittableGenerator root = RandomStreams.of(spec.seed()).stream(purpose);
        SplittableGenerator[] s = new SplittableGenerator[chunks];
        for (int i = 0; i < chunks; i++) {
            s[i] = root.split();
        }
        return s;
    }

    /** Codewords of the run inside superblocks [from, to). */
    long codewordsIn(long fromSuperblock, long toSuperblock) {
        return Math.min(codewords, toSuperblock * codewordsPerSuperblock) - Math.min(codewords, fromSuperblock * codewordsPerSuperblock);
    }

    /** Channel bits of each data channel that fall in counted codewords. */
    long[] countedBitsPerChannel() {
        long full = codewords / codewordsPerSuperblock;
        int rest = (int) (codewords % codewordsPerSuperblock);
        long[] bits = new long[dataChannels];
        for (int c = 0; c < dataChannels; c++) {
            long partial = 0;
            if (rest > 0) {
                for (int s = 0; s < slotsPerChannel; s++) {
                    if (map.address(c, s) / nm < rest) {
                        partial++;
                    }
                }
            }
            bits[c] = full * slotsPerChannel + partial;
        }
        return bits;
    }

    /**
     * Per codeword of the superblock and per bit address: the BER of the channel carrying that bit, for given
     * per-logical-channel BERs. Row j holds the n·m bit BERs of codeword j.
     */
    double[][] bitBers(double[] channelBer) {
        double[][] out = new double[codewordsPerSuperblock][nm];
        for (int a = 0; a < codewordsPerSuperblock * nm; a++) {
            int c = map.slot(a) / slotsPerChannel;
            out[a / nm][a % nm] = channelBer[c];
        }
        return out;
    }

    /** Symbol error probabilities q_s = 1 − Π(1 − p_bit) per codeword class, from bit BERs. */
    double[][] symbolErrorProbabilities(double[][] bitBers) {
        double[][] q = new double[bitBers.length][n];
        for (int j = 0; j < bitBers.length; j++) {
            for (int s = 0; s < n; s++) {
                double lnOk = 0;
                for (int b = 0; b < m; b++) {
                    lnOk += Math.log1p(-bitBers[j][s * m + b]);
                }
                q[j][s] = -Math.expm1(lnOk);
            }
        }
        return q;
    }

    /** The logical channels' BERs at a slot (0.5 where dead, stuck or slipping); bursts count their long-run BER. */
    double[] channelBersAt(long slot) {
        double[] b = new double[dataChannels];
        for (int c = 0; c < dataChannels; c++) {
            double x = timeline.berAt(c, Math.min(slot, endSlot - 1));
            b[c] = x == 0.5 ? x : spec.burst().averageBer(x);
        }
        return b;
    }

    /** FLR of a codeword failure probability under this spec's frame size and interleaving. */
    double frameLossRatio(double codewordFailure) {
        return PostFec.frameLossRatio(Math.min(1, Math.max(0, codewordFailure)), 8L * spec.frameBytes(), km,
                spec.host().codewordsPerFlow());
    }

    /**
     * FLR from each codeword's own failure probability over one superblock (its classes in time order; the pattern
     * repeats every superblock): {@link PostFec#frameLossRatio(double[], long, long, int)}.
     */
    double frameLossRatio(double[] classFailure) {
        return PostFec.frameLossRatio(clamp(classFailure), 8L * spec.frameBytes(), km, spec.host().codewordsPerFlow());
    }

    /** ∂FLR/∂P_j of {@link #frameLossRatio(double[])}. */
    double[] frameLossRatioGradient(double[] classFailure) {
        return PostFec.frameLossRatioGradient(clamp(classFailure), 8L * spec.frameBytes(), km, spec.host().codewordsPerFlow());
    }

    private static double[] clamp(double[] p) {
        double[] c = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            c[i] = Math.min(1, Math.max(0, p[i]));
        }
        return c;
    }

    /** What the BER monitor did (null when it is off): its settings and the remaps it caused. */
    org.mosaic.datapath.BerMonitorReport berMonitorReport() {
        org.mosaic.datapath.channel.BerMonitor monitor = spec.berMonitor();
        if (!monitor.enabled()) {
            return null;
        }
        java.util.List<org.mosaic.datapath.BerMonitorReport.Remap> remaps = new java.util.ArrayList<>();
        for (LinkTimeline.Failover f : timeline.monitorRemaps()) {
            org.mosaic.datapath.channel.ChannelFault fault = null;
            for (org.mosaic.datapath.channel.ChannelFault x : spec.faults()) {
                if (x.physicalChannel() == f.fromPhysical()) {
                    fault = x;
                }
            }
            double base = spec.channelBer(f.fromPhysical());
            double ber = fault != null && fault.degrades() && spec.burst().averageBer(base) < monitor.thresholdBer()
                    ? fault.degradedBer() : base; // what crossed the threshold: its degraded BER, or its own from the start
            remaps.add(new org.mosaic.datapath.BerMonitorReport.Remap(f.logicalChannel(), f.fromPhysical(), f.toPhysical(),
                    spec.burst().averageBer(ber), f.faultSeconds(), f.switchSeconds()));
        }
        return new org.mosaic.datapath.BerMonitorReport(monitor.thresholdBer(), monitor.windowSeconds(), remaps);
    }

    /** The independent-error baseline at the link state of a slot. */
    EmulationResult.Analytic analytic(long slot) {
        double[] ber = channelBersAt(slot);
        double mean = 0;
        for (double b : ber) {
            mean += b;
        }
        mean /= ber.length;
        double ps = PostFec.symbolErrorProbability(mean, m);
        double binom = PostFec.codewordFailureProbability(n, t, ps);
        boolean uniform = true;
        for (double b : ber) {
            uniform &= b == ber[0];
        }
        double aware;
        if (uniform) {
            // every symbol sees the same bit error probability, so the Poisson-binomial tail is the binomial one
            // (exactly; this skips building the per-bit table, ~10 ms per run)
            aware = binom;
        } else {
            double[][] q = symbolErrorProbabilities(bitBers(ber));
            double[] perClass = new double[q.length];
            aware = 0;
            for (int j = 0; j < q.length; j++) {
                perClass[j] = PostFec.codewordFailureProbability(q[j], t);
                aware += perClass[j];
            }
            aware /= q.length;
            // the FLR from each codeword's own failure probability: failures concentrated on some codewords of a
            // block lose more frames than the same mean spread evenly
            return new EmulationResult.Analytic(mean, binom, aware, PostFec.postFecBitErrorRate(n, t, m, mean),
                    frameLossRatio(perClass));
        }
        return new EmulationResult.Analytic(mean, binom, aware, PostFec.postFecBitErrorRate(n, t, m, mean), frameLossRatio(aware));
    }
}
