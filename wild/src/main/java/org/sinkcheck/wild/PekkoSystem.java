package org.sinkcheck.wild;

import com.typesafe.config.ConfigFactory;
import org.apache.pekko.actor.ActorSystem;

/**
 * The one Pekko actor system the kill-switch adapter's streams run on, as an application has one for its
 * lifetime: made on first use, with Pekko's configuration read the usual way ({@code ConfigFactory.load()},
 * through the thread's context class loader) under three settings of the adapter's own: daemon threads,
 * so that a JVM the kit runs in can exit when its work is done (the system lives as long as the JVM);
 * warnings only; no dead-letter log (the kit's cancelled streams leave many, on purpose).
 */
final class PekkoSystem {
    private PekkoSystem() {}

    private static final class Holder {
        static final ActorSystem SYSTEM = ActorSystem.create("sinkcheck-wild", ConfigFactory.parseString("""
                pekko.daemonic = on
                pekko.loglevel = WARNING
                pekko.stdout-loglevel = WARNING
                pekko.log-dead-letters = off
                pekko.log-dead-letters-during-shutdown = off
                """).withFallback(ConfigFactory.load()));
    }

    static ActorSystem get() { return Holder.SYSTEM; }
}
