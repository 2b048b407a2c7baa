package org.sinkcheck.kit;

import java.util.Set;
import org.sinkcheck.rules.Rule;

/**
 * What a sink under test can do or show. A rule that needs a capability the adapter does not declare
 * is reported NOT APPLICABLE with {@link #reason()}: visibly, never as a pass.
 */
public enum Capability {
    /** Without it the kit plays no progress signal; no rule depends on it alone. */
    PROGRESS("the sink has no progress signal"),
    /** Without it the kit plays no fail; complete and cancel still race for the final (SC-05). */
    FAIL("the sink cannot end a call with an error"),
    PROVIDER_TOLD("the provider cannot observe that its call was cancelled", Rule.SC12),
    /** The kit sees a lost call (SC-06) and a retained one (SC-13) only through the count. */
    RETENTION_VISIBLE("the adapter cannot count the calls the sink still references", Rule.SC06, Rule.SC13),
    HANDLE_CHECKS("the sink's API cannot present a handle to a sink that did not issue it", Rule.SC14),
    LISTENER_ERRORS("the sink does not contain and report exceptions thrown by its listener", Rule.SC15),
    CANCEL_IN_CALLBACK("the sink does not support cancel from inside a callback", Rule.SC16),
    THREAD_SAFE("the sink is not meant to be used from several threads", Rule.SC11);

    private final String reason;
    private final Set<Rule> rules;

    Capability(String reasonWhenMissing, Rule... rulesNeedingIt) {
        this.reason = reasonWhenMissing;
        this.rules = Set.of(rulesNeedingIt);
    }

    /** The rules that are NOT APPLICABLE to a sink without this capability. */
    public Set<Rule> rules() { return rules; }

    /** Why the rules needing this capability are not applicable when it is missing. */
    public String reason() { return reason; }
}
