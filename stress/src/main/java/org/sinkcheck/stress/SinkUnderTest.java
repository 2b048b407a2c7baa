package org.sinkcheck.stress;

import org.sinkcheck.kit.AdapterLoadException;
import org.sinkcheck.kit.Adapters;
import org.sinkcheck.kit.SinkAdapter;
import org.sinkcheck.kit.reference.ReferenceSinkAdapter;

/**
 * The sink every race and every Lincheck scenario runs against: the adapter class named by the system
 * property {@value Adapters#PROPERTY} (default: the reference sink's adapter), loaded once per JVM
 * through {@link Adapters#load}. jcstress runs each test in forked JVMs, so {@link StressRunner}
 * passes the property to them with {@code -jvmArgsPrepend}; a forked JVM that cannot load the adapter
 * fails its tests with the loader's one-line message.
 */
public final class SinkUnderTest {
    private static final SinkAdapter<Object, Object> ADAPTER = load();

    private SinkUnderTest() {}

    /** The adapter of the sink under test, typed loosely: the races never look inside sinks or handles. */
    public static SinkAdapter<Object, Object> adapter() { return ADAPTER; }

    /** The adapter class the property names, or the reference sink's. */
    public static String adapterClassName() {
        String name = System.getProperty(Adapters.PROPERTY);
        return name == null || name.isBlank() ? ReferenceSinkAdapter.class.getName() : name.trim();
    }

    @SuppressWarnings("unchecked")
    private static SinkAdapter<Object, Object> load() {
        try {
            return (SinkAdapter<Object, Object>) Adapters.load(adapterClassName(), SinkUnderTest.class.getClassLoader());
        } catch (AdapterLoadException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
