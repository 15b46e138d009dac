package io.flowpack.step;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares one step parameter on a component of the step's parameter record. This single declaration becomes
 * the Camel URI option, the REST job field, the ComfyUI node input and the reference docs.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Param {

    /** One line: what the parameter does. */
    String description();

    /** Default as text, parsed like a bound value; empty for a text parameter means "not set". */
    String defaultValue() default "";

    /** Smallest allowed value for numbers (inclusive); NaN for none. */
    double min() default Double.NaN;

    /** Largest allowed value for numbers (inclusive); NaN for none. */
    double max() default Double.NaN;

    /** Allowed values for text parameters; enum parameters take their constants automatically. */
    String[] allowed() default {};
}
