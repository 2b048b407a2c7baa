package org.sinkcheck.mutants;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** What a mutant gets wrong, in one line, and the real bug it reproduces, if any. Reports print it. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface BugPattern {
    String value();

    /** A real bug of a peer library with this pattern ({@code owner/repo#n}), or empty. */
    String seenIn() default "";
}
