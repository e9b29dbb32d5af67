package org.mosaic.link.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.mosaic.link.reliability.ReliabilityResult.Summary;

/**
 * The analytic reliability model of one cable (a pure function of {@link CableReliabilitySpec}).
 *
 * <p><b>Model.</b> Every part fails independently with cumulative hazard H(t) (constant FIT plus optional
 * wear-out, Arrhenius-accelerated at its operating temperature; see {@link Component}). A channel is its parts
 * in series: H_ch(t) = Σ H_i(t), p(t) = 1 − exp(−H_ch(t)). Each direction is a k-out-of-n group
 * ({@link KOutOfN}); the common-mode parts (per end ×2, per cable ×1) are in series with the groups:
 * <pre>
 *   R(t) = exp(−Σ_common H_i(t)) × P[Binomial(n, p(t)) ≤ n − k]^directions
 * </pre>
 *
 * <p><b>Remapping policy</b> ({@link #POLICY}): hot spares, powered and ageing from t = 0 with the same hazard
 * as working channels; a failed channel is remapped to a spare at once (detection time negligible against
 * hours); failures are permanent within the service life (no repair); channels and parts fail independently.
 *
 * <p><b>Results</b> ({@link ReliabilityResult}): R(T) and R(t) on [0, T]; the FIT averaged over the service life
 * λ̄ = −ln R(T)/T, with an exact additive breakdown (each common part contributes H_i(T)/T, the channel groups
 * −directions·ln R_dir(T)/T); the average and first-year AFR; MTTF = ∫₀^∞ R(t) dt — exact through the Markov
 * chain of failed-channel counts when every hazard is constant, else adaptive Gauss–Kronrod quadrature in ln t;
 * the time until the spares run out (the (n−k+1)-th channel failure of the first direction to run out,
 * common-mode failures ignored) with its CDF, quantiles (1 %, 10 %, 50 %) and the probability it happens within
 * the service life; all of this with spares and for the same cable without spares (k-of-k).
 *
 * <p>Cost: O(curve points × binomial-tail terms + (n−k)²) with constant hazards (a few µs for n ≈ 460);
 * wear-out adds the quadrature and root finding in ln t. {@link ReliabilityMonteCarlo} cross-checks it.
 */
public final class CableReliability {
    /** The remapping policy every result assumes, as stated in results. */
    public static final String POLICY = "hot spares: powered and ageing from t = 0 with the same hazard as working "
            + "channels; a failed channel is remapped to a spare immediately (detection time negligible); failures "
            + "are permanent within the service life (no repair); channels and parts fail independently; a "
            + "direction fails when more of its channels have failed than it has spares (parity channels are needed "
            + "like data channels); common-mode parts are in series";
    /** The exhaustion-time quantiles reported. */
    public static final List<Double> EXHAUSTION_QUANTILES = List.of(0.01, 0.1, 0.5);
    /** Range of the exhaustion CDF grid, as quantiles. */
    static final double CDF_FROM = 0.001;
    static final double CDF_TO = 0.999;
    /** Relative tolerance of the MTTF quadrature. */
    static final double QUADRATURE_TOLERANCE = 1e-10;

    private final CableReliabilitySpec spec;
    private final int n;
    private final int k;
    private final int d;
    private final double lifeHours;
    private final KOutOfN group;
    private final SeriesHazard channel;
    private final SeriesHazard common;

    private CableReliability(CableReliabilitySpec spec) {
        this.spec = spec;
        this.n = spec.totalChannels();
        this.k = spec.neededChannels();
        this.d = spec.directions();
        this.lifeHours = spec.serviceLifeHours();
        this.group = KOutOfN.of(n, k);
        this.channel = SeriesHazard.of(List.of(spec.channelParts()), new int[] {1});
        this.common = SeriesHazard.of(List.of(spec.endParts(), spec.cableParts()),
                new int[] {CableReliabilitySpec.ENDS, 1});
    }

    /** Evaluates the cable. */
    public static ReliabilityResult evaluate(CableReliabilitySpec spec) {
        return new CableReliability(spec).run();
    }

    /** The compiled model, for tests of its parts. */
    static CableReliability model(CableReliabilitySpec spec) {
        return new CableReliability(spec);
    }

    /** ln R(t) of one direction with its spares. */
    private double logDirection(double channelHazard) {
        return group.tailsFromCumulativeHazard(channelHazard).logReliability();
    }

