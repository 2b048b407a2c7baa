package org.sinkcheck.wild;

import io.reactivex.rxjava3.core.Observable;
import io.reactivex.rxjava3.core.ObservableEmitter;
import io.reactivex.rxjava3.disposables.CompositeDisposable;
import io.reactivex.rxjava3.plugins.RxJavaPlugins;
import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.sinkcheck.kit.Capability;

/**
 * RxJava 3's {@link CompositeDisposable} as a sink. A call is an {@code Observable.create} subscription
 * added to the composite with RxJava's own auto-releasing
 * {@code subscribe(onNext, onError, onComplete, DisposableContainer)} (a finished member leaves the
 * composite); the provider's handle is the {@link ObservableEmitter}; the listener hears its call's
 * cancellation through {@code doOnDispose}; cancel is {@link CompositeDisposable#dispose()}.
 *
 * <p>Not declared: progress (RxJava has no progress signal) and handle checks (an emitter is bound to its
 * subscription by construction; no API presents a handle to a composite).
 *
 * <p>An exception a callback throws where RxJava cannot deliver it (from a dispose hook, after the end)
 * goes to RxJava's one global error handler, without the call it belongs to. By default that handler
 * prints every one; the kit throws thousands on purpose, so this adapter installs a handler that counts
 * them ({@link #globallyReportedErrors()}) unless the application has set one. Verdicts do not change:
 * either way the sink reports no error for the call.
 */
public final class RxJavaCompositeDisposableAdapter extends GroupAdapter<CompositeDisposable, ObservableEmitter<Object>> {

    private static final AtomicLong GLOBALLY_REPORTED = new AtomicLong();

    static {
        if (RxJavaPlugins.getErrorHandler() == null) RxJavaPlugins.setErrorHandler(e -> GLOBALLY_REPORTED.incrementAndGet());
    }

    /** Errors RxJava sent to its global handler (installed by this adapter) since the JVM started. */
    public static long globallyReportedErrors() { return GLOBALLY_REPORTED.get(); }

    public RxJavaCompositeDisposableAdapter() {
        super("RxJava 3 CompositeDisposable", EnumSet.of(Capability.FAIL, Capability.PROVIDER_TOLD, Capability.RETENTION_VISIBLE,
                Capability.LISTENER_ERRORS, Capability.CANCEL_IN_CALLBACK, Capability.THREAD_SAFE));
    }

    @Override
    CompositeDisposable newGroup() { return new CompositeDisposable(); }

    @Override
    ObservableEmitter<Object> join(CompositeDisposable group, ProbedCall call) {
        AtomicReference<ObservableEmitter<Object>> emitter = new AtomicReference<>();
        Observable.create(emitter::set)
                .doOnDispose(call::cancelled)
                .subscribe(call::object, call::failed, call::completed, group);
        return emitter.get();
    }

    @Override
    void emitObject(Member<ObservableEmitter<Object>> member, Object object) { member.handle().onNext(object); }

    @Override
    void emitCompleted(ObservableEmitter<Object> emitter) { emitter.onComplete(); }

    /** {@code tryOnError}: RxJava's way to signal an error that may race with disposal without a global report. */
    @Override
    void emitFailed(ObservableEmitter<Object> emitter, Throwable error) { emitter.tryOnError(error); }

    @Override
    void cancelGroup(CompositeDisposable group) { group.dispose(); }

    @Override
    boolean handleSaysCancelled(ObservableEmitter<Object> emitter) { return emitter.isDisposed(); }

    @Override
    public int pendingCalls(Group<CompositeDisposable> sink) { return sink.group().size(); }
}
