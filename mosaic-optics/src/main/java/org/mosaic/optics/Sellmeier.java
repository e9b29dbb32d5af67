package org.mosaic.optics;

/**
 * Fused silica refractive index from the three-term Sellmeier fit of Malitson (1965),
 * n² − 1 = Σ Bᵢλ²/(λ² − Cᵢ²), λ in µm, valid 0.21–3.71 µm. Group index and chromatic (material)
 * dispersion D = −(λ/c)·d²n/dλ² follow from exact analytic derivatives, so the dispersion is computed
 * at the source wavelength rather than taken as a constant.
 * Coefficients: I. H. Malitson, JOSA 55, 1205 (1965), as tabulated by refractiveindex.info.
 */
public final class Sellmeier {
    private static final double[] B = {0.6961663, 0.4079426, 0.8974794};
    private static final double[] C = {0.0684043, 0.1162414, 9.896161}; // µm
    static final double SPEED_OF_LIGHT = 299_792_458.0;
    /** Validity range of the fit, metres. */
    public static final double MIN_WAVELENGTH = 0.21e-6;
    public static final double MAX_WAVELENGTH = 3.71e-6;

    private Sellmeier() {
    }

    /** Phase index n at a wavelength in metres. */
    public static double index(double wavelengthMeters) {
        return Math.sqrt(nSquared(wavelengthMeters * 1e6));
    }

    /** Group index N = n − λ·dn/dλ. */
    public static double groupIndex(double wavelengthMeters) {
        double um = wavelengthMeters * 1e6;
        double n = Math.sqrt(nSquared(um));
        return n - um * dn(um, n);
    }

    /** Material dispersion parameter D in s/m² (SI; 1 ps/(nm·km) = 1e-6 s/m²). Negative below ~1.27 µm. */
    public static double dispersion(double wavelengthMeters) {
        double um = wavelengthMeters * 1e6;
        double n = Math.sqrt(nSquared(um));
        double d1 = dn(um, n);
        // n'' = (f''/2 − n'²)/n with f = n²
        double d2 = (0.5 * f2(um) - d1 * d1) / n; // per µm²
        double d2PerM2 = d2 * 1e12;
        return -(wavelengthMeters / SPEED_OF_LIGHT) * d2PerM2;
    }

    /** Dispersion in the customary ps/(nm·km). */
    public static double dispersionPsPerNmKm(double wavelengthMeters) {
        return dispersion(wavelengthMeters) * 1e6;
    }

    private static double nSquared(double um) {
        double l2 = um * um;
        double s = 1.0;
        for (int i = 0; i < 3; i++) {
            s += B[i] * l2 / (l2 - C[i] * C[i]);
        }
        return s;
    }

    /** dn/dλ (per µm) from f' = d(n²)/dλ = Σ −2Bᵢ Cᵢ² λ /(λ² − Cᵢ²)². */
    private static double dn(double um, double n) {
        double f1 = 0;
        for (int i = 0; i < 3; i++) {
            double c2 = C[i] * C[i];
            double den = um * um - c2;
            f1 += -2 * B[i] * c2 * um / (den * den);
        }
        return f1 / (2 * n);
    }

    /** f'' = Σ 2Bᵢ Cᵢ² (3λ² + Cᵢ²)/(λ² − Cᵢ²)³. */
    private static double f2(double um) {
        double s = 0;
        for (int i = 0; i < 3; i++) {
            double c2 = C[i] * C[i];
            double den = um * um - c2;
            s += 2 * B[i] * c2 * (3 * um * um + c2) / (den * den * den);
        }
        return s;
    }
}
