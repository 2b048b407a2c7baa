package org.sinkcheck.mutants;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a mutant whose bug shows only when threads interleave: run one action at a time, as the
 * conformance kit does, it behaves exactly like {@link BaseSink}. The stress tier (jcstress, Lincheck)
 * must catch it; the kit lists it as left to that tier instead of counting it as caught or missed.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ConcurrencyOnly {
    /** The interleaving that exposes the bug, for a person reading the report. */
    String value();
}
