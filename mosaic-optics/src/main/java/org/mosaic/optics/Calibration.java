package org.mosaic.optics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
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
 * Fits chosen unknown parameters of a channel scenario to measured (length, rate, BER) points by least
 * squares on log10 BER (Levenberg–Marquardt, Hipparchus), with standard errors from the Jacobian at the
 * optimum. Positive quantities are fitted in log space; levels in dB linearly. Refuses when the data
 * cannot determine the parameters (too few points, or the BER does not depend on a parameter — or on a
 * combination of them — over the measured range).
 */
public final class Calibration {
    /** One measured point; {@code line} is its line in the CSV file. */
    public record Measurement(int line, double lengthMeters, double rateBitsPerSecond, double ber) {
    }

    /** A fitted parameter: value and standard error in SI units of its dimension, and the starting value. */
    public record FittedParameter(String path, Dimension dimension, double value, double standardError, double start) {
    }

    public record Residual(Measurement measurement, double modelBer, double log10Residual) {
    }

    public record FitResult(List<FittedParameter> parameters, List<Residual> residuals, double rmsLog10, int iterations) {
        /** Whether the model misses the data by more than {@link #POOR_FIT_RMS_LOG10} decades (RMS). */
        public boolean poor() {
            return rmsLog10 > POOR_FIT_RMS_LOG10;
        }
    }

    /** Relative singular value below which a direction in parameter space counts as undetermined. */
    static final double IDENTIFIABILITY = 1e-6;

    /**
     * Largest standard error, relative to the value, of a parameter the fit reports. Above it the data
     * do not determine the parameter: a 95 % interval (±2 SE) would span from near zero to twice the
     * value, so the number printed would be a guess dressed as a measurement, and the fit is refused.
     */
    public static final double MAX_RELATIVE_STANDARD_ERROR = 0.5;

    /**
     * Largest standard error (dB) of a parameter kept in dB (losses, crosstalk, extinction ratio): 2 dB is a
     * factor 1.6 in linear terms, the counterpart of {@link #MAX_RELATIVE_STANDARD_ERROR} for values that
     * may be zero or negative.
     */
    public static final double MAX_DB_STANDARD_ERROR = 2.0;

    /**
     * RMS of log10(measured / model BER) above which the fit is poor. A BER counted from N errors has a
     * relative standard deviation of 1/√N: 0.14 decades at N = 10, the fewest errors a BER measurement
     * should rest on. A model that misses by more than twice that (0.3 decades, a factor 2) on average does
     * not describe the data, whatever the fitted values.
     */
    public static final double POOR_FIT_RMS_LOG10 = 0.3;

    /** Most measured points a fit takes: every point costs one channel evaluation per model evaluation. */
    public static final int MAX_MEASUREMENTS = 500;
    private static final double BER_FLOOR = 1e-300;

    private Calibration() {
    }

