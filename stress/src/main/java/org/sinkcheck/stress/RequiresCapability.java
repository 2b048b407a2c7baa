package org.sinkcheck.stress;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.sinkcheck.kit.Capability;

/**
 * The capabilities a race needs beyond {@link Capability#THREAD_SAFE} (which every race needs).
 * {@link StressRunner} leaves out a race whose sink lacks one and reports it NOT APPLICABLE with the
 * capability's reason, never as a pass.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RequiresCapability {
    Capability[] value();
}
