package org.mosaic.studies;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Declares one input of a {@link Study} on a component of its input record. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface In {
    /** What the input is, one sentence. */
    String value();

    /** Its unit (SI symbol, {@code "1"} for a plain number); empty for text, choices, flags and documents. */
    String unit() default "";

    /** The accepted values: {@code "1..100000"}, {@code "kp4|kr4"}, {@code "> 0"}; empty when any value goes. */
    String range() default "";

    /** The value used when it is not given, as the user would write it; empty when it must be given or has none. */
    String defaultValue() default "";

    /** The document kind when the input is a document ({@code cable}, {@code cluster}, ...). */
    String document() default "";
}
