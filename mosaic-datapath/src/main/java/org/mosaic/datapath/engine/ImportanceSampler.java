package org.mosaic.datapath.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.random.RandomGenerator.SplittableGenerator;
import org.mosaic.core.random.RandomStreams;
import org.mosaic.datapath.EmulationResult;
import org.mosaic.datapath.EmulationSpec;
import org.mosaic.datapath.Estimate;
import org.mosaic.datapath.ProgressListener;
import org.mosaic.datapath.Importance;
import org.mosaic.datapath.channel.LinkTimeline;
import org.mosaic.datapath.channel.Slots;

/**
 * Importance sampling of codeword failures for independent errors, for ratios far below what brute force
 * reaches.
 *
 * <p><b>Model.</b> The link is taken in its state at the evaluation time (which physical channel carries
 * each logical channel, dead/stuck/slipping channels as BER ½). Bits err independently with their
 * channel's BER; through the gearbox permutation each symbol s of codeword class j (the codewords of a
 * superblock differ in how their bits sit on channels) errs independently with
 * q_s = 1 − Π_bits (1 − p_bit), so X = #errored symbols is Poisson-binomial.
 *
 * <p><b>Sampler.</b> Per class, an exponential tilt: symbol s errs with q'_s = q_s·e^θ/(1 − q_s + q_s·e^θ),
 * θ ≥ 0 chosen so that E'[X] = t + 1 (the saddle point of P[X &gt; t]; θ = 0 when the mean already exceeds
 * it). The likelihood ratio of a pattern with X errors is w = exp(K(θ) − θ·X), K(θ) = Σ_s ln(1 − q_s + q_s·e^θ).
 * An errored symbol's value is drawn from the true law of its bits given that at least one is wrong (no
 * weight needed). Patterns with more than t errors are decoded from the pattern alone to tell detected
 * failures from miscorrections and to count residual message bits. Classes are sampled round-robin
 * (stratified, equal weights). Estimates are means of w·indicator with normal 95 % intervals from the
 * sample variance; the frame loss ratio is computed from each class's own failure estimate (failures concentrated
 * on some codewords of a block lose more frames than their mean says), its interval by the delta method. With this tilt the relative variance per sample is about 8 for KP4 near 1e-12 … 1e-17.
 *
 * <p>Not supported (an error names them): Gilbert–Elliott bursts and neighbour crosstalk (errors not
 * independent) — use the error-event engine.
 */
public final class ImportanceSampler {
    static final int BATCHES_PER_WAVE = 8;

    private ImportanceSampler() {
    }

    public static EmulationResult run(Context ctx, ProgressListener progress) {
        EmulationSpec spec = ctx.spec;
        if (spec.burst().enabled()) {
            throw new IllegalArgumentException("engine importance with Gilbert–Elliott bursts — expected independent errors "
                    + "(hint: use the error-event engine for bursts)");
        }
        if (spec.crosstalk().enabled()) {
            throw new IllegalArgumentException("engine importance with crosstalk = " + spec.crosstalk().conditionalProbability()
                    + " — expected independent errors (hint: use the error-event engine for correlated errors)");
        }
        if (spec.importance().overRun()) {
            return overRun(ctx, progress);
        }
        long slot = Slots.atOrAfter(spec.importance().evaluationTimeSeconds(), spec.channelRateBitsPerSecond());
        double[] channelBer = ctx.channelBersAt(slot);
        Model model = new Model(ctx, ctx.bitBers(channelBer));
        SplittableGenerator root = RandomStreams.of(spec.seed()).stream(RandomStreams.Purpose.DATAPATH_IMPORTANCE);
        Sums total = sample(ctx, model, root, progress, 0, 1);
        return result(ctx, model, channelBer, slot, total);
    }

