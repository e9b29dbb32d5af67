package org.mosaic.studies;

import java.util.List;

/**
 * What a study declares: its name, its question, its inputs and its metrics ({@code mosaic studies NAME}, the API's
 * documentation, a web form, a sweep's axes).
 *
 * @param name     the study's name
 * @param question the question it answers
 * @param inputs   its inputs, in the input record's order
 * @param metrics  the numbers of its result, by JSON path
 */
public record StudyDeclaration(String name, String question, List<InputSpec> inputs, List<MetricSpec> metrics) {

    public StudyDeclaration {
        inputs = List.copyOf(inputs);
        metrics = List.copyOf(metrics);
    }

    /** The study's declaration, read from its types. */
    public static StudyDeclaration of(Study<?, ?> study) {
        return new StudyDeclaration(study.name(), study.question(), study.inputs(), study.metrics());
    }

    /** One line of the list of studies. */
    public record Summary(String name, String question) {
        public static Summary of(Study<?, ?> study) {
            return new Summary(study.name(), study.question());
        }
    }
}
