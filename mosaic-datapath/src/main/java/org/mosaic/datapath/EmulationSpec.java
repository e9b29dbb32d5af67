package org.mosaic.datapath;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.mosaic.core.catalog.Confidence;
import org.mosaic.core.catalog.Provenance;
import org.mosaic.datapath.channel.ChannelFault;
import org.mosaic.datapath.channel.Crosstalk;
import org.mosaic.datapath.channel.Deskew;
import org.mosaic.datapath.channel.GilbertElliott;
import org.mosaic.datapath.channel.Skew;

/**
 * Everything one datapath emulation needs, immutable and validated on construction (build it with
 * {@link #builder()}). SI units. The emulation is a pure function of this spec (the seed included): the
 * thread count changes only the wall time.
 *
 * @param channelBer per physical channel (data channels 0..D−1, then spares), the random-error BER of the
 *                   good state, each in [0, 0.5]; feed it from the optical channel model's per-channel BER
 * @param detectionLatencySeconds the health monitor declares a dead/stuck channel failed this long after its
 *                   fault starts, and the gearbox moves its traffic to the next healthy spare; until then its
 *                   errors reach the FEC
 * @param codewords  codewords to emulate (bit-exact and error-event engines)
 * @param frameBytes frame size for the frame loss ratio (frames laid end to end over the codewords' message bits)
 * @param berMonitor the BER health monitor (threshold and window) that remaps a degraded channel to a spare; off by
 *                   default ({@link org.mosaic.datapath.channel.BerMonitor})
 * @param checkDecoder decode every errored codeword (not only those with more than t symbol errors) and count
 *                   any disagreement with the truth — the slow, obvious reference mode
 * @param bitExactFull the bit-exact engine's checking mode: every payload bit moves (random messages, encoding, two
 *                   full gearbox passes, the received word decoded and every message bit compared). Off (the fast
 *                   mode, issue 17): only the error flags go through the gearbox and each errored codeword is decoded
 *                   from its error pattern (the code is linear, so codeword + e decodes as e does); superblocks with
 *                   stuck-at ranges, whose errors depend on the sent bits, still take the full path. The two modes
 *                   give identical tallies (tested)
 */
