package org.mosaic.link.reliability;

import java.util.List;

/**
 * The cumulative hazard of parts in series at their operating temperatures, compiled for fast repeated
 * evaluation: the constant parts folded into one rate, the wear-out parts kept with their Arrhenius factor
 * and copy count. H(t) = rate·t + Σ copies·H_wear(AF·t).
 */
final class SeriesHazard {
    private final double ratePerHour;
    private final WearOut[] wear;
    private final double[] wearAf;
    private final double[] wearCopies;

    private SeriesHazard(double ratePerHour, WearOut[] wear, double[] wearAf, double[] wearCopies) {
        this.ratePerHour = ratePerHour;
        this.wear = wear;
        this.wearAf = wearAf;
        this.wearCopies = wearCopies;
    }

    /** Parts of each list counted {@code multiplicity[i]} times (e.g. end parts twice). */
    static SeriesHazard of(List<List<Part>> lists, int[] multiplicity) {
        double rate = 0;
        int wearCount = 0;
        for (List<Part> list : lists) {
            for (Part p : list) {
                wearCount += p.component().hasWearOut() ? 1 : 0;
            }
        }
        WearOut[] wear = new WearOut[wearCount];
        double[] af = new double[wearCount];
        double[] copies = new double[wearCount];
        int w = 0;
        for (int i = 0; i < lists.size(); i++) {
            for (Part p : lists.get(i)) {
                double a = p.accelerationFactor();
                rate += multiplicity[i] * p.quantity() * p.component().fitAtReference() / FitConversions.HOURS_PER_FIT_UNIT * a;
                if (p.component().hasWearOut()) {
                    wear[w] = p.component().wearOut();
                    af[w] = a;
                    copies[w] = (double) multiplicity[i] * p.quantity();
                    w++;
                }
            }
        }
        return new SeriesHazard(rate, wear, af, copies);
    }

    /** True when every part has a constant hazard (no wear-out): H(t) = rate·t exactly. */
    boolean isConstant() {
        return wear.length == 0;
    }

    /** True when nothing here can ever fail. */
    boolean isZero() {
        return ratePerHour == 0 && wear.length == 0;
    }

    double ratePerHour() {
        return ratePerHour;
    }

    double cumulativeHazard(double timeHours) {
        double h = ratePerHour * timeHours;
        for (int i = 0; i < wear.length; i++) {
            h += wearCopies[i] * wear[i].cumulativeHazard(wearAf[i] * timeHours);
        }
        return h;
    }

    /** h(t) = dH/dt per hour. */
    double hazardPerHour(double timeHours) {
        double h = ratePerHour;
        for (int i = 0; i < wear.length; i++) {
            h += wearCopies[i] * wearAf[i] * wear[i].hazardPerHour(wearAf[i] * timeHours);
        }
        return h;
    }

    /**
     * The time at which H reaches {@code target} (H is non-decreasing and unbounded unless {@link #isZero()});
     * +∞ if nothing can fail. Exact for constant hazards, else safeguarded Newton in ln t to ~1e-13 relative.
     */
    double timeAtCumulativeHazard(double target) {
        if (isZero() || target == Double.POSITIVE_INFINITY) {
            return Double.POSITIVE_INFINITY;
        }
        if (target <= 0) {
            return 0;
        }
        if (isConstant()) {
            return target / ratePerHour;
        }
        // bracket [lo, hi] = [lo, 16·lo] with H(lo) < target ≤ H(hi), searching from 1 h in factors of 16
        double hi = 1;
        while (cumulativeHazard(hi) < target) {
            hi *= 16;
            if (hi > 1e300) {
                return Double.POSITIVE_INFINITY;
            }
        }
        double lo = hi / 16;
        while (cumulativeHazard(lo) >= target) {
            hi = lo;
            lo /= 16;
            if (lo < 1e-300) {
                return 0;
            }
        }
        // Newton on ln H against ln t (slope t·h/H), safeguarded by the bracket H(lo) < target ≤ H(hi)
        double a = Math.log(lo);
        double b = Math.log(hi);
        double goal = Math.log(target);
        double u = 0.5 * (a + b);
        for (int iter = 0; iter < 200; iter++) {
            double t = Math.exp(u);
            double h = cumulativeHazard(t);
            double f = Math.log(h) - goal;
            if (f < 0) {
                a = u;
            } else {
                b = u;
            }
            double next = u - f * h / (t * hazardPerHour(t));
            boolean newton = next > a && next < b;
            if (!newton) {
                next = 0.5 * (a + b);
            }
            if (Math.abs(next - u) <= 1e-13 * Math.max(1, Math.abs(u)) || b - a <= 1e-15 * Math.max(1, Math.abs(u))) {
                return Math.exp(next);
            }
            u = next;
        }
        return Math.exp(u);
    }
}