    /** ln R(t) of the cable, with or without spares. */
    double logReliability(double t, boolean withSpares) {
        double hc = channel.cumulativeHazard(t);
        double dir = withSpares ? logDirection(hc) : -k * hc;
        return -common.cumulativeHazard(t) + d * dir;
    }

    private ReliabilityResult run() {
        double hcT = channel.cumulativeHazard(lifeHours);
        double commonT = common.cumulativeHazard(lifeHours);
        double logDirT = logDirection(hcT);
        double logWith = -commonT + d * logDirT;
        double logWithout = -commonT - d * k * hcT;

        Summary with = summary(logWith, logReliability(FitConversions.HOURS_PER_YEAR, true), mttf(true));
        Summary without = summary(logWithout, logReliability(FitConversions.HOURS_PER_YEAR, false), mttf(false));

        // common-mode contributors: H_i(T)/T each, shared by both variants
        List<Part> commonList = new ArrayList<>(spec.endParts());
        commonList.addAll(spec.cableParts());
        int ends = spec.endParts().size();
        double[] commonFits = new double[commonList.size()];
        double commonFit = 0;
        for (int i = 0; i < commonFits.length; i++) {
            int places = i < ends ? CableReliabilitySpec.ENDS : 1;
            commonFits[i] = fitOver(places * commonList.get(i).cumulativeHazard(lifeHours));
            commonFit += commonFits[i];
        }
        List<ReliabilityResult.Contribution> breakdown = new ArrayList<>(commonFits.length + 1);
        List<ReliabilityResult.Contribution> breakdownWithout = new ArrayList<>(commonFits.length + spec.channelParts().size());
        for (int i = 0; i < commonFits.length; i++) {
            Part p = commonList.get(i);
            String role = i < ends ? "per end" : "per cable";
            int count = (i < ends ? CableReliabilitySpec.ENDS : 1) * p.quantity();
            breakdown.add(new ReliabilityResult.Contribution(p.name(), role, count, commonFits[i],
                    share(commonFits[i], with.linkFit())));
            breakdownWithout.add(new ReliabilityResult.Contribution(p.name(), role, count, commonFits[i],
                    share(commonFits[i], without.linkFit())));
        }
        double groupsFit = fitOver(-d * logDirT);
        breakdown.add(new ReliabilityResult.Contribution("channels beyond spares", "channel groups", d * n, groupsFit,
                share(groupsFit, with.linkFit())));
        for (Part p : spec.channelParts()) {
            double fit = fitOver((double) d * k * p.cumulativeHazard(lifeHours));
            breakdownWithout.add(new ReliabilityResult.Contribution(p.name(), "per channel", d * k * p.quantity(), fit,
                    share(fit, without.linkFit())));
        }

        List<ReliabilityResult.CurvePoint> curve = new ArrayList<>(spec.curvePoints());
        for (int i = 0; i < spec.curvePoints(); i++) {
            double t = i == spec.curvePoints() - 1 ? lifeHours : lifeHours * i / (spec.curvePoints() - 1);
            double hc = channel.cumulativeHazard(t);
            double hk = common.cumulativeHazard(t);
            double dir = logDirection(hc);
            curve.add(new ReliabilityResult.CurvePoint(t, Math.exp(-hk + d * dir), Math.exp(-hk - d * k * hc),
                    -Math.expm1(d * dir)));
        }

        double mttfCommon = common.isZero() ? Double.POSITIVE_INFINITY
                : common.isConstant() ? 1 / common.ratePerHour()
                : mttfByQuadrature(t -> -common.cumulativeHazard(t), lifeHours);
        ReliabilityResult.Exhaustion exhaustion = exhaustion(-Math.expm1(d * logDirT));
        double commonShare = share(commonFit, with.linkFit());
        double channelsWithoutFit = 0;
        for (int i = commonFits.length; i < breakdownWithout.size(); i++) {
            channelsWithoutFit += breakdownWithout.get(i).averagedFit();
        }
        List<String> notes = notes(with, groupsFit, channelsWithoutFit, commonFit, commonShare, mttfCommon, exhaustion);
        return new ReliabilityResult(POLICY, spec.dataChannels(), spec.parityChannels(), spec.spareChannels(), d,
                lifeHours, spec.serviceYears(), with, without, commonFit, commonShare, mttfCommon, breakdown,
                breakdownWithout, exhaustion, curve, notes);
    }

