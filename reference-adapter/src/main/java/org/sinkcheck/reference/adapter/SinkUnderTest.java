package org.sinkcheck.reference.adapter;

import org.sinkcheck.kit.AdapterLoadException;
import org.sinkcheck.kit.Adapters;
import org.sinkcheck.kit.SinkAdapter;

/**
 * The sink the tiers beyond the kit run against when no one names another: the adapter class named by
 * the system property {@value Adapters#PROPERTY}, by default the reference sink's, loaded once per JVM
 * through {@link Adapters#load}. jcstress runs each race in forked JVMs, so the stress runner passes the
 * property to them; a JVM that cannot load the adapter fails with the loader's one-line message.
 */
public final class SinkUnderTest {
    private SinkUnderTest() {}

    /** The adapter of the sink under test, typed loosely: the tiers never look inside sinks or handles. */
    public static SinkAdapter<Object, Object> adapter() { return Loaded.ADAPTER; }

    /** The adapter class the property names, or the reference sink's. */
    public static String adapterClassName() {
        String name = System.getProperty(Adapters.PROPERTY);
        return name == null || name.isBlank() ? ReferenceSinkAdapter.class.getName() : name.trim();
    }

    /** Loaded on first use, so that reading {@link #adapterClassName()} never loads a sink. */
    private static final class Loaded {
        static final SinkAdapter<Object, Object> ADAPTER = load();

        @SuppressWarnings("unchecked")
        private static SinkAdapter<Object, Object> load() {
            try {
                return (SinkAdapter<Object, Object>) Adapters.load(adapterClassName(), SinkUnderTest.class.getClassLoader());
            } catch (AdapterLoadException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }
    }
}