    /**
     * Samples one stationary state until the precision target or the sample cap ({@code stratum} of
     * {@code strata} only scales the progress report).
     */
    private static Sums sample(Context ctx, Model model, SplittableGenerator root, ProgressListener progress, int stratum, int strata) {
        EmulationSpec spec = ctx.spec;
        int classes = ctx.codewordsPerSuperblock;
        int batch = classes * Math.max(1, 2000 / classes);
        Sums total = new Sums(ctx.n, classes);
        // maxSamples bounds the whole run: each of several strata gets its share (at least minSamples)
        long maxSamples = Math.max(spec.importance().minSamples(), spec.importance().maxSamples() / strata);
        while (true) {
            int wave = (int) Math.min(BATCHES_PER_WAVE, Math.max(1, (maxSamples - total.samples + batch - 1) / batch));
            SplittableGenerator[] streams = new SplittableGenerator[wave];
            for (int i = 0; i < wave; i++) {
                streams[i] = root.split();
            }
            List<Sums> parts = Parallel.run(0, wave, spec.threads(), () -> new Worker(ctx, model),
                    (w, i) -> w.batch(streams[i], batch), ProgressListener.NONE, 0, new java.util.concurrent.atomic.AtomicLong(), 0);
            for (Sums s : parts) {
                total.add(s);
            }
            progress.progress(stratum * maxSamples + Math.min(total.samples, maxSamples), strata * maxSamples);
            if (total.samples >= maxSamples) {
                break;
            }
            if (total.samples >= spec.importance().minSamples() && total.fail > 0) {
                Estimate f = Stats.weightedMean(total.fail, total.fail2, total.samples);
                if (f.relativeHalfWidth() <= spec.importance().targetRelativeHalfWidth()) {
                    break;
                }
            }
        }
        return total;
    }

    /**
     * A stretch of the run with one law of bit errors: superblocks [from, to) (several stretches with the same
     * channel BERs are merged: {@code codewords} counts them all), the per-class bit BER table and the mean BER
     * of each data channel over it.
     */
    record Stratum(long codewords, double[][] bitBer, double[] channelBer, String what) {
    }

    /** The run cut into strata of constant channel state, and the superblocks a change falls inside. */
    static List<Stratum> strata(Context ctx) {
        java.util.TreeSet<Long> changes = new java.util.TreeSet<>();
        for (int c = 0; c < ctx.dataChannels; c++) {
            for (LinkTimeline.Segment g : ctx.timeline.segments(c)) {
                changes.add(g.fromSlot());
                changes.add(g.toSlot());
                for (long x : g.randomBad()) {
                    changes.add(x);
                }
                for (long x : g.stuck()) {
                    changes.add(x);
                }
            }
        }
        long spc = ctx.slotsPerChannel;
        long end = ctx.superblocks;
        // superblock boundaries where the state may change, and superblocks with a change strictly inside
        java.util.TreeSet<Long> cuts = new java.util.TreeSet<>(List.of(0L, end));
        java.util.TreeSet<Long> mixed = new java.util.TreeSet<>();
        for (long x : changes) {
            long sb = x / spc;
            if (sb >= end) {
                continue;
            }
            if (x % spc == 0) {
                cuts.add(sb);
            } else {
                mixed.add(sb);
                cuts.add(sb);
                cuts.add(sb + 1);
            }
        }
        if (cuts.size() - 1 > Importance.MAX_STRATA) {
            throw new IllegalArgumentException("engine importance over the run: " + (cuts.size() - 1) + " stretches of constant "
                    + "channel state — expected at most " + Importance.MAX_STRATA + " (hint: fewer faults, or the error-event engine)");
        }
        java.util.LinkedHashMap<String, Stratum> merged = new java.util.LinkedHashMap<>();
        List<Stratum> out = new ArrayList<>();
        Long prev = null;
        for (long cut : cuts) {
            if (prev != null && cut > prev) {
                long from = prev;
                long cw = ctx.codewordsIn(from, cut);
                if (cw > 0) {
                    if (mixed.contains(from)) {
                        out.add(mixedStratum(ctx, from, cw));
                    } else {
                        double[] ber = ctx.channelBersAt(from * spc);
                        String key = java.util.Arrays.toString(ber);
                        Stratum s = merged.get(key);
                        merged.put(key, s == null ? new Stratum(cw, null, ber, "superblocks " + from + ".." + (cut - 1))
                                : new Stratum(s.codewords() + cw, null, ber, s.what() + ", " + from + ".." + (cut - 1)));
                    }
                }
            }
            prev = cut;
        }
        List<Stratum> all = new ArrayList<>();
        for (Stratum s : merged.values()) {
            all.add(new Stratum(s.codewords(), ctx.bitBers(s.channelBer()), s.channelBer(), s.what()));
        }
        all.addAll(out);
        return all;
    }

