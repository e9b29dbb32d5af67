package org.mosaic.optics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;
import org.hipparchus.linear.SingularValueDecomposition;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresBuilder;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LevenbergMarquardtOptimizer;
import org.hipparchus.util.Pair;
import org.mosaic.core.scenario.ScenarioDocument;
import org.mosaic.core.scenario.ScenarioException;
import org.mosaic.core.units.Dimension;
import org.mosaic.core.units.Quantities;
import org.mosaic.core.units.UnitException;

/**
 * Multi-point calibration: several parameters of a channel design fitted jointly to a measurements document — points
 * of (length, rate, BER) and, where known, the received average power — by Levenberg–Marquardt (Hipparchus) on
 * weighted residuals: (log10 BER_measured − log10 BER_model)/σ_BER and (P_measured − P_model)/σ_P in dB. Each parameter
 * is reported with its standard error and the correlation matrix from the Jacobian at the optimum,
 * cov = (JᵀJ)⁻¹·max(1, χ²/(n − p)) (the stated uncertainties, inflated when the residuals exceed them). A direction of
 * parameter space the data do not constrain (singular value of the column-scaled Jacobian below
 * {@link #DEGENERATE_SINGULAR_VALUE} of the largest, or fewer residuals than parameters) is REPORTED — the parameters in
 * it, their correlation and an infinite standard error — rather than refused: that is the answer a one-point
 * calibration has to give.
 */
public final class JointCalibration {
    /** A measured point; {@code receivedPowerWatts} NaN when not measured. */
    public record Point(int index, double lengthMeters, double rateBitsPerSecond, double ber, double receivedPowerWatts,
                        String note) {
    }

    /**
     * A measurements document.
     * @param berUncertaintyDecades σ of log10 BER (one standard deviation)
     * @param powerUncertaintyDb σ of a received-power reading, dB
     * @param free the parameters the document proposes to free (may be empty: then the front end names them)
     */
    public record Measurements(String name, String source, List<Point> points, double berUncertaintyDecades,
                               double powerUncertaintyDb, List<String> free) {
    }

    public record Parameter(String path, Dimension dimension, double value, double standardError, double start,
                            boolean determined) {
    }

    public record Residual(Point point, double modelBer, double log10BerResidual, double modelReceivedPowerWatts,
                           double powerResidualDb) {
    }

    /**
     * The fit: parameters, correlations (row/column order of {@code parameters}), the singular values of the scaled
     * Jacobian (largest first), and, when degenerate, the undetermined direction(s) in words.
     */
    public record Result(List<Parameter> parameters, double[][] correlation, double[] singularValues, boolean degenerate,
                         List<String> degeneracies, List<Residual> residuals, double chiSquared, int residualCount,
                         int iterations) {
    }

    /** Relative singular value of the column-scaled Jacobian below which a direction is undetermined. */
    public static final double DEGENERATE_SINGULAR_VALUE = 1e-3;
    /** Default σ of log10 BER: a BER counted from ~10 errors scatters by 1/√10, 0.14 decades; 0.15 rounded. */
    public static final double DEFAULT_BER_UNCERTAINTY_DECADES = 0.15;
    /** Default σ of a received-power reading: assumed (Mosaic developers), range 0.2–1 dB (meter and connector repeatability). */
    public static final double DEFAULT_POWER_UNCERTAINTY_DB = 0.5;
    private static final double BER_FLOOR = 1e-300;

    private JointCalibration() {
    }

