package org.mosaic.app.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One section of the HTML report (channel, later cable, datapath, fleet). A section is computed before it
 * is added to a {@link Report}; these methods only render what it holds.
 */
public interface Section {
    /** Anchor in index.html, key in results.json and value of the {@code section} column of results.csv. */
    String id();

    String title();

    /** The section's body: HTML with inline SVG charts, no external resources. */
    String html();

    /** The section's numbers, as they go into results.json (SI units, the unit in each key). */
    JsonNode json();

    /** The section's key numbers as flat rows of results.csv. */
    List<ResultRow> rows();

    /** Further data files written beside index.html (e.g. curves as CSV). */
    default List<DataFile> files() {
        return List.of();
    }

    /** One number (or text) of results.csv: what it is about, which quantity, its value and unit. */
    record ResultRow(String subject, String quantity, Object value, String unit) {
    }

    /** A file written beside the report; {@code name} is a plain file name. */
    record DataFile(String name, String content) {
    }
}
