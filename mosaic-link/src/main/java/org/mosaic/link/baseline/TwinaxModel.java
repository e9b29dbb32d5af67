package org.mosaic.link.baseline;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reach of a twinax copper cable: the loss the cable may have at the lane's Nyquist frequency divided by
 * its insertion loss per metre there, {@code reach = budget(f_N) / (k1·√f_N + k2·f_N)}
 * ([ssicable-loss], [amd-xapp1392]).
 *
 * <p>The budget the twinax gets depends on what is in the plugs ({@link Equalisation}): the cable
 * allowance for a passive DAC, plus the redriver gain for linear active copper, the whole bump-to-bump
 * budget for a retimed AEC. Budgets are given at the lanes' Nyquist frequencies (anchors); between
 * anchors, for the continuous {@linkplain #reachCurve reach curve}, each budget term is interpolated
 * linearly in log₂ f — the fixed host losses of [amd-xapp1392], [intel-an846-kp4] grow by about 6 dB per doubling of f_N, so this is
 * the natural interpolation; it is an assumption, and the curve is refused outside the anchors.
 *
 * <p>Why reach shrinks with lane rate ([amd-xapp1392], [intel-an846-kp4]): doubling f_N raises the conductor loss per metre by √2 and
 * the dielectric loss by 2, while the host side eats more of the budget; see {@link #shrinkage}.
 * What the model leaves out: crosstalk, reflections and the PAM4 SNR penalty are folded into the
 * allowances, not modelled; no channel-operating-margin (COM) calculation; temperature.
 *
 * @param gauges  wire gauges, distinct names, in the order they are listed
 * @param budgets copper budgets, one per lane signalling, strictly increasing Nyquist frequency
 */
public record TwinaxModel(List<TwinaxGauge> gauges, List<CopperBudget> budgets) {

    public TwinaxModel {
        if (gauges == null || gauges.isEmpty()) {
            throw new IllegalArgumentException("twinax model without gauges — expected at least one wire gauge (e.g. 26AWG)");
        }
        if (budgets == null || budgets.isEmpty()) {
            throw new IllegalArgumentException("twinax model without copper budgets — expected at least one lane budget (e.g. 100G-PAM4)");
        }
        gauges = List.copyOf(gauges);
        budgets = List.copyOf(budgets);
        Set<String> names = new HashSet<>();
        for (TwinaxGauge g : gauges) {
            if (!names.add(g.name())) {
                throw new IllegalArgumentException("gauge " + g.name() + " is listed twice — expected distinct gauge names");
            }
        }
        Set<String> lanes = new HashSet<>();
        for (int i = 0; i < budgets.size(); i++) {
            CopperBudget b = budgets.get(i);
            if (!lanes.add(b.lane().name())) {
                throw new IllegalArgumentException("lane " + b.lane().name() + " has two copper budgets — expected one per lane");
            }
            if (i > 0 && !(b.lane().nyquistHz() > budgets.get(i - 1).lane().nyquistHz())) {
                throw new IllegalArgumentException("copper budget of " + b.lane().name() + " (Nyquist "
                        + ghz(b.lane().nyquistHz()) + ") does not follow " + budgets.get(i - 1).lane().name()
                        + " — expected budgets in strictly increasing Nyquist frequency");
            }
        }
    }

    /** The gauge with this name; the message lists the known gauges otherwise. */
    public TwinaxGauge gauge(String name) {
        for (TwinaxGauge g : gauges) {
            if (g.name().equals(name)) {
                return g;
            }
        }
        throw new IllegalArgumentException("unknown wire gauge \"" + name + "\": expected one of "
                + gauges.stream().map(TwinaxGauge::name).collect(Collectors.joining(", ")));
    }

    /** The copper budget of the lane with this name; the message lists the known lanes otherwise. */
    public CopperBudget budget(String laneName) {
        for (CopperBudget b : budgets) {
            if (b.lane().name().equals(laneName)) {
                return b;
            }
        }
        throw new IllegalArgumentException("no copper budget for lane \"" + laneName + "\": expected one of "
                + budgets.stream().map(b -> b.lane().name()).collect(Collectors.joining(", ")));
    }

    public double lossDbPerMeter(String gauge, double frequencyHz) {
        return gauge(gauge).lossDbPerMeter(frequencyHz);
    }

    /** The loss (dB) the twinax of {@code cable} may have at the anchor budget {@code b}. */
    public static double cableBudgetDb(CopperBudget b, CopperReach cable) {
        return cableBudgetDb(b.cableAllowanceDb(), b.hostAndPlugLossDb(), cable);
    }

    private static double cableBudgetDb(double allowanceDb, double hostAndPlugDb, CopperReach cable) {
        return switch (cable.equalisation()) {
            case PASSIVE -> allowanceDb;
            case REDRIVER -> allowanceDb + cable.redriverGainDb();
            case RETIMER -> allowanceDb + hostAndPlugDb;
        };
    }

    /** Reach (m) of {@code cable} on the lane named {@code laneName} (one of the budgets' lanes). */
    public double reachMeters(CopperReach cable, String laneName) {
        CopperBudget b = budget(laneName);
        return cableBudgetDb(b, cable) / lossDbPerMeter(cable.gauge(), b.lane().nyquistHz());
    }

    /** Reach (m) of a passive DAC of the given gauge on the named lane. */
    public double passiveReachMeters(String gauge, String laneName) {
        return reachMeters(CopperReach.passive(gauge), laneName);
    }

    /**
     * The cable's loss budget at any Nyquist frequency between the first and last anchor, each budget term
     * interpolated linearly in log₂ f between neighbouring anchors (exact at the anchors).
     */
    public double cableBudgetDbAt(CopperReach cable, double nyquistHz) {
        double lo = budgets.get(0).lane().nyquistHz();
        double hi = budgets.get(budgets.size() - 1).lane().nyquistHz();
        double relTol = 1e-12;
        if (!(nyquistHz >= lo * (1 - relTol) && nyquistHz <= hi * (1 + relTol))) {
            throw new IllegalArgumentException("Nyquist frequency " + ghz(nyquistHz) + " is outside the copper budgets, "
                    + ghz(lo) + " to " + ghz(hi) + " — expected a frequency between the anchors (hint: [amd-xapp1392], [intel-an846-kp4]"
                    + " gives budgets only for " + budgets.stream().map(b -> b.lane().name()).collect(Collectors.joining(", ")) + ")");
        }
        double f = Math.min(Math.max(nyquistHz, lo), hi);
        for (int i = 0; i < budgets.size(); i++) {
            CopperBudget b = budgets.get(i);
            if (f == b.lane().nyquistHz()) {
                return cableBudgetDb(b, cable);
            }
            if (i > 0 && f < b.lane().nyquistHz()) {
                CopperBudget a = budgets.get(i - 1);
                double t = Math.log(f / a.lane().nyquistHz()) / Math.log(b.lane().nyquistHz() / a.lane().nyquistHz());
                double allowance = a.cableAllowanceDb() + t * (b.cableAllowanceDb() - a.cableAllowanceDb());
                double host = a.hostAndPlugLossDb() + t * (b.hostAndPlugLossDb() - a.hostAndPlugLossDb());
                return cableBudgetDb(allowance, host, cable);
            }
        }
        return cableBudgetDb(budgets.get(budgets.size() - 1), cable);
    }

    /** Reach (m) at any Nyquist frequency within the anchors (see {@link #cableBudgetDbAt}). */
    public double reachMetersAt(CopperReach cable, double nyquistHz) {
        return cableBudgetDbAt(cable, nyquistHz) / lossDbPerMeter(cable.gauge(), nyquistHz);
    }

    /** One point of a reach curve: Nyquist frequency, loss per metre there, the cable's budget and the reach. */
    public record ReachPoint(double nyquistHz, double lossDbPerMeter, double cableBudgetDb, double reachMeters) {
    }

    /**
     * Reach versus Nyquist frequency for plots, {@code points} (≥ 2) points spaced evenly in log f from
     * {@code fromHz} to {@code toHz} (both within the budget anchors). A lane of line rate R and b bits per
     * symbol has f_N = R / (2b).
     */
    public List<ReachPoint> reachCurve(CopperReach cable, double fromHz, double toHz, int points) {
        if (points < 2) {
            throw new IllegalArgumentException("reach curve with " + points + " points — expected at least 2");
        }
        if (!(fromHz > 0 && toHz > fromHz)) {
            throw new IllegalArgumentException("reach curve from " + ghz(fromHz) + " to " + ghz(toHz)
                    + " — expected 0 < from < to");
        }
        List<ReachPoint> out = new ArrayList<>(points);
        double ratio = Math.log(toHz / fromHz);
        for (int i = 0; i < points; i++) {
            double f = i == points - 1 ? toHz : fromHz * Math.exp(ratio * i / (points - 1));
            double loss = lossDbPerMeter(cable.gauge(), f);
            double budget = cableBudgetDbAt(cable, f);
            out.add(new ReachPoint(f, loss, budget, budget / loss));
        }
        return List.copyOf(out);
    }

    /**
     * Why reach shrinks from one lane to the next:
     * {@code reachRatio = lossRatio × budgetRatio}, with {@code lossRatio = IL(f_to)/IL(f_from)} (the cable's
     * loss per metre at the higher Nyquist frequency) and {@code budgetRatio = budget(from)/budget(to)}
     * (less loss left for the cable).
     */
    public record Shrinkage(String gauge, String fromLane, String toLane, double fromReachMeters, double toReachMeters,
                            double lossRatio, double budgetRatio) {
        /** fromReach / toReach; equals lossRatio × budgetRatio. */
        public double reachRatio() {
            return fromReachMeters / toReachMeters;
        }
    }

    public Shrinkage shrinkage(CopperReach cable, String fromLane, String toLane) {
        CopperBudget a = budget(fromLane);
        CopperBudget b = budget(toLane);
        double lossA = lossDbPerMeter(cable.gauge(), a.lane().nyquistHz());
        double lossB = lossDbPerMeter(cable.gauge(), b.lane().nyquistHz());
        double budgetA = cableBudgetDb(a, cable);
        double budgetB = cableBudgetDb(b, cable);
        return new Shrinkage(cable.gauge(), fromLane, toLane, budgetA / lossA, budgetB / lossB, lossB / lossA, budgetA / budgetB);
    }

    static String ghz(double hz) {
        return String.format(Locale.ROOT, "%.4g GHz", hz / 1e9);
    }
}