    /** A superblock with a state change inside: every bit's BER at its own slot. */
    private static Stratum mixedStratum(Context ctx, long superblock, long codewords) {
        int classes = ctx.codewordsPerSuperblock;
        double[][] bits = new double[classes][ctx.nm];
        double[] sum = new double[ctx.dataChannels];
        long[] count = new long[ctx.dataChannels];
        long base = superblock * ctx.slotsPerChannel;
        for (int a = 0; a < classes * ctx.nm; a++) {
            int slot = ctx.map.slot(a);
            int c = slot / ctx.slotsPerChannel;
            double x = ctx.timeline.berAt(c, base + slot % ctx.slotsPerChannel);
            double b = x == 0.5 ? x : ctx.spec.burst().averageBer(x);
            bits[a / ctx.nm][a % ctx.nm] = b;
            sum[c] += b;
            count[c]++;
        }
        double[] mean = new double[ctx.dataChannels];
        for (int c = 0; c < mean.length; c++) {
            mean[c] = count[c] == 0 ? 0 : sum[c] / count[c];
        }
        return new Stratum(codewords, bits, mean, "superblock " + superblock + " (a change inside)");
    }

    private static EmulationResult overRun(Context ctx, ProgressListener progress) {
        EmulationSpec spec = ctx.spec;
        List<Stratum> strata = strata(ctx);
        SplittableGenerator root = RandomStreams.of(spec.seed()).stream(RandomStreams.Purpose.DATAPATH_IMPORTANCE);
        double total = 0;
        for (Stratum s : strata) {
            total += s.codewords();
        }
        if (strata.size() == 1) {
            // one stationary state: exactly the snapshot sampler (same streams)
            Stratum s = strata.get(0);
            Model model = new Model(ctx, s.bitBer());
            return result(ctx, model, s.channelBer(), 0, sample(ctx, model, root, progress, 0, 1));
        }
        double[] fail = new double[2];
        double[] unc = new double[2];
        double[] mis = new double[2];
        double[] res = new double[2];
        double[] channelBer = new double[ctx.dataChannels];
        double[] dist = new double[ctx.n + 1];
        long[] histogram = new long[ctx.n + 1];
        double uncCount = 0;
        double misCount = 0;
        long samples = 0;
        long disagreements = 0;
        double exact = 0;
        double exactFlr = 0;
        double[] flrAcc = new double[2];
        double binomial = 0;
        double postAnalytic = 0;
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < strata.size(); i++) {
            Stratum st = strata.get(i);
            double w = st.codewords() / total;
            Model model = new Model(ctx, st.bitBer());
            double mean = 0;
            for (int c = 0; c < ctx.dataChannels; c++) {
                channelBer[c] += w * st.channelBer()[c];
                mean += st.channelBer()[c];
            }
            mean /= ctx.dataChannels;
            exact += w * model.exactFailure;
            exactFlr += w * ctx.frameLossRatio(model.exactPerClass);
            double ps = org.mosaic.datapath.fec.PostFec.symbolErrorProbability(mean, ctx.m);
            binomial += w * org.mosaic.datapath.fec.PostFec.codewordFailureProbability(ctx.n, ctx.t, ps);
            postAnalytic += w * org.mosaic.datapath.fec.PostFec.postFecBitErrorRate(ctx.n, ctx.t, ctx.m, mean);
            SplittableGenerator stream = root.split();
            if (model.exactFailure == 0) {
                // no symbol can fail (every BER 0): nothing to sample
                parts.add(String.format(java.util.Locale.ROOT, "%s: %.4g of the codewords, failure 0 exactly", st.what(), w));
                continue;
            }
            Sums s = sample(ctx, model, stream, progress, i, strata.size());
            long n = s.samples;
            samples += n;
            disagreements += s.disagreements;
            uncCount += s.uncCount;
            misCount += s.misCount;
            for (int x = 0; x <= ctx.n; x++) {
                histogram[x] += s.histogram[x];
                dist[x] += w * s.weightedHistogram[x] / n;
            }
            Estimate f = add(fail, w, s.fail, s.fail2, n);
            add(unc, w, s.unc, s.unc2, n);
            add(mis, w, s.mis, s.mis2, n);
            add(res, w, s.res, s.res2, n);
            double[] sf = frameLoss(ctx, s);
            flrAcc[0] += w * sf[0];
            flrAcc[1] += w * w * sf[1];
            parts.add(String.format(java.util.Locale.ROOT, "%s: %.4g of the codewords, codeword failure %.4g [%.4g, %.4g] "
                    + "(%,d samples)", st.what(), w, f.value(), f.ciLow(), f.ciHigh(), n));
        }
        Estimate f = combined(fail);
        Estimate post = Results.scale(combined(res), 1.0 / ctx.km);
        Estimate flr = clip(combined(flrAcc));
        double mean = 0;
        for (double b : channelBer) {
            mean += b;
        }
        mean /= channelBer.length;
        List<String> notes = new ArrayList<>(Results.commonNotes(ctx));
        notes.add("importance sampling over the run of " + ctx.codewords + " codewords in " + strata.size() + " strata of constant "
                + "channel state (faults, detection and failover from the timeline), each sampled to the precision target and "
                + "weighted by its share of the codewords: " + String.join("; ", parts));
        notes.add("codewords = samples drawn under exponentially tilted symbol error probabilities; symbolErrorsPerCodeword counts "
                + "those biased samples, symbolErrorDistribution is reweighted");
        notes.add("preFecBer is the exact codeword-weighted mean of the data channels' BERs; bit counts are not sampled");
        notes.add("analytic mapping-aware codeword failure (exact Poisson-binomial, codeword-weighted over the strata) = " + exact);
        EmulationResult.Analytic analytic = new EmulationResult.Analytic(mean, binomial, exact, postAnalytic, exactFlr);
        return new EmulationResult(spec.seed(), "importance", spec.mapping().id(), spec.fec().label(), ctx.t, samples,
                samples * ctx.nm, 0, 0, mean, channelBer, histogram, dist,
                Math.round(uncCount), combined(unc), Math.round(misCount), combined(mis), f, 0, post, spec.frameBytes(), 0, 0, flr,
                null, null, disagreements, ctx.timeline.failovers(), ctx.timeline.unrepaired(), ctx.timeline.misalignedPhysical(),
                0, 0, analytic, samples, List.copyOf(notes), ctx.berMonitorReport());
    }

    /** Adds w × (a stratum's weighted mean) to acc = {value, variance}; returns the stratum's estimate. */
    private static Estimate add(double[] acc, double w, double sum, double sum2, long n) {
        Estimate e = Stats.weightedMean(sum, sum2, n);
        double mean = sum / n;
        double variance = n > 1 ? Math.max(0, (sum2 - n * mean * mean) / (n - 1)) / n : 0;
        acc[0] += w * mean;
        acc[1] += w * w * variance;
        return e;
    }

    private static Estimate combined(double[] acc) {
        double half = Stats.Z95 * Math.sqrt(acc[1]);
        return new Estimate(acc[0], Math.max(0, acc[0] - half), acc[0] + half);
    }

    /**
     * {value, variance} of the frame loss ratio from the per-class failure estimates: FLR(P̂_1 … P̂_J) from each
     * codeword class's own estimate (the classes of a superblock in time order, {@link Context#frameLossRatio(double[])}),
     * its variance by the delta method, Σ_j (∂FLR/∂P_j)²·Var P̂_j (the classes are sampled independently).
     */
    static double[] frameLoss(Context ctx, Sums s) {
        int classes = s.classSamples.length;
        double[] p = new double[classes];
        double[] var = new double[classes];
        for (int j = 0; j < classes; j++) {
            long n = s.classSamples[j];
            if (n == 0) {
                p[j] = s.samples == 0 ? 0 : s.fail / s.samples;
                continue;
            }
            double mean = s.classFail[j] / n;
            p[j] = mean;
            var[j] = n > 1 ? Math.max(0, (s.classFail2[j] - n * mean * mean) / (n - 1)) / n : 0;
        }
        double flr = ctx.frameLossRatio(p);
        double[] g = ctx.frameLossRatioGradient(p);
        double v = 0;
        for (int j = 0; j < classes; j++) {
            v += g[j] * g[j] * var[j];
        }
        return new double[] {flr, v};
    }

    private static Estimate clip(Estimate e) {
        return new Estimate(Math.min(1, e.value()), Math.min(1, e.ciLow()), Math.min(1, e.ciHigh()));
    }

    private static EmulationResult result(Context ctx, Model model, double[] channelBer, long slot, Sums s) {
        EmulationSpec spec = ctx.spec;
        long n = s.samples;
        Estimate fail = Stats.weightedMean(s.fail, s.fail2, n);
        Estimate unc = Stats.weightedMean(s.unc, s.unc2, n);
        Estimate mis = Stats.weightedMean(s.mis, s.mis2, n);
        Estimate post = Results.scale(Stats.weightedMean(s.res, s.res2, n), 1.0 / ctx.km);
        double[] sf = frameLoss(ctx, s);
        Estimate flr = clip(combined(new double[] {sf[0], sf[1]}));
        double mean = 0;
        for (double b : channelBer) {
            mean += b;
        }
        mean /= channelBer.length;
        double[] dist = new double[ctx.n + 1];
        for (int i = 0; i <= ctx.n; i++) {
            dist[i] = s.weightedHistogram[i] / n;
        }
        List<String> notes = new ArrayList<>(Results.commonNotes(ctx));
        notes.add("importance sampling at t = " + spec.importance().evaluationTimeSeconds() + " s (slot " + slot + "): codewords = "
                + "samples drawn under exponentially tilted symbol error probabilities (E'[X] = t + 1); symbolErrorsPerCodeword "
                + "counts those biased samples, symbolErrorDistribution is reweighted");
        notes.add("preFecBer is the exact mean of the data channels' BERs at that instant; bit counts are not sampled");
        notes.add("analytic mapping-aware codeword failure (exact Poisson-binomial) = " + model.exactFailure);
        EmulationResult.Analytic analytic = ctx.analytic(slot);
        return new EmulationResult(spec.seed(), "importance", spec.mapping().id(), spec.fec().label(), ctx.t, n, n * ctx.nm,
                0, 0, mean, channelBer, s.histogram, dist,
                Math.round(s.uncCount), unc, Math.round(s.misCount), mis, fail, 0, post, spec.frameBytes(), 0, 0, flr,
                null, null, s.disagreements, ctx.timeline.failovers(), ctx.timeline.unrepaired(), ctx.timeline.misalignedPhysical(),
                0, 0, analytic, n, List.copyOf(notes), ctx.berMonitorReport());
    }

    /** Per-class tilted probabilities and normalisers. */
    static final class Model {
        final double[][] bitBer;
        final double[][] q;
        final double[][] tilted;
        final double[] theta;
        final double[] cumulant;
        final double exactFailure;
        /** Exact (Poisson-binomial) failure probability of each codeword class. */
        final double[] exactPerClass;
        /**
         * Per class and bit address: P[bit b of its symbol is wrong | no earlier bit of the symbol is wrong and the
         * symbol is wrong] = p_b / (1 − Π_{i≥b}(1 − p_i)), precomputed once (issue 17: recomputed per errored symbol).
         */
        final double[][] firstWrong;

        Model(Context ctx, double[][] bitBers) {
            bitBer = bitBers;
            q = ctx.symbolErrorProbabilities(bitBer);
            int classes = q.length;
            tilted = new double[classes][];
            theta = new double[classes];
            cumulant = new double[classes];
            double exact = 0;
            exactPerClass = new double[classes];
            for (int j = 0; j < classes; j++) {
                double[] qs = q[j];
                double target = ctx.t + 1;
                double th = 0;
                if (sum(tilt(qs, 0)) < target) {
                    double lo = 0;
                    double hi = 1;
                    while (sum(tilt(qs, hi)) < target && hi < 1e4) {
                        hi *= 2;
                    }
                    for (int it = 0; it < 200; it++) {
                        double mid = 0.5 * (lo + hi);
                        if (sum(tilt(qs, mid)) < target) {
                            lo = mid;
                        } else {
                            hi = mid;
                        }
                    }
                    th = hi;
                }
                theta[j] = th;
                tilted[j] = tilt(qs, th);
                double k = 0;
                for (double x : qs) {
                    k += Math.log1p(x * Math.expm1(th));
                }
                cumulant[j] = k;
                exactPerClass[j] = org.mosaic.datapath.fec.PostFec.codewordFailureProbability(qs, ctx.t);
                exact += exactPerClass[j];
            }
            exactFailure = exact / classes;
            int m = ctx.m;
            firstWrong = new double[classes][bitBer[0].length];
            double[] suffixOk = new double[m + 1];
            for (int j = 0; j < classes; j++) {
                double[] pb = bitBer[j];
                for (int off = 0; off + m <= pb.length; off += m) {
                    suffixOk[m] = 1;
                    for (int b = m - 1; b >= 0; b--) {
                        suffixOk[b] = suffixOk[b + 1] * (1 - pb[off + b]);
                    }
                    for (int b = 0; b < m; b++) {
                        firstWrong[j][off + b] = pb[off + b] / (1 - suffixOk[b]);
                    }
                }
            }
        }

        private static double[] tilt(double[] q, double th) {
            double[] out = new double[q.length];
            double e = Math.exp(th);
            for (int i = 0; i < q.length; i++) {
                out[i] = q[i] == 1 ? 1 : q[i] * e / (1 - q[i] + q[i] * e);
            }
            return out;
        }

        private static double sum(double[] x) {
            double s = 0;
            for (double v : x) {
                s += v;
            }
            return s;
        }
    }

    /** Weighted sums of one batch. */
    static final class Sums {
        long samples;
        double fail;
        double fail2;
        double unc;
        double unc2;
        double mis;
        double mis2;
        double res;
        double res2;
        double uncCount;
        double misCount;
        long disagreements;
        final long[] histogram;
        final double[] weightedHistogram;
        /** Per codeword class of the superblock: samples, Σ w·failed, Σ (w·failed)². */
        final long[] classSamples;
        final double[] classFail;
        final double[] classFail2;

        Sums(int n, int classes) {
            histogram = new long[n + 1];
            weightedHistogram = new double[n + 1];
            classSamples = new long[classes];
            classFail = new double[classes];
            classFail2 = new double[classes];
        }

        void add(Sums o) {
            samples += o.samples;
            fail += o.fail;
            fail2 += o.fail2;
            unc += o.unc;
            unc2 += o.unc2;
            mis += o.mis;
            mis2 += o.mis2;
            res += o.res;
            res2 += o.res2;
            uncCount += o.uncCount;
            misCount += o.misCount;
            disagreements += o.disagreements;
            for (int i = 0; i < histogram.length; i++) {
                histogram[i] += o.histogram[i];
                weightedHistogram[i] += o.weightedHistogram[i];
            }
            for (int j = 0; j < classSamples.length; j++) {
                classSamples[j] += o.classSamples[j];
                classFail[j] += o.classFail[j];
                classFail2[j] += o.classFail2[j];
            }
        }
    }

    static final class Worker {
        private final Context ctx;
        private final Model model;
        private final Outcome outcome;
        private final int[] positions;
        private final int[] values;

        Worker(Context ctx, Model model) {
            this.ctx = ctx;
            this.model = model;
            this.outcome = new Outcome(ctx.rs, ctx.spec.checkDecoder());
            this.positions = new int[ctx.n];
            this.values = new int[ctx.n];
        }

        Sums batch(RandomGenerator rng, int size) {
            int classes = model.q.length;
            Sums s = new Sums(ctx.n, classes);
            int n = ctx.n;
            int m = ctx.m;
            for (int i = 0; i < size; i++) {
                int j = i % classes;
                double[] qt = model.tilted[j];
                double[] pb = model.bitBer[j];
                double[] first = model.firstWrong[j];
                int count = 0;
                for (int sym = 0; sym < n; sym++) {
                    if (rng.nextDouble() < qt[sym]) {
                        positions[count] = sym;
                        values[count++] = errorValue(rng, pb, first, sym * m, m);
                    }
                }
                double w = Math.exp(model.cumulant[j] - model.theta[j] * count);
                s.samples++;
                s.classSamples[j]++;
                s.histogram[count]++;
                s.weightedHistogram[count] += w;
                outcome.evaluate(positions, values, count);
                if (outcome.disagreement) {
                    s.disagreements++;
                }
                if (outcome.status != Outcome.OK) {
                    s.fail += w;
                    s.fail2 += w * w;
                    s.classFail[j] += w;
                    s.classFail2[j] += w * w;
                    if (outcome.status == Outcome.UNCORRECTABLE) {
                        s.unc += w;
                        s.unc2 += w * w;
                        s.uncCount++;
                    } else {
                        s.mis += w;
                        s.mis2 += w * w;
                        s.misCount++;
                    }
                    double r = w * outcome.residualBits;
                    s.res += r;
                    s.res2 += r * r;
                }
            }
            return s;
        }

        /**
         * A symbol error value from the true law of its m bits (independent, BERs pb[off..off+m)) given that at
         * least one is wrong: bit b is the first wrong one with probability p_b·Π_{i&lt;b}(1 − p_i)/(1 − Π(1 − p_i)),
         * drawn sequentially; the bits after it are independent.
         */
        private static int errorValue(RandomGenerator rng, double[] pb, double[] firstWrong, int off, int m) {
            // the same draws and the same probabilities as before, without allocating or recomputing per symbol
            int v = 0;
            boolean any = false;
            for (int b = 0; b < m; b++) {
                double pr = any ? pb[off + b] : firstWrong[off + b];
                if (rng.nextDouble() < pr) {
                    v |= 1 << b;
                    any = true;
                }
            }
            return v;
        }
    }
}
