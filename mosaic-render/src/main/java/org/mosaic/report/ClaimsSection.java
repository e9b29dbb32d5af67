package org.mosaic.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mosaic.studies.Finding;
import org.mosaic.studies.Results;
import org.mosaic.studies.claims.ClaimsStudy;
import org.mosaic.studies.claims.Verdict;

/**
 * "Claims at a glance", the report's first section: the claims audit's verdict table, and each claim's P5–P95 next to
 * its claimed figure (a chart on the claimed figure's scale), with the deciding input and its break-even. It renders the
 * claims study's result and computes nothing.
 */
public final class ClaimsSection implements Section {
    private static final double LOG_MIN = -2;   // the chart's axis: metric / claimed figure from 0.01 ...
    private static final double LOG_MAX = 2;    // ... to 100

    private final ClaimsStudy.Result result;

    public ClaimsSection(ClaimsStudy.Result result) {
        this.result = result;
    }

    @Override
    public String id() {
        return "claims";
    }

    @Override
    public String title() {
        return "Claims at a glance";
    }

    @Override
    public String html() {
        StringBuilder sb = new StringBuilder();
        sb.append("<p>Each published claim recomputed by Mosaic's studies on the shipped documents: the point value, its P5–P95 "
                + "over the plausible ranges of the inputs that matter (a Latin hypercube of ").append(result.samples())
                .append(" points, seed ").append(result.seed()).append("), the verdict, the input whose range moves the metric "
                        + "most and the value of that input at which the claim just holds (solved). docs/claims.md says how "
                        + "each is computed.</p>\n");
        List<List<String>> rows = new ArrayList<>();
        List<String> classes = new ArrayList<>();
        for (ClaimsStudy.Claim c : result.claims()) {
            rows.add(List.of(c.claim(), c.source(), c.claimed() + (c.unit().equals("1") ? "" : " " + c.unit()), num(c.value()),
                    num(c.p5()) + " – " + num(c.p95()), c.verdict(),
                    c.decidingInput() == null ? "–" : c.decidingInput() + " = " + num(c.assumed()) + " " + c.inputUnit()
                            + " in " + c.range(),
                    c.breakEven() == null ? c.breakEvenNote() : num(c.breakEven()) + " " + c.inputUnit()));
            classes.add(c.verdictKind() == Verdict.Kind.HOLDS ? null : "assumed");
        }
        sb.append(Html.table(List.of("claim", "source", "claimed", ">Mosaic", ">P5 – P95", "verdict", "deciding input (assumed, range)",
                "break-even"), rows, classes));
        sb.append(Html.figure(chart(), "Each claim's P5–P95 (bar) and point value (dot) divided by the claimed figure, on a "
                + "log scale from 0.01 to 100; the line at 1 is the claimed figure (a claimed range: its nearer end). A value at "
                + "or below zero sits at the left edge, marked ≤0."));
        String tornadoes = tornadoes();
        if (!tornadoes.isEmpty()) {
            sb.append(Html.figure(tornadoes, "What moves each claim: for each claim with ranged inputs, its metric with each of "
                    + "its top " + TOP + " inputs at the low and the high end of its range, the others at their assumed values "
                    + "(one at a time; the bar runs from the metric at one end to the metric at the other, light at the low "
                    + "end of the input, dark at the high end; the thin line is the point value). The red line is the claimed "
                    + "figure; on the deciding input's bar a mark shows where it crosses it, labelled with the break-even "
                    + "value of that input (an arrow when the claimed figure lies off the chart)."));
        }
        sb.append("<p>Metrics and what they rest on:</p>\n<ul>\n");
        for (ClaimsStudy.Claim c : result.claims()) {
            sb.append("<li><b>").append(Html.esc(c.id())).append("</b>: ").append(Html.esc(c.metric())).append(" (")
                    .append(Html.esc(c.study())).append("). ").append(Html.esc(c.note())).append("</li>\n");
        }
        return sb.append("</ul>\n").toString();
    }