    private Summary summary(double logRT, double logRYear, Mttf mttf) {
        double fit = FitConversions.averagedFitFromLog(logRT, lifeHours);
        return new Summary(fit, fit / CableReliabilitySpec.ENDS, -Math.expm1(logRT * FitConversions.HOURS_PER_YEAR / lifeHours),
                FitConversions.afr(fit / CableReliabilitySpec.ENDS), -Math.expm1(logRYear), mttf.hours, Math.exp(logRT), -Math.expm1(logRT), mttf.method);
    }

    private record Mttf(double hours, String method) {
    }

    private Mttf mttf(boolean withSpares) {
        if (channel.isConstant() && common.isConstant()) {
            // without spares the cable has k channels per direction (k-of-k)
            return new Mttf(mttfMarkov(withSpares ? n : k, k, d, channel.ratePerHour(), common.ratePerHour()), "markov");
        }
        return new Mttf(withSpares ? mttfByQuadrature(t -> logReliability(t, true), lifeHours)
                : mttfByQuadrature(t -> logReliability(t, false), lifeHours), "quadrature");
    }

    private double fitOver(double cumulativeHazard) {
        return cumulativeHazard / lifeHours * FitConversions.HOURS_PER_FIT_UNIT;
    }

    private static double share(double part, double total) {
        return total > 0 ? part / total : 0;
    }

    private ReliabilityResult.Exhaustion exhaustion(double probabilityWithin) {
        List<ReliabilityResult.Quantile> quantiles = new ArrayList<>(EXHAUSTION_QUANTILES.size());
        for (double q : EXHAUSTION_QUANTILES) {
            quantiles.add(new ReliabilityResult.Quantile(q, exhaustionTime(q)));
        }
        List<ReliabilityResult.CdfPoint> cdf = new ArrayList<>(spec.curvePoints());
        if (!channel.isZero()) {
            double from = exhaustionTime(CDF_FROM);
            double to = exhaustionTime(CDF_TO);
            int m = spec.curvePoints();
            double step = Math.pow(to / from, 1.0 / (m - 1));
            double grid = from;
            for (int i = 0; i < m; i++) {
                double t = i == m - 1 ? to : grid;
                cdf.add(new ReliabilityResult.CdfPoint(t, -Math.expm1(d * logDirection(channel.cumulativeHazard(t)))));
                grid *= step;
            }
        }
        return new ReliabilityResult.Exhaustion(probabilityWithin, quantiles, cdf);
    }

    /**
     * The time by which the first direction has run out of spares with probability q: each direction must
     * survive with probability (1−q)^(1/directions); invert the binomial tail for the channel failure
     * probability, then the channel's cumulative hazard for the time.
     */
    double exhaustionTime(double q) {
        if (channel.isZero()) {
            return Double.POSITIVE_INFINITY;
        }
        double perDirection = -Math.expm1(Math.log1p(-q) / d);
        double p = group.channelProbabilityAtFailure(perDirection);
        return channel.timeAtCumulativeHazard(-Math.log1p(-p));
    }

    private List<String> notes(Summary with, double groupsFit, double channelsWithoutFit, double commonFit,
                               double commonShare, double mttfCommon, ReliabilityResult.Exhaustion exhaustion) {
        List<String> notes = new ArrayList<>(4);
        notes.add("Over " + sig(spec.serviceYears()) + " years, " + spec.spareChannels() + " spare channel(s) per "
                + "direction take the channels' averaged contribution from " + sig(channelsWithoutFit)
                + " FIT (no spares) to " + sig(groupsFit) + " FIT.");
        if (commonShare >= 0.5) {
            notes.add("Common-mode parts cause " + sig(100 * commonShare) + " % of the averaged link FIT ("
                    + sig(commonFit) + " of " + sig(with.linkFit()) + " FIT): more spares cannot take the link below "
                    + "this floor.");
        }
        if (Double.isFinite(mttfCommon) && with.mttfHours() >= 0.9 * mttfCommon) {
            notes.add("The MTTF (" + sig(with.mttfHours()) + " h) is set by the common-mode parts, which alone give "
                    + sig(mttfCommon) + " h.");
        }
        double median = exhaustion.medianHours();
        notes.add("Spares run out within the service life with probability "
                + sig(exhaustion.probabilityWithinServiceLife()) + "; median time until they run out: "
                + (Double.isFinite(median) ? sig(median) + " h (" + sig(median / FitConversions.HOURS_PER_YEAR)
                + " years)." : "never."));
        return notes;
    }

