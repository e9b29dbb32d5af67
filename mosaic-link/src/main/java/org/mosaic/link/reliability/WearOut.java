package org.mosaic.link.reliability;

import java.util.random.RandomGenerator;
import org.mosaic.optics.Gaussians;

/**
 * The wear-out part of a component's life, added to its constant (random-failure) hazard as a competing risk:
 * the component survives to t only if neither mechanism has struck, so cumulative hazards add. Parameters are
 * given at the component's reference temperature; at another temperature the time scale is divided by the
 * Arrhenius factor (see {@link Component}). All times in hours.
 *
 * <p>Lasers and VCSELs are usually modelled with a lognormal wear-out life ([guenter-spie-2011]);
 * Weibull is offered for mechanisms characterised that way (β &gt; 1 wear-out, β &lt; 1 infant mortality).
 */
public sealed interface WearOut {
    /** H(t) = −ln S(t) at the reference temperature; accurate for tiny values. */
    double cumulativeHazard(double timeHours);

    /** h(t) = dH/dt per hour at the reference temperature. */
    double hazardPerHour(double timeHours);

    /** S(t) = exp(−H(t)). */
    default double survival(double timeHours) {
        return Math.exp(-cumulativeHazard(timeHours));
    }

    /** One wear-out time at the reference temperature (+∞ for {@link None}). */
    double sampleHours(RandomGenerator rng);

    /** No wear-out: only the constant hazard acts. */
    static WearOut none() {
        return None.INSTANCE;
    }

    /** No wear-out mechanism. */
    record None() implements WearOut {
        static final None INSTANCE = new None();

        @Override
        public double cumulativeHazard(double timeHours) {
            return 0;
        }

        @Override
        public double hazardPerHour(double timeHours) {
            return 0;
        }

        @Override
        public double sampleHours(RandomGenerator rng) {
            return Double.POSITIVE_INFINITY;
        }
    }

    /**
     * Weibull life: S(t) = exp[−(t/η)^β].
     *
     * @param shape β &gt; 0 (&lt; 1 infant mortality, 1 constant hazard, &gt; 1 wear-out)
     * @param scaleHours η, the characteristic life (63.2 % failed) in hours
     */
    record Weibull(double shape, double scaleHours) implements WearOut {
        public Weibull {
            if (!(shape > 0 && shape <= 100)) {
                throw new IllegalArgumentException("Weibull shape β = " + shape + " — expected a number in (0, 100]; "
                        + "hint: β < 1 infant mortality, β = 1 constant hazard, β > 1 wear-out (typically 1.5–5)");
            }
            checkHours("Weibull scale η", scaleHours, "the characteristic life, at which 63.2 % have failed");
        }

        @Override
        public double cumulativeHazard(double timeHours) {
            return timeHours <= 0 ? 0 : Math.pow(timeHours / scaleHours, shape);
        }

        @Override
        public double hazardPerHour(double timeHours) {
            if (timeHours <= 0) {
                return shape < 1 ? Double.POSITIVE_INFINITY : shape == 1 ? 1 / scaleHours : 0;
            }
            return shape / scaleHours * Math.pow(timeHours / scaleHours, shape - 1);
        }

        @Override
        public double sampleHours(RandomGenerator rng) {
            return scaleHours * Math.pow(rng.nextExponential(), 1 / shape);
        }
    }

    /**
     * Lognormal life: ln(time to failure) ~ Normal(ln median, σ²); S(t) = Q((ln t − ln median)/σ).
     *
     * @param medianHours median life (50 % failed) in hours
     * @param sigma σ of ln(life), &gt; 0 (laser literature: roughly 0.3–1)
     */
    record Lognormal(double medianHours, double sigma) implements WearOut {
        private static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

        public Lognormal {
            checkHours("lognormal median life", medianHours, "the time by which half have worn out");
            if (!(sigma > 0 && sigma <= 20)) {
                throw new IllegalArgumentException("lognormal σ = " + sigma + " — expected a number in (0, 20]; "
                        + "hint: σ is the standard deviation of ln(life), typically 0.3–1 for lasers");
            }
        }

        private double z(double timeHours) {
            return (Math.log(timeHours) - Math.log(medianHours)) / sigma;
        }

        @Override
        public double cumulativeHazard(double timeHours) {
            if (timeHours <= 0) {
                return 0;
            }
            double z = z(timeHours);
            // −ln Q(z): below the median Q is close to 1, so use log1p of the small lower tail Φ(z)
            return z < 0 ? -Math.log1p(-Gaussians.phi(z)) : -Gaussians.logPhi(-z);
        }

        @Override
        public double hazardPerHour(double timeHours) {
            if (timeHours <= 0) {
                return 0;
            }
            double z = z(timeHours);
            // φ(z) / (σ t Q(z)) with Q(z) = exp(−H): finite where Q underflows
            return Math.exp(-0.5 * z * z - LOG_SQRT_2PI + cumulativeHazard(timeHours)) / (sigma * timeHours);
        }

        @Override
        public double sampleHours(RandomGenerator rng) {
            return medianHours * Math.exp(sigma * rng.nextGaussian());
        }
    }

    private static void checkHours(String what, double hours, String meaning) {
        if (!(hours > 0 && hours < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(what + " " + hours + " h — expected a finite number of hours > 0 ("
                    + meaning + "); hint: 10 years = 87600 h");
        }
    }
}
