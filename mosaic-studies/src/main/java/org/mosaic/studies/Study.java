package org.mosaic.studies;

import java.util.List;

/**
 * One question Mosaic answers, as a pure function: immutable inputs (documents already read, options with their
 * units, a seed where the answer draws random numbers) to an immutable result. Every front end (the CLI, the
 * report, the web studio, the sweep runners) asks its questions through a study and only renders the result.
 *
 * <p>The input type is a record whose components carry {@link In} (description, unit, range, default); the result
 * type is a record (or a tree of records and lists) that Jackson serialises to exactly the JSON the CLI prints, and
 * whose numbers flatten to {@link MetricRow}s. From these two types the study's {@link #inputs()} and
 * {@link #metrics()} are derived, so a form, an API page or a sweep never lists them by hand.
 *
 * <p>Bad inputs are refused with a {@link UsageException} naming the value, what was expected and a hint.
 *
 * @param <I> the input record
 * @param <R> the result
 */
public interface Study<I extends Record, R> {
    /** The study's name, as {@code mosaic studies} lists it and the CLI command that asks it ({@code cable}). */
    String name();

    /** The question it answers, one sentence. */
    String question();

    Class<I> inputType();

    Class<R> resultType();

    /** Answers the question; reports progress on long work (quiet by default). Never reads or writes files. */
    R run(I input, Progress progress);

    default R run(I input) {
        return run(input, Progress.quiet());
    }

    /** The inputs, read from the input record's {@link In} annotations. */
    default List<InputSpec> inputs() {
        return Declarations.inputs(inputType());
    }

    /** The metrics, read from the result type (units from {@link Metric} or from the name, see {@link Units}). */
    default List<MetricSpec> metrics() {
        return Declarations.metrics(resultType());
    }
}
