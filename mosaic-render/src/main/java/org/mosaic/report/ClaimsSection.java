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
