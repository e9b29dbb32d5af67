package org.mosaic.link.reliability;

import java.util.function.DoubleUnaryOperator;

/**
 * Globally adaptive Gauss–Kronrod (7/15-point) quadrature, as QUADPACK's QAG: the panel with the largest
 * error estimate is halved until the summed error is below the tolerance. Node and weight
 * constants are QUADPACK's (Piessens et al. 1983, routine qk15).
 */
final class Quadrature {
    private static final double[] XGK = {
        0.991455371120812639206854697526329, 0.949107912342758524526189684047851,
        0.864864423359769072789712788640926, 0.741531185599394439863864773280788,
        0.586087235467691130294144845693013, 0.405845151377397166906606412076961,
        0.207784955007898467600689403773245, 0.000000000000000000000000000000000};
    private static final double[] WGK = {
        0.022935322010529224963732008058970, 0.063092092629978553290700663189204,
        0.104790010322250183839876322541518, 0.140653259715525918745189590510238,
        0.169004726639267902826583426598550, 0.190350578064785409913256402421014,
        0.204432940075298892414161999234649, 0.209482141084727828012999174891714};
    /** Gauss 7-point weights of the nodes XGK[1], XGK[3], XGK[5], XGK[7]. */
    private static final double[] WG = {
        0.129484966168869693270611432679082, 0.279705391489276667901467771423780,
        0.381830050505118944950369775488975, 0.417959183673469387755102040816327};

    /** Hard limit on panels; reaching it throws rather than returning an unconverged value. */
    static final int MAX_PANELS = 2000;

    private Quadrature() {
    }

    /**
     * ∫_a^b f, starting from {@code initialPanels} equal panels (so narrow features are sampled), to
     * relative tolerance {@code relTol} of the result.
     */
    static double integrate(DoubleUnaryOperator f, double a, double b, int initialPanels, double relTol) {
        if (!(b > a)) {
            return 0;
        }
        int cap = Math.max(MAX_PANELS, 2 * initialPanels);
        double[] lo = new double[cap];
        double[] hi = new double[cap];
        double[] val = new double[cap];
        double[] err = new double[cap];
        double[] out = new double[2];
        int count = 0;
        double width = (b - a) / initialPanels;
        for (int i = 0; i < initialPanels; i++) {
            lo[count] = a + i * width;
            hi[count] = i == initialPanels - 1 ? b : a + (i + 1) * width;
            kronrod(f, lo[count], hi[count], out);
            val[count] = out[0];
            err[count] = out[1];
            count++;
        }
        while (true) {
            double total = 0;
            double totalErr = 0;
            int worst = 0;
            for (int i = 0; i < count; i++) {
                total += val[i];
                totalErr += err[i];
                if (err[i] > err[worst]) {
                    worst = i;
                }
            }
            if (totalErr <= relTol * Math.abs(total) || totalErr == 0) {
                return total;
            }
            if (count == cap) {
                throw new IllegalStateException("quadrature did not converge: error " + totalErr + " on " + total
                        + " after " + count + " panels");
            }
            double mid = 0.5 * (lo[worst] + hi[worst]);
            double right = hi[worst];
            if (!(mid > lo[worst] && mid < right)) {
                return total; // panel at the resolution of doubles: nothing left to refine
            }
            kronrod(f, lo[worst], mid, out);
            hi[worst] = mid;
            val[worst] = out[0];
            err[worst] = out[1];
            kronrod(f, mid, right, out);
            lo[count] = mid;
            hi[count] = right;
            val[count] = out[0];
            err[count] = out[1];
            count++;
        }
    }

    /**
     * K15 estimate into out[0] and QUADPACK's error estimate into out[1]: |K15 − G7| scaled by
     * resasc·min(1, (200·|K15 − G7|/resasc)^1.5), where resasc = ∫|f − mean f| by the K15 rule (the raw
     * difference overstates the error of smooth integrands by orders of magnitude), floored at 50 ε ∫|f|.
     */
    static void kronrod(DoubleUnaryOperator f, double a, double b, double[] out) {
        double c = 0.5 * (a + b);
        double h = 0.5 * (b - a);
        double[] f1 = new double[7];
        double[] f2 = new double[7];
        double fc = f.applyAsDouble(c);
        double k = WGK[7] * fc;
        double g = WG[3] * fc;
        double abs = Math.abs(k);
        for (int j = 0; j < 7; j++) {
            double x = h * XGK[j];
            f1[j] = f.applyAsDouble(c - x);
            f2[j] = f.applyAsDouble(c + x);
            k += WGK[j] * (f1[j] + f2[j]);
            abs += WGK[j] * (Math.abs(f1[j]) + Math.abs(f2[j]));
            if (j % 2 == 1) {
                g += WG[j / 2] * (f1[j] + f2[j]);
            }
        }
        double mean = 0.5 * k;
        double asc = WGK[7] * Math.abs(fc - mean);
        for (int j = 0; j < 7; j++) {
            asc += WGK[j] * (Math.abs(f1[j] - mean) + Math.abs(f2[j] - mean));
        }
        double ah = Math.abs(h);
        double err = Math.abs((k - g) * h);
        asc *= ah;
        if (asc != 0 && err != 0) {
            err = asc * Math.min(1, Math.pow(200 * err / asc, 1.5));
        }
        out[0] = k * h;
        out[1] = Math.max(50 * Math.ulp(1.0) * abs * ah, err);
    }
}
