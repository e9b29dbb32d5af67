package org.mosaic.studies;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Describes a number of a study's result on its record component (or accessor), where its name alone does not say
 * its unit ({@code perEndWatts} needs nothing; {@code linkFit} says {@code unit = "FIT"}). On a component that holds a
 * record, a list or a map, it describes every number beneath it that has no {@code Metric} of its own and whose name
 * gives no unit ({@code @Metric(unit = "GPU·h/d") Interval lostGpuHoursPerDay} makes its mean and bounds GPU·h/d).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.METHOD})
public @interface Metric {
    /** The unit (SI symbol, {@code "1"} for a plain number or a ratio). */
    String unit() default "";

    /** What it is, one sentence. */
    String value() default "";
}
