package org.sinkcheck.stress;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.sinkcheck.stress.lincheck.LincheckCheck;

/**
 * How hard {@link StressRunner} tries: the jcstress preset, how the adapter property reaches jcstress's
 * forked JVMs, the Lincheck budget, and how long the whole run may take before it counts as hung.
 *
 * <p>{@link #SANITY} is the CI tier: jcstress's sanity preset in one JVM configuration ({@code -jvmArgs}
 * turns off flag auto-detection, {@code -sc false} split compilation) with 100 ms per iteration, about
 * five seconds per race here. {@link #QUICK} and {@link #TOUGH} run every JVM and compiler configuration
 * jcstress detects, the property prepended to each ({@code -jvmArgsPrepend}).
 */
public enum StressMode {
    SANITY(List.of("-m", "sanity", "-sc", "false", "-time", "100"), "-jvmArgs",
            LincheckCheck.CI_ITERATIONS, LincheckCheck.CI_INVOCATIONS, Duration.ofMinutes(15)),
    QUICK(List.of("-m", "quick"), "-jvmArgsPrepend", 30, 5_000, Duration.ofHours(2)),
    TOUGH(List.of("-m", "tough"), "-jvmArgsPrepend", 100, 20_000, Duration.ofHours(12));

    private final List<String> jcstressPreset;
    private final String propertyOption;
    private final int lincheckIterations;
    private final int lincheckInvocations;
    private final Duration timeout;

    StressMode(List<String> jcstressPreset, String propertyOption, int lincheckIterations, int lincheckInvocations, Duration timeout) {
        this.jcstressPreset = jcstressPreset;
        this.propertyOption = propertyOption;
        this.lincheckIterations = lincheckIterations;
        this.lincheckInvocations = lincheckInvocations;
        this.timeout = timeout;
    }

    /** jcstress's options for this mode, passing {@code jvmArgs} to every forked JVM. */
    List<String> jcstressOptions(String jvmArgs) {
        List<String> options = new java.util.ArrayList<>(jcstressPreset);
        options.add(propertyOption);
        options.add(jvmArgs);
        return options;
    }

    int lincheckIterations() { return lincheckIterations; }

    int lincheckInvocations() { return lincheckInvocations; }

    /** How long jcstress (and, separately, Lincheck) may run before the run is stopped and failed as hung. */
    Duration timeout() { return timeout; }

    /** Parses {@code sanity}, {@code quick} or {@code tough}; the message of the exception names the choices. */
    public static StressMode of(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown stress mode '" + name + "': use sanity, quick or tough", e);
        }
    }
}