    /** x rounded to 4 significant digits, as text (cheap: no Formatter on the evaluation path). */
    static String sig(double x) {
        if (x == 0 || !Double.isFinite(x)) {
            return Double.toString(x);
        }
        // four significant digits: plain from 1e-3 to below 1e7, scientific outside ("1.351e-51", "2.105e8")
        java.math.BigDecimal r = new java.math.BigDecimal(x).round(new java.math.MathContext(4));
        double a = Math.abs(r.doubleValue());
        if (a >= 1e-3 && a < 1e7) {
            return r.stripTrailingZeros().toPlainString();
        }
        String m = r.unscaledValue().abs().toString().replaceFirst("0+$", "");
        int exp = r.precision() - r.scale() - 1;
        return (r.signum() < 0 ? "-" : "") + (m.length() == 1 ? m : m.charAt(0) + "." + m.substring(1)) + "e" + exp;
    }

    /**
     * Exact MTTF when every hazard is constant: the cable is a Markov chain over the failed-channel counts
     * (a, b) of its directions (0 … n−k each), left by a common-mode failure (rate Λc), a channel failure in a
     * direction (rate λ·(n − a)), or absorption when a direction exceeds its spares. MTTF = Σ over states of
     * P[state visited] / (total rate out of it). O((n−k+1)^directions); all terms positive (no cancellation).
     *
     * @param channelRate per-channel hazard rate λ per hour, commonRate Λc per hour
     */
    static double mttfMarkov(int n, int k, int directions, double channelRate, double commonRate) {
        int s = n - k;
        // the rate out of (a, b) depends on a + b only: Λc + λ·(directions·n − a − b)
        double[] meanStay = new double[directions * s + 1];
        for (int m = 0; m < meanStay.length; m++) {
            meanStay[m] = 1 / (commonRate + channelRate * (directions * n - m));
        }
        if (directions == 1) {
            double mttf = 0;
            double visit = 1;
            for (int a = 0; a <= s; a++) {
                mttf += visit * meanStay[a];
                visit *= channelRate * (n - a) * meanStay[a];
            }
            return mttf;
        }
        double[] prev = new double[s + 1]; // P[visit (a−1, b)]
        double[] cur = new double[s + 1];  // P[visit (a, b)]
        double mttf = 0;
        for (int a = 0; a <= s; a++) {
            for (int b = 0; b <= s; b++) {
                double visit;
                if (a == 0 && b == 0) {
                    visit = 1;
                } else {
                    // entered from (a−1, b) or (a, b−1); both have a + b − 1 failed channels, so the same stay
                    double in = (a > 0 ? prev[b] * (n - a + 1) : 0) + (b > 0 ? cur[b - 1] * (n - b + 1) : 0);
                    visit = in * channelRate * meanStay[a + b - 1];
                }
                cur[b] = visit;
                mttf += visit * meanStay[a + b];
            }
            double[] t = prev;
            prev = cur;
            cur = t;
        }
        return mttf;
    }

    /**
     * MTTF = ∫₀^∞ R(t) dt for any hazards, from ln R(t): below t_lo (where 1 − R &lt; 1e-13) the integral is t_lo;
     * from t_lo to t_hi (where R &lt; e^−42) it is ∫ e^u·R(e^u) du by adaptive Gauss–Kronrod with panels at most
     * 3 units of ln t wide to start with; beyond t_hi it is negligible for tails that decay at least like a
     * stretched exponential (every hazard here does).
     */
    static double mttfByQuadrature(DoubleUnaryOperator logReliability, double startHours) {
        double lo = startHours;
        while (-Math.expm1(logReliability.applyAsDouble(lo)) > 1e-13 && lo > 1e-280) {
            lo /= 8;
        }
        double hi = startHours;
        while (logReliability.applyAsDouble(hi) > -42) {
            hi *= 2;
            if (hi > 1e300) {
                throw new IllegalStateException("MTTF quadrature: R(t) does not fall below e^-42 before 1e300 h");
            }
        }
        double a = Math.log(lo);
        double b = Math.log(hi);
        int panels = Math.max(4, (int) Math.ceil((b - a) / 3));
        return lo + Quadrature.integrate(u -> {
            double t = Math.exp(u);
            return Math.exp(u + logReliability.applyAsDouble(t));
        }, a, b, panels, QUADRATURE_TOLERANCE);
    }
}
