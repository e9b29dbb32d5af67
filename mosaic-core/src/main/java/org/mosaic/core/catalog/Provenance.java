package org.mosaic.core.catalog;

/** Where one default number comes from: the scenario path it sets, its value as written, and why. */
public record Provenance(String path, String value, Confidence confidence, String source, String note) {
}