public record EmulationSpec(
        long seed,
        Engine engine,
        Mapping mapping,
        FecSpec fec,
        HostSpec host,
        ChannelPlan channels,
        double[] channelBer,
        GilbertElliott burst,
        Crosstalk crosstalk,
        List<ChannelFault> faults,
        Skew skew,
        Deskew deskew,
        double detectionLatencySeconds,
        long codewords,
        int frameBytes,
        Importance importance,
        int threads,
        boolean checkDecoder,
        org.mosaic.datapath.channel.BerMonitor berMonitor,
        boolean bitExactFull) {

    /** Default BER of every channel: MOSAIC's median BER at 20 m, [mosaic-claim-ledger] (paper-derived). */
    public static final double DEFAULT_CHANNEL_BER = 2e-8;
    /** Default detection latency of the health monitor: 10 µs (assumed; no source gives it). */
    public static final double DEFAULT_DETECTION_LATENCY_SECONDS = 10e-6;
    /** Default frame size: 64 octets, the 802.3 habit for quoting FLR ([fluxlight-fec], [tia-sr4-2]). */
    public static final int DEFAULT_FRAME_BYTES = 64;

    public EmulationSpec {
        Require.notNull("engine", engine);
        Require.notNull("mapping", mapping);
        Require.notNull("fec", fec);
        Require.notNull("host", host);
        Require.notNull("channels", channels);
        Require.notNull("channelBer", channelBer);
        burst = burst == null ? GilbertElliott.NONE : burst;
        crosstalk = crosstalk == null ? Crosstalk.NONE : crosstalk;
        faults = List.copyOf(faults == null ? List.of() : faults);
        skew = skew == null ? Skew.NONE : skew;
        deskew = deskew == null ? Deskew.DEFAULT : deskew;
        importance = importance == null ? Importance.DEFAULT : importance;
        int physical = channels.physicalChannels();
        if (channelBer.length != physical) {
            throw new IllegalArgumentException("channelBer has " + channelBer.length + " entries — expected one per physical channel ("
                    + channels.dataChannels() + " data + " + channels.spares() + " spares = " + physical
                    + ") (hint: use Builder.uniformBer for the same BER everywhere)");
        }
        channelBer = channelBer.clone();
        for (int i = 0; i < physical; i++) {
            Require.probability("channelBer[" + i + "]", channelBer[i], 0.5,
                    "a BER is in [0, 0.5]; 0.5 is a dead channel (random bits)");
        }
        if (faults.size() > physical) {
            throw new IllegalArgumentException(faults.size() + " channel faults — expected at most one per physical channel ("
                    + physical + ")");
        }
        boolean[] seen = new boolean[physical];
        for (ChannelFault f : faults) {
            if (f.physicalChannel() >= physical) {
                throw new IllegalArgumentException("fault channel " + f.physicalChannel() + " — expected a physical channel index in [0, "
                        + (physical - 1) + "] (hint: data channels 0.." + (channels.dataChannels() - 1) + ", spares after)");
            }
            if (seen[f.physicalChannel()]) {
                throw new IllegalArgumentException("fault channel " + f.physicalChannel() + " appears twice — expected at most one fault"
                        + " per physical channel");
            }
            seen[f.physicalChannel()] = true;
        }
        double[] sk = skew.skewSeconds();
        double[] dr = skew.driftSecondsPerSecond();
        if ((sk.length != 0 && sk.length != physical) || (dr.length != 0 && dr.length != physical)) {
            throw new IllegalArgumentException("skew arrays have " + sk.length + " and " + dr.length + " entries — expected 0 or "
                    + physical + " (one per physical channel)");
        }
        Require.finiteAtLeast("detectionLatency", detectionLatencySeconds, 0, "seconds from a fault to the switch to a spare");
        Require.inRange("codewords", codewords, 1, Long.MAX_VALUE / (1L << 20), "how many codewords to emulate");
        Require.inRange("frameBytes", frameBytes, 1, 1 << 24, "64 for the 802.3 FLR convention, 1518 or 9000 for full frames");
        Require.inRange("threads", threads, 1, 1024, "worker threads; results do not depend on it");
        Require.notNull("berMonitor", berMonitor);
        berMonitor.check(host.rateBitsPerSecond() / channels.dataChannels());
        if (channels.dataChannels() > (long) fec.n() * host.codewordsPerBlock() * fec.symbolBits() * 1024) {
            throw new IllegalArgumentException("channels.data = " + channels.dataChannels() + " — expected far fewer channels than bits per host block");
        }
    }

    @Override
    public double[] channelBer() {
        return channelBer.clone();
    }

    /** The good-state BER of one physical channel. */
    public double channelBer(int physical) {
        return channelBer[physical];
    }

    /** Line rate of one channel: the host rate spread evenly over the data channels (no idle insertion). */
    public double channelRateBitsPerSecond() {
        return host.rateBitsPerSecond() / channels.dataChannels();
    }

    /** The default numbers with their sources and confidence, for the report. */
    public static List<Provenance> defaultsProvenance() {
        List<Provenance> p = new ArrayList<>();
        p.add(new Provenance("fec", "RS(544,514) over GF(2^10), p(x)=x^10+x^3+1", Confidence.PUBLISHED,
                "[intel-an846-kp4], [ieee-8023]", "KP4; the polynomial is unverified, corroborated by public implementations"));
        p.add(new Provenance("host", "8 × 106.25 Gb/s (850 Gb/s incl. KP4)", Confidence.PUBLISHED, "[intel-an846-kp4], [nvidia-800g-specs]",
                "800GAUI-8; lane format for MOSAIC itself assumed, [mosaic-claim-ledger]"));
        p.add(new Provenance("host.flows", "2 flows × 2 interleaved codewords × 16 PCS lanes", Confidence.ASSUMED,
                "assumed (Mosaic developers); context: [ieee-8023] Clause 119, [ieee-8023bs-flr]", "802.3 clause 119 interleaving (unverified), 800G as two 400G flows (unverified)"));
        p.add(new Provenance("channels.data", "400 on a 20 × 20 grid", Confidence.PUBLISHED, "[msr-blog]", ""));
        p.add(new Provenance("channels.spares", "20 (5 %)", Confidence.PAPER_DERIVED, "[mosaic-claim-ledger]",
                "spare_fraction 0.05; the split of ~60 extra channels between ECC and spares is unknown ([msr-blog])"));
        p.add(new Provenance("channelBer", String.valueOf(DEFAULT_CHANNEL_BER), Confidence.PAPER_DERIVED, "[mosaic-claim-ledger]",
                "target median BER at 20 m; replace by the optical model's per-channel BER"));
        p.add(new Provenance("detectionLatency", "10 us", Confidence.ASSUMED, "assumed (Mosaic developers)",
                "no source gives the health monitor's latency; a few thousand channel bits of error counting"));
        p.add(new Provenance("deskew.markerInterval", "16384 bits", Confidence.ASSUMED, "assumed (Mosaic developers)", "no source gives MOSAIC's deskew"));
        p.add(new Provenance("deskew.buffer", "64 bits", Confidence.ASSUMED, "assumed (Mosaic developers); context: [desk-microled-2026]",
                "30 ns at 2.125 Gb/s = 6 m of length mismatch at 50 ps/cm; skew is small in one imaging fibre"));
        p.add(new Provenance("frameBytes", "64", Confidence.PUBLISHED, "[fluxlight-fec], [tia-sr4-2]", "802.3 quotes FLR for 64-octet frames (unverified)"));
        return p;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.seed = seed;
        b.engine = engine;
        b.mapping = mapping;
        b.fec = fec;
        b.host = host;
        b.channels = channels;
        b.channelBer = channelBer.clone();
        b.uniformBer = Double.NaN;
        b.burst = burst;
        b.crosstalk = crosstalk;
        b.faults = new ArrayList<>(faults);
        b.skew = skew;
        b.deskew = deskew;
        b.detectionLatencySeconds = detectionLatencySeconds;
        b.codewords = codewords;
        b.frameBytes = frameBytes;
        b.importance = importance;
        b.threads = threads;
        b.checkDecoder = checkDecoder;
        b.berMonitor = berMonitor;
        b.bitExactFull = bitExactFull;
        return b;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EmulationSpec s && seed == s.seed && engine == s.engine && mapping == s.mapping && fec.equals(s.fec)
                && host.equals(s.host) && channels.equals(s.channels) && Arrays.equals(channelBer, s.channelBer)
                && burst.equals(s.burst) && crosstalk.equals(s.crosstalk) && faults.equals(s.faults) && skew.equals(s.skew)
                && deskew.equals(s.deskew) && Double.compare(detectionLatencySeconds, s.detectionLatencySeconds) == 0
                && codewords == s.codewords && frameBytes == s.frameBytes && importance.equals(s.importance)
                && threads == s.threads && checkDecoder == s.checkDecoder && berMonitor.equals(s.berMonitor)
                && bitExactFull == s.bitExactFull;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(seed, engine, mapping, fec, host, channels, Arrays.hashCode(channelBer), burst, crosstalk, faults,
                skew, deskew, detectionLatencySeconds, codewords, frameBytes, importance, threads, checkDecoder, berMonitor,
                bitExactFull);
    }

    @Override
    public String toString() {
        return "EmulationSpec[seed=" + seed + ", engine=" + engine.id() + ", mapping=" + mapping.id() + ", fec=" + fec.label()
                + ", channels=" + channels + ", faults=" + faults + ", codewords=" + codewords + "]";
    }

    /** Builder with the MOSAIC 800G defaults (see {@link #defaultsProvenance()}). */
    public static final class Builder {
        private long seed = 0;
        private Engine engine = Engine.ERROR_EVENT;
        private Mapping mapping = Mapping.SYMBOL;
        private FecSpec fec = FecSpec.KP4;
        private HostSpec host = HostSpec.HOST_800G;
        private ChannelPlan channels = ChannelPlan.MOSAIC_800G;
        private double[] channelBer = null;
        private double uniformBer = DEFAULT_CHANNEL_BER;
        private GilbertElliott burst = GilbertElliott.NONE;
        private Crosstalk crosstalk = Crosstalk.NONE;
        private List<ChannelFault> faults = new ArrayList<>();
        private Skew skew = Skew.NONE;
        private Deskew deskew = Deskew.DEFAULT;
        private double detectionLatencySeconds = DEFAULT_DETECTION_LATENCY_SECONDS;
        private long codewords = 100_000;
        private int frameBytes = DEFAULT_FRAME_BYTES;
        private Importance importance = Importance.DEFAULT;
        private int threads = 1;
        private boolean checkDecoder = false;
        private org.mosaic.datapath.channel.BerMonitor berMonitor = org.mosaic.datapath.channel.BerMonitor.OFF;
        private boolean bitExactFull = false;

        private Builder() {
        }

        public Builder seed(long v) {
            seed = v;
            return this;
        }

        public Builder engine(Engine v) {
            engine = v;
            return this;
        }

        public Builder mapping(Mapping v) {
            mapping = v;
            return this;
        }

        public Builder fec(FecSpec v) {
            fec = v;
            return this;
        }

        public Builder host(HostSpec v) {
            host = v;
            return this;
        }

        /** Sets the channel plan; a uniform BER set earlier (or the default) is re-applied to the new size. */
        public Builder channels(ChannelPlan v) {
            channels = v;
            return this;
        }

        /** The same good-state BER on every physical channel (data and spares). */
        public Builder uniformBer(double ber) {
            uniformBer = ber;
            channelBer = null;
            return this;
        }

        /** One BER per physical channel (data channels, then spares). */
        public Builder channelBer(double[] v) {
            channelBer = v == null ? null : v.clone();
            uniformBer = Double.NaN;
            return this;
        }

        public Builder burst(GilbertElliott v) {
            burst = v;
            return this;
        }

        public Builder crosstalk(Crosstalk v) {
            crosstalk = v;
            return this;
        }

        public Builder faults(List<ChannelFault> v) {
            faults = new ArrayList<>(v);
            return this;
        }

        public Builder fault(ChannelFault v) {
            faults.add(v);
            return this;
        }

        public Builder skew(Skew v) {
            skew = v;
            return this;
        }

        public Builder deskew(Deskew v) {
            deskew = v;
            return this;
        }

        public Builder detectionLatencySeconds(double v) {
            detectionLatencySeconds = v;
            return this;
        }

        public Builder codewords(long v) {
            codewords = v;
            return this;
        }

        public Builder frameBytes(int v) {
            frameBytes = v;
            return this;
        }

        public Builder importance(Importance v) {
            importance = v;
            return this;
        }

        public Builder threads(int v) {
            threads = v;
            return this;
        }

        public Builder berMonitor(org.mosaic.datapath.channel.BerMonitor v) {
            berMonitor = v;
            return this;
        }

        /** The bit-exact engine's checking mode (every bit moves); off = the fast mode with identical tallies. */
        public Builder bitExactFull(boolean v) {
            bitExactFull = v;
            return this;
        }

        public Builder checkDecoder(boolean v) {
            checkDecoder = v;
            return this;
        }

        public EmulationSpec build() {
            Require.notNull("channels", channels);
            double[] ber = channelBer;
            if (ber == null) {
                Require.probability("uniformBer", uniformBer, 0.5, "a BER is in [0, 0.5]; 0.5 is a dead channel");
                ber = new double[channels.physicalChannels()];
                Arrays.fill(ber, uniformBer);
            }
            return new EmulationSpec(seed, engine, mapping, fec, host, channels, ber, burst, crosstalk, faults, skew, deskew,
                    detectionLatencySeconds, codewords, frameBytes, importance, threads, checkDecoder, berMonitor, bitExactFull);
        }
    }
}
