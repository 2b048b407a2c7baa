package org.sinkcheck.kit.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Waives MUST rules, by id, that the sink under test does not promise: on a {@link SinkVerification}
 * class, {@code @Waive("SC-11")} turns SC-11's NOT PROMISED (a failing test) into WAIVED (a skipped test
 * whose message names this class), and the kit's table lists it. Only a rule whose promise the adapter does
 * not declare can be waived; any other id fails every test of the class with a one-line message.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Waive {
    /** The rule ids, {@code "SC-11"}. */
    String[] value();
}
