package org.sinkcheck.wild;

import io.reactivex.rxjava3.core.Observable;
import io.reactivex.rxjava3.core.ObservableEmitter;
import io.reactivex.rxjava3.disposables.CompositeDisposable;
import io.reactivex.rxjava3.plugins.RxJavaPlugins;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.sinkcheck.kit.Capability;
import org.sinkcheck.kit.Events;
import org.sinkcheck.kit.SinkAdapter;

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
public final class RxJavaCompositeDisposableAdapter
        implements SinkAdapter<Group<CompositeDisposable>, RxJavaCompositeDisposableAdapter.Member> {

    private static final AtomicLong GLOBALLY_REPORTED = new AtomicLong();

    static {
        if (RxJavaPlugins.getErrorHandler() == null) RxJavaPlugins.setErrorHandler(e -> GLOBALLY_REPORTED.incrementAndGet());
    }

    /** Errors RxJava sent to its global handler (installed by this adapter) since the JVM started. */
    public static long globallyReportedErrors() { return GLOBALLY_REPORTED.get(); }

    /** One member: the provider's emitter and the listener side. */
    public record Member(ObservableEmitter<Object> emitter, ProbedCall call) {}

    @Override
    public String name() { return "RxJava 3 CompositeDisposable"; }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.FAIL, Capability.PROVIDER_TOLD, Capability.RETENTION_VISIBLE,
                Capability.LISTENER_ERRORS, Capability.CANCEL_IN_CALLBACK, Capability.THREAD_SAFE);
    }

    @Override
    public Group<CompositeDisposable> newSink(Events events) {
        return new Group<>(new CompositeDisposable(), events);
    }

    @Override
    public Member begin(Group<CompositeDisposable> sink, Object context) {
        ProbedCall call = new ProbedCall(context, sink.events());
        AtomicReference<ObservableEmitter<Object>> emitter = new AtomicReference<>();
        Observable.create(emitter::set)
                .doOnDispose(call::cancelled)
                .subscribe(call::object, call::failed, call::completed, sink.group());
        return new Member(emitter.get(), call);
    }

    @Override
    public boolean deliver(Group<CompositeDisposable> sink, Member member, Object object) {
        return member.call().accepted(() -> member.emitter().onNext(object));
    }

    @Override
    public boolean complete(Group<CompositeDisposable> sink, Member member) {
        return member.call().accepted(member.emitter()::onComplete);
    }

    /** {@code tryOnError}: RxJava's way to signal an error that may race with disposal without a global report. */
    @Override
    public boolean fail(Group<CompositeDisposable> sink, Member member, Throwable error) {
        return member.call().accepted(() -> member.emitter().tryOnError(error));
    }

    @Override
    public void cancel(Group<CompositeDisposable> sink) { sink.group().dispose(); }

    @Override
    public int pendingCalls(Group<CompositeDisposable> sink) { return sink.group().size(); }

    @Override
    public boolean providerSeesCancelled(Group<CompositeDisposable> sink, Member member) {
        return member.emitter().isDisposed();
    }
}
