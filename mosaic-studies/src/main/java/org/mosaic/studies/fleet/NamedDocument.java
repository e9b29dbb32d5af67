package org.mosaic.studies.fleet;

import org.mosaic.core.scenario.ScenarioDocument;

/**
 * A document as the user named it: {@code given} is what they wrote (a preset name or a file, as the output repeats
 * it), {@code document} the document the front end read from it.
 */
public record NamedDocument(String given, ScenarioDocument document) {
    public NamedDocument {
        if (given == null || document == null) {
            throw new IllegalArgumentException("a named document needs the name the user gave and the document read from it");
        }
    }
}