    /**
     * Reads {@code length,rate,ber} rows (header required, any column order); length and rate carry units
     * ("20 m", "2 Gb/s"), BER is a bare number in (0, 0.5].
     */
    public static List<Measurement> readCsv(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new CalibrationException("measured-data file " + file + " does not exist (hint: check the path)");
        } catch (IOException e) {
            throw new CalibrationException("cannot read " + file + ": " + e.getMessage());
        }
        return parseCsv(file.toString(), lines);
    }

    /**
     * As {@link #readCsv(Path)}, for the lines of a CSV text already read; {@code file} names it in messages (a front end
     * that never reads files, e.g. the study binder, passes the text).
     */
    public static List<Measurement> parseCsv(String file, List<String> lines) {
        int headerLine = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isBlank() && !lines.get(i).startsWith("#")) {
                headerLine = i;
                break;
            }
        }
        if (headerLine < 0) {
            throw new CalibrationException(file + " is empty: expected a header line \"length,rate,ber\" and one row per measurement");
        }
        List<String> header = Arrays.stream(lines.get(headerLine).split(",")).map(s -> s.trim().toLowerCase(Locale.ROOT)).toList();
        int li = header.indexOf("length");
        int ri = header.indexOf("rate");
        int bi = header.indexOf("ber");
        if (li < 0 || ri < 0 || bi < 0) {
            throw new CalibrationException(file + " line " + (headerLine + 1) + ": header \"" + lines.get(headerLine)
                    + "\" must name the columns length, rate and ber (e.g. \"length,rate,ber\")");
        }
        List<Measurement> out = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int i = headerLine + 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split(",", -1);
            int n = i + 1;
            if (cells.length != header.size()) {
                problems.add("line " + n + ": \"" + line + "\" has " + cells.length + " fields, expected " + header.size());
                continue;
            }
            try {
                double len = Quantities.parse(cells[li].trim(), Dimension.LENGTH);
                double rate = Quantities.parse(cells[ri].trim(), Dimension.DATA_RATE);
                double ber = Quantities.parse(cells[bi].trim(), Dimension.DIMENSIONLESS);
                if (!(ber > 0 && ber <= 0.5)) {
                    problems.add("line " + n + ": ber \"" + cells[bi].trim() + "\" must be in (0, 0.5] — a run with no errors gives only an "
                            + "upper bound; enter e.g. 3/bits (the 95 % bound) or leave the row out");
                    continue;
                }
                if (len < 0 || rate <= 0) {
                    problems.add("line " + n + ": length must be ≥ 0 and rate > 0");
                    continue;
                }
                out.add(new Measurement(n, len, rate, ber));
            } catch (UnitException e) {
                problems.add("line " + n + ": " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new CalibrationException(problems.size() + " bad rows in " + file + ":\n  - " + String.join("\n  - ", problems));
        }
        if (out.isEmpty()) {
            throw new CalibrationException(file + " has a header but no measurements");
        }
        return out;
    }

    /** Fits the parameters at {@code freePaths} (keys of {@link ChannelSpecs#PARAMETERS}) to the data. */
    public static FitResult fit(ScenarioDocument doc, List<Measurement> data, List<String> freePaths) {
        return fit(doc, data, freePaths, () -> { });
    }

    /**
     * As {@link #fit(ScenarioDocument, List, List)}, calling {@code onEvaluation} after every evaluation of
     * the model at all the measured points (for a progress display). Refuses (CalibrationException) a
     * parameter whose standard error exceeds {@link #MAX_RELATIVE_STANDARD_ERROR} of its value (or
     * {@link #MAX_DB_STANDARD_ERROR} for a level in dB).
     */
    public static FitResult fit(ScenarioDocument doc, List<Measurement> data, List<String> freePaths, Runnable onEvaluation) {
        if (data.size() > MAX_MEASUREMENTS) {
            throw new CalibrationException(data.size() + " measured points, at most " + MAX_MEASUREMENTS + " per fit (each point is "
                    + "evaluated by the channel model at every step of the fit) (hint: average repeated measurements at the same "
                    + "length and rate into one row, or fit a subset)");
        }
        if (freePaths.isEmpty()) {
            throw new CalibrationException("--free names no parameter: give one or more of " + fittable());
        }
        List<ChannelSpecs.Parameter> params = new ArrayList<>();
        for (String p : freePaths) {
            ChannelSpecs.Parameter par = ChannelSpecs.PARAMETERS.get(p);
            if (par == null || p.equals("fiber.length") || p.equals("link.channelRate") || p.equals("link.berTarget")) {
                throw new CalibrationException("--free " + p + " is not a fittable parameter: expected one of " + fittable());
            }
            if (params.contains(par)) {
                throw new CalibrationException("--free names " + p + " twice");
            }
            params.add(par);
        }
        if (data.size() <= params.size()) {
            throw new CalibrationException(data.size() + " measurements cannot determine " + params.size() + " parameter"
                    + (params.size() == 1 ? "" : "s") + " with an uncertainty: give at least " + (params.size() + 1)
                    + " points (more lengths or rates), or free fewer parameters");
        }
        ChannelSpec base = ChannelSpecs.bind(doc);
        double[] start = new double[params.size()];
        for (int i = 0; i < start.length; i++) {
            start[i] = toInternal(params.get(i), valueOf(base, doc, params.get(i)));
        }
        double[] target = new double[data.size()];
        for (int i = 0; i < target.length; i++) {
            target[i] = Math.log10(data.get(i).ber());
        }
        Model model = new Model(doc, params, data, onEvaluation);
        LeastSquaresOptimizer.Optimum opt;
        try {
            opt = new LevenbergMarquardtOptimizer().optimize(new LeastSquaresBuilder()
                    .start(start).target(target).model(model::value).maxEvaluations(400).maxIterations(200)
                    .checker((iteration, previous, current) -> iteration > 1
                            && Math.abs(previous.getCost() - current.getCost()) <= 1e-6 * Math.max(1e-12, current.getCost()))
                    .build());
        } catch (org.hipparchus.exception.MathIllegalStateException e) {
            throw new CalibrationException("the fit did not converge (" + e.getMessage() + "): the data may be inconsistent with the "
                    + "model or the starting values too far off — set better starting values with --set");
        }
        double[] x = opt.getPoint().toArray();
        Pair<RealVector, RealMatrix> at = model.value(new ArrayRealVector(x));
        RealMatrix j = at.getSecond();
        // identifiability: column norms and the singular values of the column-normalised Jacobian
        RealMatrix jn = j.copy();
        for (int c = 0; c < params.size(); c++) {
            double norm = j.getColumnVector(c).getNorm();
            if (norm < 1e-9) {
                throw new CalibrationException("the data cannot determine " + params.get(c).path() + ": the modelled BER does not change with it "
                        + "over the measured points (hint: measure where it matters — e.g. longer fibres for modal bandwidth — or fix it with --set)");
            }
            jn.setColumnVector(c, j.getColumnVector(c).mapDivide(norm));
        }
        double[] sv = new SingularValueDecomposition(jn).getSingularValues();
        if (sv[sv.length - 1] < IDENTIFIABILITY * sv[0]) {
            throw new CalibrationException("the data cannot determine " + String.join(" and ", freePaths)
                    + " separately: they change the modelled BER in the same way over the measured points (hint: free fewer "
                    + "parameters, or add measurements at other lengths and rates)");
        }
        int n = data.size();
        int p = params.size();
        double rss = 0;
        List<Residual> residuals = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double modelLog = at.getFirst().getEntry(i);
            double res = target[i] - modelLog;
            rss += res * res;
            residuals.add(new Residual(data.get(i), Math.pow(10, modelLog), res));
        }
        double s2 = rss / (n - p);
        RealMatrix jtj = j.transpose().multiply(j);
        RealMatrix cov = MatrixUtils.inverse(jtj).scalarMultiply(s2);
        List<FittedParameter> fitted = new ArrayList<>();
        for (int i = 0; i < p; i++) {
            ChannelSpecs.Parameter par = params.get(i);
            double v = fromInternal(par, x[i]);
            double se = Math.sqrt(Math.max(0, cov.getEntry(i, i)));
            double seValue = logScaled(par) ? v * Math.log(10) * se : se;
            fitted.add(new FittedParameter(par.path(), par.dimension(), v, seValue, fromInternal(par, start[i])));
        }
        List<String> undetermined = new ArrayList<>();
        for (FittedParameter f : fitted) {
            boolean db = f.dimension() == Dimension.DECIBEL;
            double relative = f.standardError() / Math.abs(f.value());
            if (db ? !(f.standardError() <= MAX_DB_STANDARD_ERROR) : !(relative <= MAX_RELATIVE_STANDARD_ERROR)) {
                undetermined.add(String.format(Locale.ROOT, "%s = %s ± %s%s", f.path(), Quantities.format(f.value(), f.dimension()),
                        Quantities.format(f.standardError(), f.dimension()),
                        db ? "" : String.format(Locale.ROOT, " (%.0f %% of the value)", 100 * relative)));
            }
        }
        if (!undetermined.isEmpty()) {
            throw new CalibrationException("the data do not determine " + String.join("; ", undetermined) + ": a standard error above "
                    + (int) Math.round(100 * MAX_RELATIVE_STANDARD_ERROR) + " % of the value (" + (int) MAX_DB_STANDARD_ERROR
                    + " dB for a level in dB) means a 95 % interval from about zero to twice the value (hint: add measurements "
                    + "where the BER depends on it — other lengths or rates, BERs between 1e-9 and 1e-3 — or free fewer "
                    + "parameters and fix the rest with --set)");
        }
        return new FitResult(fitted, residuals, Math.sqrt(rss / n), opt.getIterations());
    }

    static String fittable() {
        return String.join(", ", ChannelSpecs.PARAMETERS.keySet().stream()
                .filter(k -> !k.equals("fiber.length") && !k.equals("link.channelRate") && !k.equals("link.berTarget")).toList());
    }

    static boolean logScaled(ChannelSpecs.Parameter p) {
        return p.dimension() != Dimension.DECIBEL && p.min() > 0;
    }

    static double toInternal(ChannelSpecs.Parameter p, double v) {
        return logScaled(p) ? Math.log10(v) : v;
    }

    static double fromInternal(ChannelSpecs.Parameter p, double x) {
        return logScaled(p) ? Math.pow(10, x) : x;
    }

    /** The value a parameter currently has in the document (SI). */
    static double valueOf(ChannelSpec spec, ScenarioDocument doc, ChannelSpecs.Parameter p) {
        String path = p.path();
        var node = doc.tree().at("/" + path.replace('.', '/'));
        if ((node.isMissingNode() || node.isNull()) && path.equals("fiber.modalBandwidth")) {
            // freeing the modal bandwidth overrides the modes: the fit starts from the modes' own value
            return new ChannelModel(spec).modalBandwidthLengthHzMeters();
        }
        if (node.isMissingNode() || node.isNull()) {
            throw new CalibrationException("--free " + path + " has no starting value in " + doc.source() + ": set one with --set " + path + "=...");
        }
        try {
            return Quantities.parse(node.asText(), p.dimension());
        } catch (UnitException e) {
            throw new CalibrationException(path + ": " + e.getMessage());
        }
    }

    /** log10 BER at every measured point for a parameter vector, with a central-difference Jacobian. */
    static final class Model {
        private final ScenarioDocument doc;
        private final List<ChannelSpecs.Parameter> params;
        private final List<Measurement> data;
        private final Runnable onEvaluation;

        Model(ScenarioDocument doc, List<ChannelSpecs.Parameter> params, List<Measurement> data, Runnable onEvaluation) {
            this.doc = doc;
            this.params = params;
            this.data = data;
            this.onEvaluation = onEvaluation;
        }

        double[] logBer(double[] x) {
            ScenarioDocument d = doc;
            for (int i = 0; i < x.length; i++) {
                ChannelSpecs.Parameter p = params.get(i);
                double v = Math.max(p.min(), Math.min(p.max(), fromInternal(p, x[i])));
                d = withExact(d, p, v);
            }
            ChannelSpec spec;
            try {
                spec = ChannelSpecs.bind(d);
            } catch (ScenarioException e) {
                throw new CalibrationException("a trial value left the valid range: " + e.getMessage());
            }
            double[] out = new double[data.size()];
            for (int i = 0; i < out.length; i++) {
                Measurement m = data.get(i);
                out[i] = Math.log10(Math.max(BER_FLOOR, ChannelAnalysis.nominalBer(spec.withLength(m.lengthMeters()).withRate(m.rateBitsPerSecond()))));
            }
            onEvaluation.run();
            return out;
        }

        Pair<RealVector, RealMatrix> value(RealVector point) {
            double[] x = point.toArray();
            double[] f0 = logBer(x);
            RealMatrix jac = new Array2DRowRealMatrix(f0.length, x.length);
            for (int c = 0; c < x.length; c++) {
                double h = logScaled(params.get(c)) ? 0.01 : 0.1;
                double[] xp = x.clone();
                double[] xm = x.clone();
                xp[c] += h;
                xm[c] -= h;
                double[] fp = logBer(xp);
                double[] fm = logBer(xm);
                for (int r = 0; r < f0.length; r++) {
                    jac.setEntry(r, c, (fp[r] - fm[r]) / (2 * h));
                }
            }
            return new Pair<>(new ArrayRealVector(f0), jac);
        }

        /** Writes the value with full precision in the parameter's SI unit symbol. */
        static ScenarioDocument withExact(ScenarioDocument d, ChannelSpecs.Parameter p, double v) {
            String unit = switch (p.dimension()) {
                case DIMENSIONLESS, FRACTION -> "";
                default -> " " + p.dimension().siUnit();
            };
            return d.with(p.path(), String.format(Locale.ROOT, "%.17g", v) + unit);
        }
    }
}
