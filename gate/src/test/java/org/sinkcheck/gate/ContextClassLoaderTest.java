package org.sinkcheck.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.sinkcheck.gate.fixtures.ConfiguredThroughTheContextLoaderAdapter;
import org.sinkcheck.kit.Events;
import org.sinkcheck.kit.SinkAdapter;

/**
 * A library that reads its configuration through the thread's context class loader (Pekko's
 * {@code ConfigFactory.load()}) finds the resources of the {@code --classpath} it came from: the sink's
 * loader is the context class loader while the adapter is built and while it runs, and the gate's own is
 * back once the sink is closed. Without it the adapter's constructor throws, and the gate exits 2 with
 * "threw while being constructed".
 */
class ContextClassLoaderTest {
    private static final String ADAPTER = ConfiguredThroughTheContextLoaderAdapter.class.getName();

    @Test
    void theSinksLoaderIsTheContextClassLoaderWhileItsAdapterRuns_andTheGatesIsBackAfter(@TempDir Path dir) throws Exception {
        Path folder = libraryConfiguration(dir);
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        SinkSelection selection = new SinkSelection();
        selection.adapterClass = ADAPTER;
        selection.classpath = folder.toString();
        try (SinkSelection.LoadedSink sink = selection.load()) {
            assertSame(sink.loader(), Thread.currentThread().getContextClassLoader());
            assertNotNull(newSink(sink.adapter()), "the library read its configuration again for a sink");
        }
        assertSame(before, Thread.currentThread().getContextClassLoader());
    }

    @Test
    @Timeout(120)
    void theGateRunsSuchASinkFromItsClasspath(@TempDir Path dir) throws Exception {
        Cli soak = Cli.run("soak", "--seconds", "1", "--threads", "2", "--sink", ADAPTER, "--classpath", libraryConfiguration(dir).toString());
        assertEquals(Sinkcheck.OK, soak.exitCode(), soak::toString);
        assertTrue(soak.out().contains("violations 0"), soak::toString);
    }

    private static Path libraryConfiguration(Path dir) throws Exception {
        Files.writeString(dir.resolve(ConfiguredThroughTheContextLoaderAdapter.RESOURCE), "configured = true\n");
        return dir;
    }

    /** A sink of {@code adapter} whose listener ignores every callback. */
    @SuppressWarnings("unchecked")
    private static Object newSink(SinkAdapter<?, ?> adapter) {
        Events ignoring = (Events) Proxy.newProxyInstance(Events.class.getClassLoader(), new Class<?>[] {Events.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "ignoring events";
                    default -> null;
                });
        return ((SinkAdapter<Object, Object>) adapter).newSink(ignoring);
    }
}
