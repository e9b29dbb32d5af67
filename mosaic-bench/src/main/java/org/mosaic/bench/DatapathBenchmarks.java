package org.mosaic.bench;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.mosaic.core.random.RandomStreams;
import org.mosaic.datapath.EmulationResult;
import org.mosaic.datapath.EmulationSpec;
import org.mosaic.datapath.Emulator;
import org.mosaic.datapath.Engine;
import org.mosaic.datapath.FecSpec;
import org.mosaic.datapath.HostSpec;
import org.mosaic.datapath.Importance;
import org.mosaic.datapath.ProgressListener;
import org.mosaic.datapath.engine.BitExactEngine;
import org.mosaic.datapath.engine.Context;
import org.mosaic.datapath.engine.ErrorEventEngine;
import org.mosaic.datapath.fec.DecodeResult;
import org.mosaic.datapath.fec.PostFec;
import org.mosaic.datapath.fec.ReedSolomon;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Performance bar of the datapath emulator (see docs/benchmarks.md), on the MOSAIC 800G defaults of
 * {@link EmulationSpec#builder()} (KP4, 800GAUI-8 host, 400 data + 20 spare channels, symbol mapping):
 * <ul>
 * <li>RS(544,514) decoding, in codewords/s: {@link #decodeClean} (an error-free codeword: syndromes only),
 *     {@link #decodeTErrors} (t = 15 symbol errors: syndromes, Berlekamp–Massey, Chien, Forney, correction in
 *     place) and {@link #decodeErrorPatternTErrors} (the same 15 errors through the error-event path, syndromes
 *     from the pattern alone); {@link #encode} is a diagnostic (the bit-exact engine encodes every codeword);</li>
 * <li>{@link #bitExactRun}: one bit-exact run of {@code bitExactCodewords} codewords on one thread (goal ≥ 1
 *     simulated Gb/s per core, i.e. codewords × 5,440 bits per second of run);</li>
 * <li>{@link #errorEventRun}: one error-event run of {@code errorEventCodewords} codewords at a uniform pre-FEC
 *     BER of 1e-6 on one thread (goal ≥ 10 simulated line Tb/s per core);</li>
 * <li>{@link #errorEventContext} and {@link #bitExactContext}: the per-run setup ({@link Context}: gearbox
 *     permutation tables, timeline, chunking) that the two run benchmarks exclude;</li>
 * <li>{@link #importanceToFlr1e15}: {@link Emulator#run} with the importance sampler at the uniform BER whose
 *     analytic frame loss ratio (64-octet frames) is 1e-15, until the 95 % interval is within ±20 % relative,
 *     on {@code importanceThreads} threads (goal ≤ 60 s on 2 cores); single-shot, setup included.</li>
 * </ul>
 * All inputs (codewords, error patterns, specs, contexts, the BER for FLR 1e-15) are made in the
 * {@code @Setup} of the state each benchmark uses, which also checks them (each decode gives the expected
 * status; a validation run of each engine gives the intended BER and precision); every benchmark returns its
 * result so nothing is eliminated as dead code. Run with one benchmark thread (the importance sampler starts
 * its own workers):
 * {@code java -jar mosaic-bench/target/benchmarks.jar DatapathBenchmarks -t 1 -f 1 -wi 3 -w 1 -i 5 -r 1}.
 */
@Fork(1)
@Warmup(iterations = 3, time = 1, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 1, timeUnit = TimeUnit.SECONDS)
public class DatapathBenchmarks {
    /** Pre-FEC BER of the error-event and bit-exact runs (the operating point for the error-event engine). */
    public static final double RUN_BER = 1e-6;
    /** Frame loss ratio the importance sampler is timed to. */
    public static final double TARGET_FLR = 1e-15;
    /** Relative 95 % half-width the importance sampler is timed to. */
    public static final double TARGET_RELATIVE_HALF_WIDTH = 0.20;

    /** Precomputed codewords and error patterns for the decoder benchmarks (fixed seed). */
    @State(Scope.Benchmark)
    public static class Codes {
        /** Distinct words cycled through, so the branch predictor cannot learn one word. */
        static final int WORDS = 64;

        final ReedSolomon rs = ReedSolomon.kp4();
        ReedSolomon.Decoder decoder;
        int[][] messages;
        int[][] codewords;
        int[][] received;
        int[][] errorPositions;
        int[][] errorValues;
        int[] work;
        int[] work2;
        /** The codewords and t-error words as packed bits (symbol i in bits 10·i … 10·i + 9), for bits-to-bits ops. */
        long[][] codewordBits;
        long[][] receivedBits;
        long[] messageBits;
        int next;

        @Setup(Level.Trial)
        public void setup() {
            int n = rs.n();
            int k = rs.k();
            int t = rs.t();
            int order = (1 << rs.symbolBits()) - 1;
            decoder = rs.newDecoder();
            RandomGenerator payload = RandomStreams.of(0).stream(RandomStreams.Purpose.DATAPATH_PAYLOAD);
            RandomGenerator errors = RandomStreams.of(0).stream(RandomStreams.Purpose.DATAPATH_ERRORS);
            messages = new int[WORDS][k];
            codewords = new int[WORDS][];
            received = new int[WORDS][];
            errorPositions = new int[WORDS][t];
            errorValues = new int[WORDS][t];
            work = new int[n];
            work2 = new int[n];
            for (int w = 0; w < WORDS; w++) {
                for (int i = 0; i < k; i++) {
                    messages[w][i] = payload.nextInt(order + 1);
                }
                codewords[w] = rs.encode(messages[w]);
                received[w] = codewords[w].clone();
                // t distinct positions (partial Fisher–Yates), nonzero values
                int[] perm = new int[n];
                for (int i = 0; i < n; i++) {
                    perm[i] = i;
                }
                for (int e = 0; e < t; e++) {
                    int j = e + errors.nextInt(n - e);
                    int tmp = perm[e];
                    perm[e] = perm[j];
                    perm[j] = tmp;
                    errorPositions[w][e] = perm[e];
                    errorValues[w][e] = 1 + errors.nextInt(order);
                    received[w][perm[e]] ^= errorValues[w][e];
                }
            }
            codewordBits = new long[WORDS][];
            receivedBits = new long[WORDS][];
            messageBits = new long[(k * 10 + 63) / 64];
            for (int w = 0; w < WORDS; w++) {
                codewordBits[w] = packBits(codewords[w], n);
                receivedBits[w] = packBits(received[w], n);
            }
            // sanity: every input decodes as intended
            for (int w = 0; w < WORDS; w++) {
                if (decoder.decode(codewords[w].clone()).status() != DecodeResult.Status.CLEAN) {
                    throw new IllegalStateException("codeword " + w + " does not decode CLEAN");
                }
                int[] r = received[w].clone();
                DecodeResult d = decoder.decode(r);
                if (d.status() != DecodeResult.Status.CORRECTED || d.errorsCorrected() != t
                        || !java.util.Arrays.equals(r, codewords[w])) {
                    throw new IllegalStateException("word " + w + " with t errors is not corrected exactly: " + d);
                }
                DecodeResult bits = decodeBits(receivedBits[w]);
                if (bits.errorsCorrected() != t || !java.util.Arrays.equals(messageBits, packBits(messages[w], k))
                        || decodeBits(codewordBits[w]).status() != DecodeResult.Status.CLEAN) {
                    throw new IllegalStateException("word " + w + " is not decoded bits to bits as intended");
                }
                DecodeResult p = decoder.decodeErrorPattern(errorPositions[w], errorValues[w], t);
                if (!p.matches(errorPositions[w], errorValues[w], t)) {
                    throw new IllegalStateException("error pattern " + w + " is not found exactly: " + p);
                }
            }
        }

        static long[] packBits(int[] symbols, int count) {
            long[] bits = new long[(count * 10 + 63) / 64];
            for (int i = 0; i < count; i++) {
                int pos = 10 * i;
                bits[pos >>> 6] |= (long) symbols[i] << (pos & 63);
                if ((pos & 63) > 54) {
                    bits[(pos >>> 6) + 1] |= (long) symbols[i] >>> (64 - (pos & 63));
                }
            }
            return bits;
        }

        /**
         * Bits to symbols (unpack), decode, corrected message symbols to bits (pack): AFF3CT's "bits to bits", through
         * the decoder's own {@code decodeBits} (word-wise unpacking and packing).
         */
        DecodeResult decodeBits(long[] in) {
            return decoder.decodeBits(in, messageBits);
        }

        int nextWord() {
            int w = next;
            next = (w + 1) & (WORDS - 1);
            return w;
        }
    }

    /** A run of the error-event engine at {@link #RUN_BER}, its context prebuilt. */
    @State(Scope.Benchmark)
    public static class ErrorEventRun {
        /**
         * 2e7 codewords = 108.8 Gb of line bits (≈ 109,000 channel errors at 1e-6, 0.128 s of 800G line time) and
         * 2e8 = 1.088 Tb (≈ 1.09 million errors, 1.28 s): the difference separates the per-run fixed cost (result
         * assembly, the analytic baseline) from the per-error cost.
         */
        @Param({"20000000", "200000000"})
        public long errorEventCodewords;

        EmulationSpec spec;
        Context context;

        @Setup(Level.Trial)
        public void setup() {
            spec = EmulationSpec.builder().engine(Engine.ERROR_EVENT).uniformBer(RUN_BER).codewords(errorEventCodewords)
                    .threads(1).build();
            context = new Context(spec);
            validate(ErrorEventEngine.run(context, ProgressListener.NONE), spec);
        }
    }

    /** A run of the bit-exact engine at {@link #RUN_BER}, its context prebuilt. */
    @State(Scope.Benchmark)
    public static class BitExactRun {
        /** 5e4 codewords = 272 Mb of codeword bits (500 superblocks, 0.32 ms of 800G line time). */
        @Param({"50000"})
        public long bitExactCodewords;

        EmulationSpec spec;
        Context context;

        @Setup(Level.Trial)
        public void setup() {
            spec = EmulationSpec.builder().engine(Engine.BIT_EXACT).uniformBer(RUN_BER).codewords(bitExactCodewords)
                    .threads(1).build();
            context = new Context(spec);
            EmulationResult r = BitExactEngine.run(context, ProgressListener.NONE);
            validate(r, spec);
            if (r.unaccountedPayloadMismatches() == null || r.unaccountedPayloadMismatches() != 0) {
                throw new IllegalStateException("bit-exact run has unaccounted payload mismatches: " + r.unaccountedPayloadMismatches());
            }
        }
    }

    /** The importance sampler at the BER whose analytic FLR is {@link #TARGET_FLR}. */
    @State(Scope.Benchmark)
    public static class ImportanceRun {
        @Param({"2"})
        public int importanceThreads;

        double ber;
        EmulationSpec spec;

        @Setup(Level.Trial)
        public void setup() {
            ber = berForFrameLossRatio(TARGET_FLR);
            Importance imp = new Importance(Importance.DEFAULT.minSamples(), Importance.DEFAULT.maxSamples(),
                    TARGET_RELATIVE_HALF_WIDTH, 0);
            spec = EmulationSpec.builder().engine(Engine.IMPORTANCE).uniformBer(ber).importance(imp)
                    .threads(importanceThreads).build();
            EmulationResult r = Emulator.run(spec);
            double analytic = r.analytic().frameLossRatio();
            if (Math.abs(analytic / TARGET_FLR - 1) > 1e-3) {
                throw new IllegalStateException("analytic FLR at BER " + ber + " is " + analytic + ", expected " + TARGET_FLR);
            }
            if (!(r.codewordFailureRatio().relativeHalfWidth() <= TARGET_RELATIVE_HALF_WIDTH)) {
                throw new IllegalStateException("importance run stopped at relative half-width "
                        + r.codewordFailureRatio().relativeHalfWidth() + " after " + r.importanceSamples() + " samples");
            }
            System.out.printf(Locale.ROOT, "%n[setup] importance: BER %.6e, analytic FLR %.4e, estimated FLR %.4e "
                            + "[%.4e, %.4e] (±%.1f %%), %d samples%n", ber, analytic, r.frameLossRatio().value(),
                    r.frameLossRatio().ciLow(), r.frameLossRatio().ciHigh(), 100 * r.frameLossRatio().relativeHalfWidth(),
                    r.importanceSamples());
        }
    }

    /**
     * The bit-exact chain at the side-by-side operating points of issue 17 (AFF3CT comparison, docs/benchmarks.md):
     * BER 6.9e-6 (few errors: encode, gearbox and syndromes dominate), 2.4e-4 (the KP4 threshold; the 1 Gb/s
     * per core bar) and 3e-3 (most codewords carry errors, many fail). Information throughput = codewords × 5,140 bits
     * / run time.
     */
    @State(Scope.Benchmark)
    public static class BitExactChain {
        @Param({"6.9e-6", "2.4e-4", "3e-3"})
        public String chainBer;
        /**
         * {@code fast}: the default mode (error flags through the gearbox, syndromes from the error pattern);
         * {@code full}: the checking mode (every bit encoded, moved and decoded). Their tallies are identical.
         */
        @Param({"fast", "full"})
        public String chainMode;
        /** 2e4 codewords = 200 superblocks, 108.8 Mb of codeword bits, 102.8 Mb of information. */
        @Param({"20000"})
        public long chainCodewords;

        EmulationSpec spec;
        Context context;

        @Setup(Level.Trial)
        public void setup() {
            double ber = Double.parseDouble(chainBer);
            spec = EmulationSpec.builder().engine(Engine.BIT_EXACT).uniformBer(ber).codewords(chainCodewords).threads(1)
                    .bitExactFull(chainMode.equals("full")).build();
            context = new Context(spec);
            EmulationResult r = BitExactEngine.run(context, ProgressListener.NONE);
            if (r.unaccountedPayloadMismatches() == null || r.unaccountedPayloadMismatches() != 0) {
                throw new IllegalStateException("bit-exact chain at BER " + ber + " has unaccounted payload mismatches");
            }
            // > 1e3 expected errors at every point: the measured BER is within 20 % (> 6 σ) unless the run is wrong
            if (Math.abs(r.preFecBer() / ber - 1) > 0.2) {
                throw new IllegalStateException("bit-exact chain measured BER " + r.preFecBer() + ", set " + ber);
            }
            System.out.printf(Locale.ROOT, "%n[setup] bit-exact chain (%s) at BER %s: %d codewords, %d bit errors, %d failed%n",
                    chainMode, chainBer, r.codewords(), r.preFecBitErrors(), r.uncorrectableCodewords() + r.miscorrectedCodewords());
        }
    }

    /** The importance sampler to a codeword failure ratio of 8e-13 within ±5 % (95 %), issue 17's bar (≤ 1 s on 2 cores). */
    @State(Scope.Benchmark)
    public static class ImportanceCfr {
        @Param({"2"})
        public int cfrThreads;

        EmulationSpec spec;

        @Setup(Level.Trial)
        public void setup() {
            double ber = berForCodewordFailure(8e-13);
            spec = EmulationSpec.builder().engine(Engine.IMPORTANCE).uniformBer(ber)
                    .importance(new Importance(Importance.DEFAULT.minSamples(), Importance.DEFAULT.maxSamples(), 0.05, 0))
                    .threads(cfrThreads).build();
            EmulationResult r = Emulator.run(spec);
            if (!(r.codewordFailureRatio().relativeHalfWidth() <= 0.05)) {
                throw new IllegalStateException("importance run stopped at relative half-width "
                        + r.codewordFailureRatio().relativeHalfWidth());
            }
            // the estimate must also be 8e-13 (the binomial closed form at this BER): within two 95 % half-widths
            // (≈ 4 σ, a false failure of 6e-5 per seed; the run is seeded, so it is decided once)
            double est = r.codewordFailureRatio().value();
            double half = r.codewordFailureRatio().relativeHalfWidth() * est;
            if (!(Math.abs(est - 8e-13) <= 2 * half)) {
                throw new IllegalStateException("importance estimate " + est + " ± " + half + " is not 8e-13");
            }
            System.out.printf(Locale.ROOT, "%n[setup] importance to CFR 8e-13: BER %.6e, estimate %.4e, %d samples%n", ber,
                    r.codewordFailureRatio().value(), r.importanceSamples());
        }
    }

    /** The uniform BER whose binomial codeword failure probability (KP4) is {@code cfr}: bisection in ln BER. */
    static double berForCodewordFailure(double cfr) {
        FecSpec fec = FecSpec.KP4;
        double lo = Math.log(1e-6);
        double hi = Math.log(1e-2);
        for (int i = 0; i < 200; i++) {
            double mid = 0.5 * (lo + hi);
            double f = PostFec.codewordFailureProbability(fec.n(), fec.t(),
                    PostFec.symbolErrorProbability(Math.exp(mid), fec.symbolBits()));
            if (f < cfr) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return Math.exp(0.5 * (lo + hi));
    }

    /**
     * The uniform channel BER at which the analytic frame loss ratio of the default spec (KP4, binomial symbol
     * errors, 64-octet frames, the host's interleaving) equals {@code flr}: bisection in ln BER over the
     * monotone closed form of {@link PostFec}.
     */
    static double berForFrameLossRatio(double flr) {
        FecSpec fec = FecSpec.KP4;
        HostSpec host = HostSpec.HOST_800G;
        double lo = Math.log(1e-6);
        double hi = Math.log(1e-2);
        for (int i = 0; i < 200; i++) {
            double mid = 0.5 * (lo + hi);
            double ps = PostFec.symbolErrorProbability(Math.exp(mid), fec.symbolBits());
            double f = PostFec.frameLossRatio(PostFec.codewordFailureProbability(fec.n(), fec.t(), ps),
                    8L * EmulationSpec.DEFAULT_FRAME_BYTES, fec.messageBits(), host.codewordsPerFlow());
            if (f < flr) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return Math.exp(0.5 * (lo + hi));
    }

    /** Checks a validation run measured the intended operating point and prints what a run covers. */
    static void validate(EmulationResult r, EmulationSpec spec) {
        // ≥ 1e5 expected errors: the measured BER is within 2 % of the set one with overwhelming probability
        // (2 % is over 6 standard deviations), so this fails only if the run does not emulate what it should
        double expected = RUN_BER * r.bits();
        if (expected >= 1e5 && Math.abs(r.preFecBer() / RUN_BER - 1) > 0.02) {
            throw new IllegalStateException(r.engine() + " run measured BER " + r.preFecBer() + ", set " + RUN_BER);
        }
        if (r.codewords() != spec.codewords()) {
            throw new IllegalStateException(r.engine() + " run emulated " + r.codewords() + " codewords, asked " + spec.codewords());
        }
        System.out.printf(Locale.ROOT, "%n[setup] %s: %d codewords = %.4g line bits = %.4g s of 800G line time; "
                        + "%d channel bit errors (BER %.4g), %d codewords failed%n", r.engine(), r.codewords(),
                (double) r.bits(), r.simulatedSeconds(), r.preFecBitErrors(), r.preFecBer(),
                r.uncorrectableCodewords() + r.miscorrectedCodewords());
    }

    // ------------------------------------------------------------------------------------------ FEC

    /** Diagnostic: systematic encoding of one 514-symbol message. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public int[] encode(Codes c) {
        c.rs.encode(c.messages[c.nextWord()], c.work);
        return c.work;
    }

    /** Two messages encoded together ({@code encode2}: the two division chains interleaved); per op, two codewords. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public int[] encodeTwoInterleaved(Codes c) {
        int w = c.nextWord();
        c.rs.encode2(c.messages[w], c.messages[(w + 1) & (Codes.WORDS - 1)], c.work, c.work2);
        return c.work2;
    }

    /** Decoding of an error-free codeword (all 30 syndromes zero: exits CLEAN). */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public DecodeResult decodeClean(Codes c) {
        return c.decoder.decode(c.codewords[c.nextWord()]);
    }

    /**
     * Decoding of a word with t = 15 symbol errors, corrected in place; the op includes copying the 544-symbol
     * received word into the work buffer (the decode overwrites it).
     */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public DecodeResult decodeTErrors(Codes c) {
        System.arraycopy(c.received[c.nextWord()], 0, c.work, 0, c.work.length);
        return c.decoder.decode(c.work);
    }

    /** {@link #decodeClean} bits to bits: unpack the 5,440 bits, decode, pack the 5,140 message bits. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public DecodeResult decodeCleanBits(Codes c) {
        return c.decodeBits(c.codewordBits[c.nextWord()]);
    }

    /** {@link #decodeTErrors} bits to bits: unpack, decode (15 symbol errors corrected), pack the message bits. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public DecodeResult decodeTErrorsBits(Codes c) {
        return c.decodeBits(c.receivedBits[c.nextWord()]);
    }

    /** The same t-error words decoded from their error patterns alone (the error-event engine's path). */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public DecodeResult decodeErrorPatternTErrors(Codes c) {
        int w = c.nextWord();
        return c.decoder.decodeErrorPattern(c.errorPositions[w], c.errorValues[w], c.errorPositions[w].length);
    }

    // ------------------------------------------------------------------------------------------ engines

    /** One error-event run (context prebuilt) on one thread. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public EmulationResult errorEventRun(ErrorEventRun s) {
        return ErrorEventEngine.run(s.context, ProgressListener.NONE);
    }

    /** The error-event run's setup: {@code new Context(spec)}. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Context errorEventContext(ErrorEventRun s) {
        return new Context(s.spec);
    }

    /** One bit-exact run (context prebuilt) on one thread. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public EmulationResult bitExactRun(BitExactRun s) {
        return BitExactEngine.run(s.context, ProgressListener.NONE);
    }

    /** The bit-exact run's setup: {@code new Context(spec)}. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Context bitExactContext(BitExactRun s) {
        return new Context(s.spec);
    }

    /** One bit-exact run (context prebuilt) at issue 17's operating points, on one thread. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public EmulationResult bitExactChain(BitExactChain s) {
        return BitExactEngine.run(s.context, ProgressListener.NONE);
    }

    /** Time to a codeword failure ratio of 8e-13 within ±5 % (95 %): the whole {@link Emulator#run}. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 3)
    @Measurement(iterations = 10)
    public EmulationResult importanceToCfr8e13(ImportanceCfr s) {
        return Emulator.run(s.spec);
    }

    /** Time to an FLR of 1e-15 within ±20 % (95 %): the whole {@link Emulator#run}, setup included. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 3)
    @Measurement(iterations = 10)
    public EmulationResult importanceToFlr1e15(ImportanceRun s) {
        return Emulator.run(s.spec);
    }
}
