package org.sinkcheck.gate;

import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sinkcheck.kit.AdapterLoadException;
import org.sinkcheck.kit.Adapters;
import org.sinkcheck.kit.ContextLoader;
import org.sinkcheck.kit.SinkAdapter;
import org.sinkcheck.reference.adapter.ReferenceSinkAdapter;
import picocli.CommandLine.Option;

/**
 * The options that choose the sink under test, shared by every subcommand that runs one: the adapter
 * class ({@code --sink}) and where it lives ({@code --classpath}). Every entry must exist before anything
 * runs, so a typo is reported in one line instead of as a missing class later.
 */
public final class SinkSelection {

    @Option(names = "--sink", paramLabel = "CLASS",
            description = "adapter class of the sink under test (implements org.sinkcheck.kit.SinkAdapter); default: the bundled reference sink")
    String adapterClass = ReferenceSinkAdapter.class.getName();

    @Option(names = "--classpath", paramLabel = "PATH",
            description = "jars or class folders holding the adapter and the sink, separated by ':' (';' on Windows)")
    String classpath;

    /** The adapter class name. */
    public String adapterClass() { return adapterClass; }

    /** The {@code --classpath} entries, checked to exist; empty without the option. */
    public List<Path> classpathEntries() {
        List<Path> entries = new ArrayList<>();
        if (classpath == null) return entries;
        for (String entry : classpath.split(File.pathSeparator)) {
            if (entry.isBlank()) continue;
            Path path = Path.of(entry);
            if (!Files.exists(path)) throw new GateException("--classpath entry not found: " + entry);
            entries.add(path.toAbsolutePath().normalize());
        }
        return entries;
    }

    /**
     * Loads the adapter: from {@code --classpath} (child-first is not needed: the author's classes are
     * not on the gate's own path) or from the gate's own classpath. The sink's loader is the calling
     * thread's context class loader from here until the {@link LoadedSink} is closed, so the library finds
     * its configuration through it wherever the gate runs adapter code ({@link ContextLoader}).
     */
    public LoadedSink load() {
        List<Path> entries = classpathEntries();
        URLClassLoader loader = new URLClassLoader("sinkcheck-sink", urls(entries), SinkSelection.class.getClassLoader());
        ContextLoader context = ContextLoader.set(loader);
        try {
            SinkAdapter<?, ?> adapter = Adapters.load(adapterClass, loader);
            return new LoadedSink(adapterClass, entries, adapter, loader, context);
        } catch (AdapterLoadException e) {
            context.close();
            closeQuietly(loader);
            throw new GateException(e.getMessage(), e);
        }
    }

    private static URL[] urls(List<Path> entries) {
        URL[] urls = new URL[entries.size()];
        for (int i = 0; i < urls.length; i++) {
            try {
                urls[i] = entries.get(i).toUri().toURL();
            } catch (MalformedURLException e) {
                throw new GateException("--classpath entry is not a usable path: " + entries.get(i), e);
            }
        }
        return urls;
    }

    private static void closeQuietly(URLClassLoader loader) {
        try {
            loader.close();
        } catch (IOException ignored) {
            // Nothing was loaded through it that could still need it.
        }
    }

    /**
     * The loaded adapter and the class loader that must stay open, and stay the thread's context class
     * loader, while it runs; {@link #close} restores the context class loader and closes the sink's.
     */
    public static final class LoadedSink implements AutoCloseable {
        private final String className;
        private final List<Path> classpath;
        private final SinkAdapter<?, ?> adapter;
        private final URLClassLoader loader;
        private final ContextLoader context;

        private LoadedSink(String className, List<Path> classpath, SinkAdapter<?, ?> adapter, URLClassLoader loader, ContextLoader context) {
            this.className = className;
            this.classpath = List.copyOf(classpath);
            this.adapter = adapter;
            this.loader = loader;
            this.context = context;
        }

        public String className() { return className; }

        /** The {@code --classpath} entries. */
        public List<Path> classpath() { return classpath; }

        public SinkAdapter<?, ?> adapter() { return adapter; }

        /** The loader the adapter came through: the sink's context class loader. */
        public ClassLoader loader() { return loader; }

        /** {@code --sink X [--classpath Y]}, quoted for a shell, for the reproduce line of a report. */
        public String commandLineOptions() {
            String options = "--sink '" + className + "'";
            return classpath.isEmpty() ? options : options + " --classpath '" + classpathString() + "'";
        }

        /** The {@code --classpath} entries as one string for a child JVM. */
        public String classpathString() {
            return String.join(File.pathSeparator, classpath.stream().map(Path::toString).toList());
        }

        @Override
        public void close() {
            context.close();
            closeQuietly(loader);
        }
    }
}
