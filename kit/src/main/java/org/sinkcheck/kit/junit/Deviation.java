package org.sinkcheck.kit.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares, on a {@link SinkVerification} class, a rule the sink breaks by design, with the reason:
 * {@code @Deviation(rule = "SC-08", reason = "dispose() is terminal: a disposed composite stays disposed")}.
 * The rule's test still fails when the kit sees it broken — its message says the deviation was declared
 * and why — but the kit no longer stops a path or walk at that rule's difference: it explores past it
 * (see {@code org.sinkcheck.kit.run.Deviations}), so the other rules are checked on the rest of the state graph.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(Deviation.List.class)
public @interface Deviation {
    /** The rule id, {@code "SC-08"}. */
    String rule();

    /** Why the sink breaks it by design, in one line. */
    String reason();

    /** The container of repeated {@link Deviation}s. */
    @Documented
    @Inherited
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @interface List {
        Deviation[] value();
    }
}
