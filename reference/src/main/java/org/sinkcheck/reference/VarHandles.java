package org.sinkcheck.reference;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/** The field handles of this package's classes, each looked up once, when its class is initialized. */
final class VarHandles {
    private VarHandles() {}

    /**
     * The handle of {@code owner}'s field {@code name} of {@code type}, through {@code lookup} (the
     * caller's own, which may reach its private fields and its nestmates'). A field that is not there is
     * a bug of this package, so it fails the class's initialization rather than a later access.
     */
    static VarHandle field(MethodHandles.Lookup lookup, Class<?> owner, String name, Class<?> type) {
        try {
            return lookup.findVarHandle(owner, name, type);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
