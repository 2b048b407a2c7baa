package org.sinkcheck.kit;

import java.lang.reflect.InvocationTargetException;

/**
 * Loads a sink adapter by class name: a {@link SinkAdapter} class with a public no-argument constructor,
 * as the {@value #PROPERTY} system property or the gate's sink option names it. Every way this can go
 * wrong ends in an {@link AdapterLoadException} whose message says what was wrong, in one line.
 */
public final class Adapters {
    /** The system property that names the adapter class of the sink under test. */
    public static final String PROPERTY = "sinkcheck.adapter";

    private Adapters() {}

    /**
     * Loads and instantiates {@code className} from {@code loader}, with {@code loader} as the thread's
     * context class loader meanwhile ({@link ContextLoader}): static initializers and constructors that
     * read a library's configuration through it find the adapter's resources.
     */
    public static SinkAdapter<?, ?> load(String className, ClassLoader loader) throws AdapterLoadException {
        try (ContextLoader ignored = ContextLoader.set(loader)) {
            return instantiate(className, loader);
        }
    }

    private static SinkAdapter<?, ?> instantiate(String className, ClassLoader loader) throws AdapterLoadException {
        Class<?> type;
        try {
            type = Class.forName(className, true, loader);
        } catch (ClassNotFoundException e) {
            throw new AdapterLoadException("adapter class not found: " + className + " (is its jar or folder on --classpath?)", e);
        } catch (LinkageError e) {
            throw new AdapterLoadException("adapter class " + className + " cannot be loaded: " + oneLine(e), e);
        }
        if (!SinkAdapter.class.isAssignableFrom(type)) {
            throw new AdapterLoadException(className + " is not a sink adapter: it does not implement " + SinkAdapter.class.getName(), null);
        }
        try {
            return (SinkAdapter<?, ?>) type.getConstructor().newInstance();
        } catch (NoSuchMethodException e) {
            throw new AdapterLoadException("adapter " + className + " has no public no-argument constructor", e);
        } catch (InvocationTargetException e) {
            throw new AdapterLoadException("adapter " + className + " threw while being constructed: " + oneLine(e.getCause()), e.getCause());
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            throw new AdapterLoadException("adapter " + className + " cannot be instantiated: " + oneLine(e), e);
        }
    }

    /** {@link SinkAdapter#name()}'s default: the simple name of {@code type}, or of the class a nested {@code Adapter} or an anonymous class is in. */
    static String defaultName(Class<?> type) {
        Class<?> named = type;
        while ((named.isAnonymousClass() || named.getSimpleName().equals("Adapter")) && named.getEnclosingClass() != null) {
            named = named.getEnclosingClass();
        }
        return named.getSimpleName();
    }

    /** {@code Type: message} on one line. */
    public static String oneLine(Throwable t) {
        String message = t.getMessage() == null ? "" : ": " + t.getMessage().replaceAll("\\s+", " ").trim();
        return t.getClass().getSimpleName() + message;
    }
}