    /** The interval chart: one row per claim. */
    String chart() {
        int rowH = 22;
        int left = 190;
        int width = 420;
        int right = 60;
        int top = 24;
        int h = top + rowH * result.claims().size() + 28;
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"11\">",
                left + width + right, h));
        for (int d = (int) LOG_MIN; d <= LOG_MAX; d++) {
            double x = x(Math.pow(10, d), left, width);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"%s\"/>", x, top - 6, x,
                    h - 24, d == 0 ? "#c00" : "#ddd"));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>", x, h - 10,
                    d == 0 ? "claimed" : "×" + trim(Math.pow(10, d))));
        }
        int i = 0;
        for (ClaimsStudy.Claim c : result.claims()) {
            int y = top + rowH * i++ + rowH / 2;
            String color = switch (c.verdictKind()) {
                case HOLDS -> "#2a7";
                case HOLDS_ONLY_IF -> "#d90";
                case DOES_NOT_HOLD -> "#c33";
            };
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>", left - 8, y + 4,
                    Html.esc(c.id())));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"%s\">%s</text>", left + width + 6, y + 4, color,
                    switch (c.verdictKind()) {
                        case HOLDS -> "holds";
                        case HOLDS_ONLY_IF -> "only if";
                        case DOES_NOT_HOLD -> "no";
                    }));
            double f = c.claimedFigure();
            double lo = Math.min(c.p5(), c.p95()) / f;
            double hi = Math.max(c.p5(), c.p95()) / f;
            if (f < 0) {
                double t = lo;
                lo = hi;
                hi = t;
            }
            if (f == 0 || !Double.isFinite(lo) || !Double.isFinite(hi)) {
                // a claimed figure of zero ("lower", "> 0") has no scale: the sign is the verdict
                svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s %s</text>", left + 4, y + 4,
                        c.value() > 0 ? "above zero:" : "not above zero:", Html.esc(num(c.value()) + " " + c.unit())));
                continue;
            }
            double xl = x(lo, left, width);
            double xh = x(hi, left, width);
            svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"8\" fill=\"%s\" opacity=\"0.45\"/>",
                    xl, y - 4, Math.max(2, xh - xl), color));
            double xv = x(c.value() / f, left, width);
            svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%d\" r=\"4\" fill=\"%s\"/>", xv, y, color));
            if (c.value() / f <= 0) {
                svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\">≤0</text>", xv + 6, y + 4));
            }
        }
        return svg.append("</svg>").toString();
    }

    /** Bars per claim in the tornado chart. */
    static final int TOP = 5;

    /**
     * The tornado chart: one small panel per claim that has ranged inputs, its top {@link #TOP} one-at-a-time swings on a
     * linear axis of the claim's metric, the claimed figure as a red line and the break-even marked on the deciding
     * input's bar. Empty when no claim has a swing.
     */
    String tornadoes() {
        List<ClaimsStudy.Claim> shown = result.claims().stream()
                .filter(c -> c.tornado() != null && c.tornado().stream().anyMatch(b -> b.swing() > 0)).toList();
        if (shown.isEmpty()) {
            return "";
        }
        int left = 230;
        int width = 300;
        int right = 120;
        int rowH = 16;
        int headH = 30;
        int footH = 38;
        int y0 = 0;
        StringBuilder body = new StringBuilder();
        for (ClaimsStudy.Claim c : shown) {
            List<org.mosaic.studies.uncertainty.Tornado.Bar> bars = c.tornado().stream().filter(b -> b.swing() > 0)
                    .limit(TOP).toList();
            double lo = c.value();
            double hi = c.value();
            for (var b : bars) {
                for (double v : new double[] {b.outputLow(), b.outputHigh()}) {
                    if (Double.isFinite(v)) {
                        lo = Math.min(lo, v);
                        hi = Math.max(hi, v);
                    }
                }
            }
            double claimed = c.claimedFigure();
            double span = Math.max(hi - lo, Math.abs(c.value()) * 1e-6 + 1e-300);
            // the claimed figure joins the axis when it lies within one span of the bars; otherwise an arrow points to it
            boolean claimedOn = Double.isFinite(claimed) && claimed >= lo - span && claimed <= hi + span;
            if (claimedOn) {
                lo = Math.min(lo, claimed);
                hi = Math.max(hi, claimed);
            }
            double pad = 0.04 * (hi - lo);
            double a = lo >= 0 && lo - pad < 0 ? 0 : lo - pad;   // a metric that cannot go negative keeps its axis at 0
            double z = hi + pad;
            int top = y0 + headH;
            int panelH = headH + rowH * bars.size() + footH;
            body.append(String.format(Locale.ROOT, "<text x=\"4\" y=\"%d\" font-weight=\"bold\">%s</text>", y0 + 14,
                    Html.esc(clip(c.id() + ": " + c.metric(), 100))));
            body.append(String.format(Locale.ROOT, "<text x=\"4\" y=\"%d\" fill=\"#555\">%s</text>", y0 + 26,
                    Html.esc(clip("Mosaic " + num(c.value()) + unit(c) + "; claimed " + c.claimed() + unit(c) + "; " + c.verdict(),
                            110))));
            for (int i = 0; i < bars.size(); i++) {
                var b = bars.get(i);
                int y = top + rowH * i + 3;
                double xl = tx(b.outputLow(), a, z, left, width, c.value());
                double xh = tx(b.outputHigh(), a, z, left, width, c.value());
                double xv = tx(c.value(), a, z, left, width, c.value());
                body.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>", left - 6, y + 10,
                        Html.esc(shortInput(b.input()))));
                // light half: from the point value to the metric at the input's low end; dark half: to its high end
                body.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"11\" fill=\"#9bc\"/>",
                        Math.min(xl, xv), y, Math.max(1, Math.abs(xv - xl))));
                body.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"11\" fill=\"#369\"/>",
                        Math.min(xh, xv), y, Math.max(1, Math.abs(xh - xv))));
                body.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"#555\">%s</text>", left + width + 6, y + 10,
                        Html.esc(num(b.low()) + " – " + num(b.high()))));
                if (b.input().equals(c.decidingInput()) && c.breakEven() != null && claimedOn) {
                    // the deciding input's bar crosses the claimed figure at its break-even: a mark on the bar
                    double xc = tx(claimed, a, z, left, width, c.value());
                    body.append(String.format(Locale.ROOT, "<path d=\"M%.1f %d l-4 -5 h8 z\" fill=\"#c00\"/>", xc, y));
                    body.append(String.format(Locale.ROOT, "<path d=\"M%.1f %d l-4 5 h8 z\" fill=\"#c00\"/>", xc, y + 11));
                }
            }
            int bottom = top + rowH * bars.size() + 4;
            double xv = tx(c.value(), a, z, left, width, c.value());
            body.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#222\"/>", xv, top,
                    xv, bottom));
            body.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#999\"/>", left, bottom,
                    left + width, bottom));
            body.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"start\" fill=\"#555\">%s</text>", left,
                    bottom + 12, Html.esc(num(a))));
            body.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" fill=\"#555\">%s</text>",
                    left + width, bottom + 12, Html.esc(num(z) + unit(c))));
            if (claimedOn) {
                double xc = tx(claimed, a, z, left, width, c.value());
                body.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#c00\" "
                        + "stroke-width=\"1.5\"/>", xc, top - 2, xc, bottom));
                String be = c.breakEven() == null ? "" : " — break-even " + shortInput(c.decidingInput()) + " = "
                        + num(c.breakEven()) + (c.inputUnit() == null || c.inputUnit().isEmpty() ? "" : " " + c.inputUnit());
                body.append(String.format(Locale.ROOT, "<text x=\"4\" y=\"%d\" fill=\"#c00\">%s</text>", bottom + 26,
                        Html.esc("red line: claimed " + num(claimed) + unit(c) + be)));
            } else if (Double.isFinite(claimed)) {
                boolean rightSide = claimed > hi;
                body.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"#c00\" text-anchor=\"%s\">%s</text>",
                        rightSide ? left + width : left, bottom + 24, rightSide ? "end" : "start",
                        Html.esc(rightSide ? "claimed " + num(claimed) + unit(c) + " →" : "← claimed " + num(claimed) + unit(c))));
            }
            y0 += panelH + 14;
        }
        return String.format(Locale.ROOT, "<svg id=\"claims-tornado\" xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" "
                + "height=\"%d\" font-family=\"sans-serif\" font-size=\"11\">", left + width + right, y0) + body + "</svg>";
    }

    /** The text cut to {@code n} characters with an ellipsis (a panel's heading is one line). */
    private static String clip(String text, int n) {
        return text.length() <= n ? text : text.substring(0, n - 1) + "…";
    }

    private static String unit(ClaimsStudy.Claim c) {
        return c.unit() == null || c.unit().isBlank() || c.unit().equals("1") ? "" : " " + c.unit();
    }

    /** An input's key without its document prefix's first part where it is long (cable.reliability.parts.end.x.fit). */
    /**
     * An input's key as a bar's label: without its document input's name (cable., scenario., cluster., catalog.), a catalog
     * value as "ID GENERATION KEY" (technologies.aoc-mmf.at.800G.fit.value: aoc-mmf 800G fit), a cable's per-end part as
     * "end PART KEY" (reliability.parts.end.gearboxAsic.fit: end gearboxAsic fit); what still exceeds the column keeps its
     * end.
     */
    static String shortInput(String key) {
        String k = key.replaceFirst("^(cable|scenario|cluster|catalog|system|gpu|model|campaign)\\.", "");
        if (k.startsWith("technologies.")) {
            k = k.substring("technologies.".length()).replaceFirst("\\.value$", "").replace(".common.", " ").replace(".at.", " ");
            int last = k.lastIndexOf('.');
            k = last > 0 ? k.substring(0, last) + " " + k.substring(last + 1) : k;
        }
        k = k.replace("reliability.parts.end.", "end ").replace("reliability.parts.", "");
        if (k.startsWith("end ")) {
            int last = k.lastIndexOf('.');
            k = last > 0 ? k.substring(0, last) + " " + k.substring(last + 1) : k;
        }
        return k.length() <= 38 ? k : "…" + k.substring(k.length() - 37);
    }

    /** x of a metric value on the panel's linear axis (a NaN sits at the point value). */
    private static double tx(double v, double a, double z, int left, int width, double fallback) {
        double t = Double.isFinite(v) ? v : fallback;
        return left + Math.max(0, Math.min(1, (t - a) / (z - a))) * width;
    }

    private static double x(double ratio, int left, int width) {
        double l = ratio > 0 ? Math.log10(ratio) : LOG_MIN;
        l = Math.max(LOG_MIN, Math.min(LOG_MAX, l));
        return left + (l - LOG_MIN) / (LOG_MAX - LOG_MIN) * width;
    }

    private static String trim(double v) {
        return v >= 1 ? String.valueOf((long) v) : String.valueOf(v);
    }

    @Override
    public JsonNode json() {
        return Results.tree(result);
    }

    @Override
    public List<ResultRow> rows() {
        List<ResultRow> out = new ArrayList<>();
        for (ClaimsStudy.Claim c : result.claims()) {
            out.add(new ResultRow(c.id(), "value", c.value(), c.unit()));
            out.add(new ResultRow(c.id(), "p5", c.p5(), c.unit()));
            out.add(new ResultRow(c.id(), "p95", c.p95(), c.unit()));
            out.add(new ResultRow(c.id(), "verdict", c.verdict(), ""));
            if (c.breakEven() != null) {
                out.add(new ResultRow(c.id(), "break-even of " + c.decidingInput(), c.breakEven(), c.inputUnit()));
            }
        }
        return out;
    }

    /** One finding per claim: its verdict, Mosaic's value against the claimed figure. */
    @Override
    public List<Finding> findings() {
        List<Finding> out = new ArrayList<>();
        for (ClaimsStudy.Claim c : result.claims()) {
            Finding.Verdict v = switch (c.verdictKind()) {
                case HOLDS -> Finding.Verdict.HOLDS;
                case DOES_NOT_HOLD -> Finding.Verdict.FAILS;
                case HOLDS_ONLY_IF -> Finding.Verdict.NOTE;
            };
            // a ratio's unit "1" is not printed after its number ("Mosaic 3.197", not "Mosaic 3.197 1")
            String unit = c.unit() == null || c.unit().isBlank() || c.unit().equals("1") ? "" : " " + c.unit();
            out.add(new Finding(v, String.format(Locale.ROOT, "claim \"%s\": %s (Mosaic %s%s, P5–P95 %s – %s; claimed %s)",
                    c.claim(), c.verdict(), num(c.value()), unit, num(c.p5()), num(c.p95()), c.claimed()), "claims"));
        }
        return out;
    }

    @Override
    public List<String> seeds() {
        return List.of("claims audit (Latin hypercube): " + result.seed());
    }

    static String num(Double v) {
        return v == null || !Double.isFinite(v) ? "–" : org.mosaic.studies.Output.number(v, 4);
    }
}