    /** Parses a measurements document (YAML or JSON), reporting every problem at once. */
    public static Measurements parse(String source, String text) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(text);
        } catch (java.io.IOException e) {
            throw new CalibrationException(source + " is not valid YAML: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (root == null || !root.isObject()) {
            throw new CalibrationException(source + " is empty or not a mapping: expected kind: measurements, formatVersion: 1 "
                    + "and a list points (see docs/examples/mosaic-prototype-measurements.yaml)");
        }
        List<String> problems = new ArrayList<>();
        List<String> known = List.of("kind", "formatVersion", "name", "description", "source", "uncertainty", "free", "points");
        // (description and source are free text for the reader)
        root.fieldNames().forEachRemaining(k -> {
            if (!known.contains(k)) {
                problems.add(k + ": unknown key (expected one of " + known + ")");
            }
        });
        if (!"measurements".equals(root.path("kind").asText())) {
            problems.add("kind: \"" + root.path("kind").asText() + "\", expected measurements");
        }
        if (root.path("formatVersion").asInt(-1) != 1) {
            problems.add("formatVersion: \"" + root.path("formatVersion").asText() + "\", expected 1");
        }
        double berSigma = DEFAULT_BER_UNCERTAINTY_DECADES;
        double powerSigma = DEFAULT_POWER_UNCERTAINTY_DB;
        JsonNode u = root.path("uncertainty");
        if (!u.isMissingNode()) {
            if (!u.isObject()) {
                problems.add("uncertainty: expected a mapping with log10Ber (decades) and receivedPower (dB)");
            } else {
                u.fieldNames().forEachRemaining(k -> {
                    if (!k.equals("log10Ber") && !k.equals("receivedPower")) {
                        problems.add("uncertainty." + k + ": unknown key (expected log10Ber or receivedPower)");
                    }
                });
                if (u.has("log10Ber")) {
                    berSigma = u.get("log10Ber").asDouble(Double.NaN);
                    if (!(berSigma > 0 && berSigma <= 3)) {
                        problems.add("uncertainty.log10Ber: \"" + u.get("log10Ber").asText() + "\", expected decades in (0, 3], e.g. 0.15");
                    }
                }
                if (u.has("receivedPower")) {
                    try {
                        powerSigma = Quantities.parse(u.get("receivedPower").asText(), Dimension.DECIBEL);
                        if (!(powerSigma > 0 && powerSigma <= 10)) {
                            problems.add("uncertainty.receivedPower: \"" + u.get("receivedPower").asText() + "\", expected (0, 10] dB");
                        }
                    } catch (UnitException e) {
                        problems.add("uncertainty.receivedPower: " + e.getMessage());
                    }
                }
            }
        }
        List<String> free = new ArrayList<>();
        JsonNode f = root.path("free");
        if (!f.isMissingNode()) {
            if (!f.isArray()) {
                problems.add("free: expected a list of parameter paths, e.g. [led.averagePower, fiber.attenuation]");
            } else {
                f.forEach(n -> free.add(n.asText()));
            }
        }
        List<Point> points = new ArrayList<>();
        JsonNode ps = root.path("points");
        if (!ps.isArray() || ps.isEmpty()) {
            problems.add("points: expected a non-empty list of {length, rate, ber, receivedPower (optional)}");
        } else {
            int i = 0;
            for (JsonNode p : ps) {
                i++;
                String at = "points[" + i + "]";
                if (!p.isObject()) {
                    problems.add(at + ": expected a mapping {length, rate, ber}");
                    continue;
                }
                List<String> pk = List.of("length", "rate", "ber", "receivedPower", "note");
                p.fieldNames().forEachRemaining(k -> {
                    if (!pk.contains(k)) {
                        problems.add(at + "." + k + ": unknown key (expected one of " + pk + ")");
                    }
                });
                try {
                    double len = Quantities.parse(p.path("length").isMissingNode() ? null : p.path("length").asText(), Dimension.LENGTH);
                    double rate = Quantities.parse(p.path("rate").isMissingNode() ? null : p.path("rate").asText(), Dimension.DATA_RATE);
                    double ber = Quantities.parse(p.path("ber").isMissingNode() ? null : p.path("ber").asText(), Dimension.DIMENSIONLESS);
                    double power = p.has("receivedPower") ? Quantities.parse(p.get("receivedPower").asText(), Dimension.POWER) : Double.NaN;
                    if (!(ber > 0 && ber <= 0.5)) {
                        problems.add(at + ".ber: \"" + p.path("ber").asText() + "\", expected a BER in (0, 0.5] (a run without errors is "
                                + "only a bound: enter 3/bits, the 95 % bound)");
                    } else if (!(len >= 0 && rate > 0)) {
                        problems.add(at + ": length must be ≥ 0 and rate > 0");
                    } else {
                        points.add(new Point(i, len, rate, ber, power, p.path("note").asText("")));
                    }
                } catch (UnitException e) {
                    problems.add(at + ": " + e.getMessage());
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new CalibrationException(problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + " in " + source
                    + ":\n  - " + String.join("\n  - ", problems));
        }
        return new Measurements(root.path("name").asText(source), source, List.copyOf(points), berSigma, powerSigma, List.copyOf(free));
    }

    /** The names of the shipped measurements documents (resources {@code measurements/NAME.yaml}). */
    public static final List<String> SHIPPED = List.of("mosaic-prototype");

    /** A shipped measurements document by name. */
    public static Measurements shipped(String name) {
        if (!SHIPPED.contains(name)) {
            throw new CalibrationException("no shipped measurements named " + name + ": expected a file or one of " + SHIPPED);
        }
        return parse(name, shippedText(name));
    }

    /** The text of a shipped measurements document. */
    public static String shippedText(String name) {
        try (var in = JointCalibration.class.getResourceAsStream("/measurements/" + name + ".yaml")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException | NullPointerException e) {
            throw new IllegalStateException("shipped measurements " + name + " missing from the build", e);
        }
    }

    /** Fits {@code freePaths} of {@code doc} to the measurements; {@code onEvaluation} runs after each model evaluation. */
    public static Result fit(ScenarioDocument doc, Measurements m, List<String> freePaths, Runnable onEvaluation) {
        if (freePaths.isEmpty()) {
            throw new CalibrationException("no parameter to fit: name one or more of " + Calibration.fittable()
                    + " with --free or under free: in " + m.source());
        }
        if (m.points().size() > Calibration.MAX_MEASUREMENTS) {
            throw new CalibrationException(m.points().size() + " points, at most " + Calibration.MAX_MEASUREMENTS + " per fit");
        }
        List<ChannelSpecs.Parameter> params = new ArrayList<>();
        for (String p : freePaths) {
            ChannelSpecs.Parameter par = ChannelSpecs.PARAMETERS.get(p);
            if (par == null || p.equals("fiber.length") || p.equals("link.channelRate") || p.equals("link.berTarget")) {
                throw new CalibrationException(p + " is not a fittable parameter: expected one of " + Calibration.fittable());
            }
            if (params.contains(par)) {
                throw new CalibrationException(p + " is named twice");
            }
            params.add(par);
        }
        ChannelSpec base;
        try {
            base = ChannelSpecs.bind(doc);
        } catch (ScenarioException e) {
            throw new CalibrationException(e.getMessage());
        }
        double[] start = new double[params.size()];
        for (int i = 0; i < start.length; i++) {
            start[i] = Calibration.toInternal(params.get(i), Calibration.valueOf(base, doc, params.get(i)));
        }
        Model model = new Model(doc, params, m, onEvaluation);
        double[] target = new double[model.residualCount()];
        LeastSquaresOptimizer.Optimum opt;
        try {
            opt = new LevenbergMarquardtOptimizer().optimize(new LeastSquaresBuilder()
                    .start(start).target(target).model(model::value).maxEvaluations(400).maxIterations(200)
                    .checker((iteration, previous, current) -> iteration > 1
                            && (Math.abs(previous.getCost() - current.getCost()) <= 1e-6 * Math.max(1e-12, current.getCost())
                            // matched to a thousandth of the stated uncertainties: no iteration can improve on it
                            || current.getCost() <= 1e-3))
                    .build());
        } catch (org.hipparchus.exception.MathIllegalStateException e) {
            throw new CalibrationException("the fit did not converge (" + e.getMessage() + "): the data may be inconsistent with "
                    + "the model or the starting values too far off (hint: set better starting values with --set)");
        }
        double[] x = opt.getPoint().toArray();
        Pair<RealVector, RealMatrix> at = model.value(new ArrayRealVector(x));
        RealMatrix j = at.getSecond();
        int n = j.getRowDimension();
        int p = params.size();
        double chi2 = 0;
        for (int r = 0; r < n; r++) {
            chi2 += at.getFirst().getEntry(r) * at.getFirst().getEntry(r);
        }
        // column-scaled Jacobian: its singular values say which directions the data constrain
        RealMatrix js = j.copy();
        double[] norms = new double[p];
        for (int c = 0; c < p; c++) {
            norms[c] = j.getColumnVector(c).getNorm();
            if (norms[c] > 0) {
                js.setColumnVector(c, j.getColumnVector(c).mapDivide(norms[c]));
            }
        }
        SingularValueDecomposition svd = new SingularValueDecomposition(js);
        double[] sv = new double[p];
        double[] got = svd.getSingularValues();
        System.arraycopy(got, 0, sv, 0, Math.min(p, got.length)); // fewer residuals than parameters: the rest are 0
        List<String> degeneracies = new ArrayList<>();
        RealMatrix v = svd.getV();
        for (int k = 0; k < p; k++) {
            if (sv[k] < DEGENERATE_SINGULAR_VALUE * Math.max(sv[0], 1e-300) || norms[k] == 0 && k == 0) {
                degeneracies.add(direction(params, k < v.getColumnDimension() ? v.getColumn(k) : null, norms, k));
            }
        }
        for (int c = 0; c < p; c++) {
            if (norms[c] == 0) {
                degeneracies.add(params.get(c).path() + " does not change the modelled measurements at all");
            }
        }
        boolean degenerate = !degeneracies.isEmpty() || n < p;
        // covariance in the internal coordinates; for a degenerate fit the (JᵀJ + εI)⁻¹ limit gives ±1 correlations
        RealMatrix jtj = j.transpose().multiply(j);
        double scale = n > p ? Math.max(1, chi2 / (n - p)) : 1;
        RealMatrix cov;
        if (degenerate) {
            double trace = 0;
            for (int c = 0; c < p; c++) {
                trace += jtj.getEntry(c, c);
            }
            RealMatrix ridge = jtj.add(MatrixUtils.createRealIdentityMatrix(p).scalarMultiply(Math.max(1e-300, 1e-12 * trace / p)));
            cov = MatrixUtils.inverse(ridge).scalarMultiply(scale);
        } else {
            cov = MatrixUtils.inverse(jtj).scalarMultiply(scale);
        }
        double[][] corr = new double[p][p];
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < p; b++) {
                corr[a][b] = cov.getEntry(a, b) / Math.sqrt(cov.getEntry(a, a) * cov.getEntry(b, b));
            }
        }
        List<Parameter> fitted = new ArrayList<>();
        for (int i = 0; i < p; i++) {
            ChannelSpecs.Parameter par = params.get(i);
            double val = Calibration.fromInternal(par, x[i]);
            boolean determined = !degenerate || !inDegenerateDirection(v, sv, i);
            double se = determined ? Math.sqrt(Math.max(0, cov.getEntry(i, i))) : Double.POSITIVE_INFINITY;
            double seValue = Calibration.logScaled(par) ? val * Math.log(10) * se : se;
            fitted.add(new Parameter(par.path(), par.dimension(), val, seValue, Calibration.fromInternal(par, start[i]), determined));
        }
        return new Result(fitted, corr, sv, degenerate, degeneracies, model.residuals(x), chi2, n, opt.getIterations());
    }

    /** Whether parameter i takes part in a direction of (near-)zero singular value. */
    private static boolean inDegenerateDirection(RealMatrix v, double[] sv, int i) {
        for (int k = 0; k < sv.length; k++) {
            boolean small = sv[k] < DEGENERATE_SINGULAR_VALUE * Math.max(sv[0], 1e-300);
            if (small && (k >= v.getColumnDimension() || Math.abs(v.getEntry(i, k)) > 0.1)) {
                return true;
            }
        }
        return false;
    }

    private static String direction(List<ChannelSpecs.Parameter> params, double[] dir, double[] norms, int k) {
        if (dir == null) {
            return "fewer independent measurements than parameters: " + String.join(", ", params.stream().map(ChannelSpecs.Parameter::path).toList())
                    + " cannot all be determined";
        }
        List<String> terms = new ArrayList<>();
        for (int i = 0; i < dir.length; i++) {
            if (Math.abs(dir[i]) > 0.1) {
                terms.add(String.format(Locale.ROOT, "%+.2f·%s%s", dir[i] / (norms[i] > 0 ? norms[i] : 1), Calibration.logScaled(params.get(i))
                        ? "log10 " : "", params.get(i).path()));
            }
        }
        return "the data do not constrain " + String.join(" ", terms) + " (moving along it leaves every modelled measurement unchanged)";
    }

    /** Weighted residuals of every measurement, with a central-difference Jacobian. */
    private static final class Model {
        private final ScenarioDocument doc;
        private final List<ChannelSpecs.Parameter> params;
        private final Measurements m;
        private final Runnable onEvaluation;

        Model(ScenarioDocument doc, List<ChannelSpecs.Parameter> params, Measurements m, Runnable onEvaluation) {
            this.doc = doc;
            this.params = params;
            this.m = m;
            this.onEvaluation = onEvaluation;
        }

        int residualCount() {
            int n = m.points().size();
            for (Point p : m.points()) {
                if (!Double.isNaN(p.receivedPowerWatts())) {
                    n++;
                }
            }
            return n;
        }

        ChannelSpec spec(double[] x) {
            ScenarioDocument d = doc;
            for (int i = 0; i < x.length; i++) {
                ChannelSpecs.Parameter p = params.get(i);
                d = Calibration.Model.withExact(d, p, Math.max(p.min(), Math.min(p.max(), Calibration.fromInternal(p, x[i]))));
            }
            try {
                return ChannelSpecs.bind(d);
            } catch (ScenarioException e) {
                throw new CalibrationException("a trial value left the valid range: " + e.getMessage());
            }
        }

        /** {modelBer, modelPower} per point. */
        double[][] predict(double[] x) {
            ChannelSpec spec = spec(x);
            double[][] out = new double[m.points().size()][2];
            for (int i = 0; i < out.length; i++) {
                Point p = m.points().get(i);
                ChannelSpec s = spec.withLength(p.lengthMeters()).withRate(p.rateBitsPerSecond());
                out[i][0] = ChannelAnalysis.nominalBer(s);
                out[i][1] = Double.isNaN(p.receivedPowerWatts()) ? Double.NaN : new ChannelModel(s).receivedAveragePower(1);
            }
            onEvaluation.run();
            return out;
        }

        /** Weighted residuals, model − measured (the optimiser's target is 0). */
        double[] weighted(double[] x) {
            double[][] pr = predict(x);
            double[] r = new double[residualCount()];
            int k = 0;
            for (int i = 0; i < pr.length; i++) {
                Point p = m.points().get(i);
                r[k++] = (Math.log10(Math.max(BER_FLOOR, pr[i][0])) - Math.log10(p.ber())) / m.berUncertaintyDecades();
            }
            for (int i = 0; i < pr.length; i++) {
                Point p = m.points().get(i);
                if (!Double.isNaN(p.receivedPowerWatts())) {
                    r[k++] = 10 * Math.log10(pr[i][1] / p.receivedPowerWatts()) / m.powerUncertaintyDb();
                }
            }
            return r;
        }

        List<Residual> residuals(double[] x) {
            double[][] pr = predict(x);
            List<Residual> out = new ArrayList<>();
            for (int i = 0; i < pr.length; i++) {
                Point p = m.points().get(i);
                out.add(new Residual(p, pr[i][0], Math.log10(p.ber()) - Math.log10(Math.max(BER_FLOOR, pr[i][0])), pr[i][1],
                        Double.isNaN(p.receivedPowerWatts()) ? Double.NaN : 10 * Math.log10(p.receivedPowerWatts() / pr[i][1])));
            }
            return out;
        }

        Pair<RealVector, RealMatrix> value(RealVector point) {
            double[] x = point.toArray();
            double[] f0 = weighted(x);
            RealMatrix jac = new Array2DRowRealMatrix(f0.length, x.length);
            for (int c = 0; c < x.length; c++) {
                double h = Calibration.logScaled(params.get(c)) ? 0.01 : 0.1;
                double[] xp = x.clone();
                double[] xm = x.clone();
                xp[c] += h;
                xm[c] -= h;
                double[] fp = weighted(xp);
                double[] fm = weighted(xm);
                for (int r = 0; r < f0.length; r++) {
                    jac.setEntry(r, c, (fp[r] - fm[r]) / (2 * h));
                }
            }
            return new Pair<>(new ArrayRealVector(f0), jac);
        }
    }
}
