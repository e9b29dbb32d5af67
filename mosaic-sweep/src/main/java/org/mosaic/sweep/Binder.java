package org.mosaic.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.mosaic.core.units.Dimension;
import org.mosaic.core.units.Quantities;
import org.mosaic.studies.Study;
import org.mosaic.studies.StudyInputs;
import org.mosaic.studies.StudyPoint;

/**
 * How a sweep turns a point's assignments into a study's input record: the shared {@link StudyInputs} binder (what the
 * CLI's {@code run}, the web studio and every runner use), behind an interface so that the runner's own tests can
 * drive a fixture study the registry does not know.
 */
interface Binder extends StudyPoint.Binding {
    /** The binder every sweep uses. */
    Binder STUDY_INPUTS = new Binder() {
        @Override
        public String whyNot(Study<?, ?> study) {
            return StudyInputs.whyNotBindable(study);
        }

        @Override
        public List<String> names(Study<?, ?> study) {
            return StudyInputs.names(study);
        }

        @Override
        public ObjectNode defaults(Study<?, ?> study) {
            return StudyInputs.defaults(study);
        }

        @Override
        public ObjectNode document(Study<?, ?> study, String input, JsonNode value) {
            return StudyInputs.document(study, input, value);
        }
    };

    /** Why the study cannot be bound from values; null when it can. */
    String whyNot(Study<?, ?> study);

    /** The inputs a user gives, by name. */
    List<String> names(Study<?, ?> study);

    ObjectNode defaults(Study<?, ?> study);

    ObjectNode document(Study<?, ?> study, String input, JsonNode value);

    /** The dimension whose spellings include {@code unit} (a bare number for the empty unit), or null. */
    static Dimension dimensionOf(String unit) {
        for (Dimension d : Dimension.values()) {
            if (unit.isEmpty() && d != Dimension.DIMENSIONLESS) {
                continue;
            }
            try {
                Quantities.parse("1 " + unit, d);
                return d;
            } catch (IllegalArgumentException e) {
                // not this one
            }
        }
        return null;
    }
}
