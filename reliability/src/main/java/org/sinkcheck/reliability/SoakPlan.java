package org.sinkcheck.reliability;

import java.util.Random;
import java.util.Set;
import org.sinkcheck.kit.Capability;

/**
 * What one soak call's provider and listener will do, drawn when the call begins: how many objects or
 * progress reports the provider sends, whether it then completes, fails or never finishes (an endless
 * subscription, ended only by cancel), and how the listener behaves.
 *
 * @param endless  the provider never finishes the call
 * @param signals  object/progress signals the provider sends (an endless provider then falls silent)
 * @param fails    the provider ends the call with {@code fail} rather than {@code complete}
 * @param listener what the listener does in this call's callbacks
 */
record SoakPlan(boolean endless, int signals, boolean fails, ListenerPlan listener) {
    /** The most object/progress signals any call sends. */
    static final int MAX_SIGNALS = 6;

    /**
     * A random plan using only what {@code capabilities} allow; {@code recorded}: the run is traced, and
     * CancelAll.tla models no throw from a progress callback, so that plan throws from an object instead.
     */
    static SoakPlan random(Random random, Set<Capability> capabilities, boolean recorded) {
        boolean endless = random.nextInt(100) < 15;
        int signals = endless ? 1 + random.nextInt(MAX_SIGNALS) : random.nextInt(5);
        boolean fails = capabilities.contains(Capability.FAIL) && random.nextInt(100) < 30;
        ListenerPlan listener = randomListener(random, capabilities);
        if (recorded && listener == ListenerPlan.THROW_IN_PROGRESS) listener = ListenerPlan.THROW_IN_OBJECT;
        return new SoakPlan(endless, signals, fails, listener);
    }

    private static ListenerPlan randomListener(Random random, Set<Capability> capabilities) {
        int roll = random.nextInt(100);
        if (roll < 12 && capabilities.contains(Capability.LISTENER_ERRORS)) {
            return new ListenerPlan[] {ListenerPlan.THROW_IN_OBJECT, ListenerPlan.THROW_IN_PROGRESS, ListenerPlan.THROW_IN_FINAL}[roll % 3];
        }
        if (roll >= 12 && roll < 18 && capabilities.contains(Capability.CANCEL_IN_CALLBACK)) {
            return new ListenerPlan[] {ListenerPlan.CANCEL_IN_OBJECT, ListenerPlan.CANCEL_IN_PROGRESS, ListenerPlan.CANCEL_IN_FINAL}[roll % 3];
        }
        return roll >= 88 ? ListenerPlan.SLOW : ListenerPlan.PLAIN;
    }
}
