package org.mosaic.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import org.mosaic.studies.Study;
import org.mosaic.studies.StudyInputs;

/**
 * The studio's binding of request values to a study's input record: the shared binder ({@link StudyInputs}, the same the
 * CLI's {@code mosaic run} and the sweeps use), after the studio's own size limit on a document's text.
 */
final class Inputs {
    private Inputs() {
    }

    static boolean bindable(Study<?, ?> study) {
        return StudyInputs.bindable(study);
    }

    /** Why the studio cannot run the study (null when it can). */
    static String whyNotBindable(Study<?, ?> study) {
        return StudyInputs.whyNotBindable(study);
    }

    /** The inputs a user gives (a bindable study's own less those derived, plus those they derive from), else the declared. */
    static java.util.List<org.mosaic.studies.InputSpec> inputs(Study<?, ?> study) {
        return StudyInputs.bindable(study) ? StudyInputs.inputs(study) : study.inputs();
    }

    static ObjectNode defaults(Study<?, ?> study) {
        return StudyInputs.defaults(study);
    }

    static <I extends Record> I bind(Study<I, ?> study, JsonNode values) {
        if (values != null && values.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = values.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                checkDocumentText(e.getKey(), e.getValue());
            }
        }
        return StudyInputs.bind(study, values);
    }

    static ObjectNode document(Study<?, ?> study, String input, JsonNode value) {
        checkDocumentText(input, value);
        return StudyInputs.document(study, input, value);
    }

    /** A document sent as text ({"yaml": TEXT}) within {@link Limits#MAX_DOCUMENT_CHARS}. */
    private static void checkDocumentText(String input, JsonNode value) {
        if (value != null && value.isObject() && value.get("yaml") != null && value.get("yaml").isTextual()) {
            Limits.checkDocument(input, value.get("yaml").textValue());
        }
    }
}
