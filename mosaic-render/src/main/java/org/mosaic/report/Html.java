package org.mosaic.report;

import java.util.List;

/** Small helpers for writing the report's HTML by hand (escaping, tables, figures). */
public final class Html {
    private Html() {
    }

    public static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /**
     * A table; cells are escaped text. A header starting with {@code >} right-aligns its column.
     * @param rowClasses CSS class per row (may be null, or hold nulls)
     */
    public static String table(List<String> headers, List<List<String>> rows, List<String> rowClasses) {
        // every table scrolls sideways in its own box rather than widening the page
        StringBuilder sb = new StringBuilder("<div class=\"tbl\"><table>\n<thead><tr>");
        boolean[] right = new boolean[headers.size()];
        for (int i = 0; i < headers.size(); i++) {
            String h = headers.get(i);
            right[i] = h.startsWith(">");
            sb.append(right[i] ? "<th class=\"num\">" : "<th>").append(esc(right[i] ? h.substring(1) : h)).append("</th>");
        }
        sb.append("</tr></thead>\n<tbody>\n");
        for (int r = 0; r < rows.size(); r++) {
            String cls = rowClasses == null || r >= rowClasses.size() ? null : rowClasses.get(r);
            sb.append(cls == null ? "<tr>" : "<tr class=\"" + esc(cls) + "\">");
            List<String> row = rows.get(r);
            for (int i = 0; i < row.size(); i++) {
                boolean num = i < right.length && right[i];
                sb.append(num ? "<td class=\"num\">" : "<td>").append(esc(row.get(i))).append("</td>");
            }
            sb.append("</tr>\n");
        }
        return sb.append("</tbody>\n</table></div>\n").toString();
    }

    /** A provenance value as shown: a bare number through the report's formatter ("2.4E-4" → "2.4e-4"), anything else as written. */
    static String value(String v) {
        if (v != null && v.strip().matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?")) {
            return org.mosaic.studies.Output.number(Double.parseDouble(v.strip()), 6);
        }
        return v;
    }

    /** A figure with an inline SVG chart and a caption (escaped). */
    public static String figure(String svg, String caption) {
        return "<figure>\n" + svg + "\n<figcaption>" + esc(caption) + "</figcaption>\n</figure>\n";
    }

    /** The sources of a section's numbers as a table; assumed and calibrated rows highlighted. */
    public static String provenanceTable(List<org.mosaic.core.catalog.Provenance> list) {
        List<List<String>> rows = new java.util.ArrayList<>();
        List<String> cls = new java.util.ArrayList<>();
        for (org.mosaic.core.catalog.Provenance p : list) {
            rows.add(List.of(p.path(), value(p.value()), p.confidence().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                    p.source(), p.note()));
            cls.add(p.confidence() == org.mosaic.core.catalog.Confidence.ASSUMED ? "assumed"
                    : p.confidence() == org.mosaic.core.catalog.Confidence.CALIBRATED ? "calibrated" : null);
        }
        return table(List.of("parameter", "value", "confidence", "source", "note"), rows, cls) + references(list);
    }

    /**
     * The full reference (authors, title, venue, year, link) of every bibliography key the sources and notes of
     * these numbers cite, in order of first citation; empty when they cite none. Keys: docs/sources.md.
     */
    public static String references(List<org.mosaic.core.catalog.Provenance> list) {
        java.util.LinkedHashSet<String> keys = new java.util.LinkedHashSet<>();
        for (org.mosaic.core.catalog.Provenance p : list) {
            keys.addAll(org.mosaic.core.catalog.Sources.citedKeys(p.source()));
            keys.addAll(org.mosaic.core.catalog.Sources.citedKeys(p.note()));
        }
        StringBuilder sb = new StringBuilder();
        for (String k : keys) {
            org.mosaic.core.catalog.Sources.Source s = org.mosaic.core.catalog.Sources.bibliography().get(k);
            if (s == null) {
                continue; // a user's own key: shown as written in the table
            }
            sb.append("<li id=\"src-").append(esc(k)).append("\"><b>[").append(esc(k)).append("]</b> ").append(esc(s.authors()))
                    .append(", \u201c").append(esc(s.title())).append("\u201d, ").append(esc(s.venue())).append(", ").append(s.year());
            if (!s.url().isEmpty()) {
                sb.append(". <a href=\"").append(esc(s.url())).append("\">").append(esc(s.url())).append("</a>");
            }
            sb.append(" <span class=\"note\">(").append(esc(s.kind())).append(")</span></li>\n");
        }
        return sb.length() == 0 ? "" : "<details class=\"references\"><summary>References</summary>\n<ol>\n" + sb + "</ol>\n</details>\n";
    }
}
