package org.sinkcheck.wild;

import io.reactivex.rxjava3.core.Observable;
import io.reactivex.rxjava3.core.ObservableEmitter;
import io.reactivex.rxjava3.disposables.CompositeDisposable;
import io.reactivex.rxjava3.plugins.RxJavaPlugins;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * RxJava 3's {@link CompositeDisposable} as a sink. A call is an {@code Observable.create} subscription
 * added to the composite with RxJava's own auto-releasing
 * {@code subscribe(onNext, onError, onComplete, DisposableContainer)} (a finished member leaves the
 * composite); the provider's handle is the {@link ObservableEmitter}; the listener hears its call's
 * cancellation through {@code doOnDispose}; cancel is {@link CompositeDisposable#dispose()}.
 *
 * <p>An exception a callback throws where RxJava cannot deliver it (from a dispose hook, after the end)
 * goes to RxJava's one global error handler, without the call it belongs to. By default that handler
 * prints every one; the kit throws thousands on purpose, so this adapter installs a handler that counts
 * them ({@link #globallyReportedErrors()}) unless the application has set one. Verdicts do not change:
 * either way the sink reports no error for the call.
 */
public final class RxJavaCompositeDisposableAdapter extends EmitterCompositeAdapter<CompositeDisposable> {

    private static final AtomicLong GLOBALLY_REPORTED = new AtomicLong();

    static {
        if (RxJavaPlugins.getErrorHandler() == null) RxJavaPlugins.setErrorHandler(e -> GLOBALLY_REPORTED.incrementAndGet());
    }

    /** Errors RxJava sent to its global handler (installed by this adapter) since the JVM started. */
    public static long globallyReportedErrors() { return GLOBALLY_REPORTED.get(); }

    public RxJavaCompositeDisposableAdapter() {
        super("RxJava 3 CompositeDisposable", CompositeDisposable::new, CompositeDisposable::dispose, CompositeDisposable::size);
    }

    /** An error is {@code tryOnError}: RxJava's way to signal one that may race with disposal without a global report. */
    @Override
    Emitter join(CompositeDisposable group, ProbedCall call) {
        AtomicReference<Emitter> emitter = new AtomicReference<>();
        Observable.create(source -> emitter.set(new Emitter(source::onNext, source::onComplete, source::tryOnError, source::isDisposed)))
                .doOnDispose(call::cancelled)
                .subscribe(call::object, call::failed, call::completed, group);
        return emitter.get();
    }
}
