package org.sinkcheck.reference;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.sinkcheck.sink.Acceptance;
import org.sinkcheck.sink.CallHandle;
import org.sinkcheck.sink.Sink;
import org.sinkcheck.sink.SinkListener;

/**
 * The lock-free reference sink: {@code begin}, {@code deliver}, {@code progress}, {@code complete},
 * {@code fail} and {@code cancel} take no lock, never wait for another thread, and run no listener
 * while holding anything another thread needs. It obeys every rule of RULES.md:
 * <ul>
 *   <li>{@link #cancel()} ends every call pending at its linearization point (SC-01), touches no
 *       other sink (SC-02; sinks share no state), may be repeated, and is a no-op on an idle sink (SC-07);
 *       it never blocks (SC-11) and may be called from inside any callback (SC-16);</li>
 *   <li>every call gets exactly one final, last (SC-03); exactly one of complete / fail / cancel wins
 *       (SC-05); no object or progress callback starts once a call is cancelled (SC-04);</li>
 *   <li>a call begun concurrently with cancel is cancelled by it or fully live (SC-06); calls begun
 *       after a cancel are live (SC-08); the callbacks of one call never overlap (SC-09);</li>
 *   <li>the provider sees {@link CallHandle#isCancelled()} (SC-12); a finished call is unlinked at once
 *       (SC-13); foreign, forged and stale handles are refused (SC-14); a throwing listener is
 *       reported and cancels its own call only (SC-15).</li>
 * </ul>
 *
 * <p>How it works is in the implementation notes inside the class.
 *
 * @param <C> the caller's context type
 */
public final class ReferenceSink<C> implements Sink<C> {

    /*
     * Implementation notes.
     *
     * Registry generations. The sink's only mutable field is current, the Registry generation that
     * new calls are published into. cancel() closes it with one CAS of the generation's closed flag:
     * that CAS is cancel's linearization point (TLA+ CancelClose). Every call of the closed generation
     * that has no final yet is, from that instant, cancelled — even before cancel's sweep reaches it,
     * because every later step of any thread on that call first reads its generation's flag and, if it
     * is set, ends the call as cancelled. The sweep then drains the closed generation (dropping its
     * slots) and ends each call with one CAS, delivering onCancelled on the cancelling thread. The first
     * begin after a cancel makes the next generation and installs it into current by CAS, so a cancel
     * allocates nothing; a cancel that finds current closed, and on a re-read still the same, has
     * nothing open to cancel (TLA+: it closes the empty successor, which the Java never makes).
     *
     * Per-call state machine (Call.state, one int):
     *   IDLE ──claim (CAS)──▶ BUSY ──release (CAS)──▶ IDLE
     *     │                     │ └─ cancel's sweep (CAS) ─▶ BUSY_CANCEL
     *     │ cancel's sweep,      │                            │
     *     │ begin's re-check     ▼ the holder decides          ▼ the holder ends it
     *     └───(CAS)──────▶ COMPLETED | FAILED | CANCELLED ◀────┘
     * BUSY means one thread holds the call's token: it is running a callback of the call or
     * deciding its final. Only the holder leaves BUSY or BUSY_CANCEL; other threads only CAS IDLE away or
     * mark BUSY as BUSY_CANCEL ("cancel requested while in a callback"). The thread that moves a call into
     * a final state is the only one that unlinks it and sends its final callback. Hence:
     *  - exactly one thread decides each call's final (SC-03, SC-05);
     *  - callbacks of one call run only under its token, so they never overlap (SC-09);
     *  - a callback that started before cancel's linearization point is the only one that may still run
     *    after it, and its holder then sends onCancelled on the same thread (SC-04 in flight).
     *    Likewise a thread that is inside begin, or inside a signal that took the token but has
     *    not yet re-read its generation's flag, sends the call's onCancelled itself before its method
     *    returns, running no other callback of the call first; every other call the cancel ended has
     *    had its onCancelled when cancel() returns (TLA+ SC04_InFlight).
     *
     * Linearization points. cancel: the CAS that closes the current generation, or, finding it closed,
     * its re-read of current that finds the same closed generation (no generation is open then). begin:
     * its read of an open generation's flag (the call is bound to that generation; current only ever
     * moves off a closed one, so an open one read is still current). A signal or a complete/fail: its
     * read of the generation's flag after it claimed the token — if the generation is still open, the signal or final
     * takes effect there (a cancel's later request is then overruled by a decided final, or followed by
     * onCancelled after a signal); if closed, the call was already cancelled and the attempt is
     * refused with Acceptance#CALL_FINISHED. A begin whose generation was closed before its
     * re-check ends its own call: either the sweep saw it and cancelled it, or the begin's CAS does
     * (SC-06) — the two are a Dekker pair (begin: publish, then re-read the flag; cancel: set the
     * flag, then read the slots), so at least one of them sees the other.
     *
     * Memory ordering, field by field.
     *  - current: volatile; replaced by CAS, only by a begin and only once it is closed.
     *    Registry.closed: volatile, set by CAS. Every check of the flag is a volatile read that follows
     *    a volatile write of the same thread (slot publish, token CAS); the Dekker pairs above need both
     *    in the synchronization order, which acquire/release alone does not give.
     *  - Call.state: leaving IDLE, and any change by a thread that does not hold the token, is a
     *    CAS, because two threads may race for it. The holder's writes into a final are release stores:
     *    no one else can move a held call, a sweep's CAS that loses to them is harmless, and no Dekker
     *    pair involves them. Reads for isCancelled/isFinished are acquire loads.
     *  - Call.chunk, context: final fields, and the slot bits of Call.state,
     *    written in the constructor and never changed; all safely published to the sweep by the slot's
     *    CAS and to the provider by begin's return. The call reaches its generation through
     *    chunk.generation and its sink through generation.owner, final fields.
     *  - Registry slots: see Registry.
     * Each atomic step below carries the tag of the TLA+ action that models it (the comment "CancelAllAlgo!"
     * and the action's name),
     * and spec/tla/CancelAllAlgo.tla cites the methods back by name; CodeNamesSpecTest keeps both true.
     *
     * Step log. Each "if (StepLog.ON) StepLog.step(...)" records, on the thread's own buffer, the
     * CancelAllAlgo action just performed with the value it read or the CAS's outcome, for trace
     * validation against CancelAllAlgo.tla (spec/tla/trace/CancelAllAlgoTrace.tla maps each to its action).
     * A step is logged after the memory access it names, never atomically with it: the log claims only
     * each thread's program order. ON is a static final false unless the JVM asks for the log, so the
     * JIT removes every hook (StepLog's notes).
     *
     * Progress. No method waits for another thread's state: the only loops are CAS retries that
     * fail only because another thread made progress (lock-free), and a thread in a listener never holds
     * anything another operation waits on.
     */

    private static final int IDLE = 0;
    private static final int BUSY = 1;
    private static final int BUSY_CANCEL = 2;
    private static final int COMPLETED = 3;
    private static final int FAILED = 4;
    private static final int CANCELLED = 5;
    /** The low bits of {@code Call.state} hold the phase above; the bits above them the call's slot. */
    private static final int PHASE_BITS = 3;
    private static final int PHASE = (1 << PHASE_BITS) - 1;
    /** Makes a call for the slot it will occupy: static, so a begin allocates only the call. */
    private static final Registry.Factory<Call<?>> CALLS = Call::new;

    private static final VarHandle CURRENT = VarHandles.field(MethodHandles.lookup(), ReferenceSink.class, "current", Registry.class);
    private static final VarHandle STATE = VarHandles.field(MethodHandles.lookup(), Call.class, "state", int.class);

    private final SinkListener<C> listener;
    private final BiConsumer<? super C, ? super Throwable> listenerErrors;
    private final int maxChunksPerStripe;
    /** Cancel's visitor, made once: a cancel allocates nothing after its linearization point. */
    private final Consumer<Call<C>> sweeper = this::sweep;
    /** The newest generation: open, or closed by a cancel and not yet replaced by a begin. */
    private volatile Registry<Call<C>> current;

    /**
     * @param listener       receives every callback
     * @param listenerErrors receives each exception the listener throws, with the call's context
     *                       (SC-15); it should not throw itself (if it does, that exception is dropped
     *                       so that no sweep stops)
     */
    public ReferenceSink(SinkListener<C> listener, BiConsumer<? super C, ? super Throwable> listenerErrors) {
        this(listener, listenerErrors, Registry.MAX_CHUNKS_PER_STRIPE);
    }

    /** With a smaller capacity per registry stripe ({@code maxChunksPerStripe} × 256 slots): for tests of a full stripe. */
    ReferenceSink(SinkListener<C> listener, BiConsumer<? super C, ? super Throwable> listenerErrors, int maxChunksPerStripe) {
        this.listener = Objects.requireNonNull(listener, "listener");
        this.listenerErrors = Objects.requireNonNull(listenerErrors, "listenerErrors");
        this.maxChunksPerStripe = maxChunksPerStripe;
        this.current = newGeneration(null);
    }

    /**
     * A fresh generation after {@code closed} (null for the first): it links to {@code closed} while that
     * one's drain is not known to be finished, or links further back, so that a drain an Error
     * interrupted stays reachable from the sink until a later cancel finishes it.
     */
    @SuppressWarnings("unchecked")
    private Registry<Call<C>> newGeneration(Registry<Call<C>> closed) {
        Registry<Call<C>> link = closed == null || (closed.drained() && closed.predecessor == null) ? null : closed;
        return new Registry<>(this, (Registry.Factory<Call<C>>) (Registry.Factory<?>) CALLS, maxChunksPerStripe, link);
    }

    /**
     * One call: its handle, its chunk of registry slots (which knows the generation, which knows the
     * sink), its context, and one state word that holds the call's phase and, above it, its slot in the
     * chunk (the slot never changes). Three reference-sized fields: 24 bytes with compressed oops, the
     * size of a peer's disposable.
     */
    private static final class Call<C> implements CallHandle {
        final Chunk chunk;
        final C context;
        @SuppressWarnings("unused") // accessed through STATE
        volatile int state;

        @SuppressWarnings("unchecked")
        Call(Chunk chunk, int slot, Object context) {
            this.chunk = chunk;
            this.context = (C) context;
            STATE.set(this, slot << PHASE_BITS | IDLE); // published with the call by the slot's CAS / begin's return
        }

        int slot() {
            return (int) STATE.getOpaque(this) >>> PHASE_BITS;
        }

        /** The phase: IDLE, BUSY, BUSY_CANCEL or a final. */
        int state() {
            return (int) STATE.getAcquire(this) & PHASE;
        }

        boolean cas(int expected, int next) {
            int slotBits = (int) STATE.getOpaque(this) & ~PHASE;
            return STATE.compareAndSet(this, slotBits | expected, slotBits | next);
        }

        /** The holder's write of a final: nobody else can move a held call. */
        void setFinal(int fin) {
            STATE.setRelease(this, (int) STATE.getOpaque(this) & ~PHASE | fin);
        }

        /** Whether the generation this call was begun into is closed, i.e. a cancel closed it. */
        boolean generationClosed() {
            return chunk.generation.isClosed();
        }

        /**
         * {@inheritDoc} True once the call's final is "cancelled", and already from cancel's
         * linearization point on while nobody holds the call; while a signal of this call is being
         * handled it becomes true when that signal returns (SC-12).
         */
        @Override
        public boolean isCancelled() {
            boolean closed = generationClosed(); // read before the state: IDLE after a close is cancelled
            int s = state();
            return s == CANCELLED || (s == IDLE && closed);
        }

        @Override
        public boolean isFinished() {
            boolean closed = generationClosed();
            int s = state();
            return s >= COMPLETED || (s == IDLE && closed);
        }
    }

    /**
     * Begins a call bound to this sink; live even after earlier cancels (SC-08). If a concurrent
     * {@link #cancel()} closed the generation the call was published into, the call is cancelled by it
     * or by this method, which then delivers its {@code onCancelled} before returning (SC-06).
     */
    @Override
    public CallHandle begin(C context) {
        Registry<Call<C>> generation = openGeneration();            // CancelAllAlgo!BeginRead (LP)
        Call<C> call = generation.claim(context);                   // CancelAllAlgo!BeginPublish
        if (StepLog.ON) {
            StepLog.step("BeginRead", this, call, 0, null);
            StepLog.step("BeginPublish", null, call, 0, null);
        }
        boolean closed = generation.isClosed();                     // CancelAllAlgo!BeginRecheck
        if (StepLog.ON) StepLog.step("BeginRecheck", null, call, 0, closed ? "closed" : "open");
        if (closed) {
            boolean won = call.cas(IDLE, CANCELLED);                // CancelAllAlgo!BeginSelfCancel
            if (StepLog.ON) StepLog.step("BeginSelfCancel", null, call, 0, won ? "won" : "lost");
            if (won) end(call, CANCELLED, null);
        }
        return call;
    }

    /**
     * The open generation, which begin binds its call to: {@code current}, unless a cancel closed it;
     * then this begin makes the next one (the first begin after a cancel does, so that cancel allocates
     * nothing) and installs it by CAS, or takes the one another begin installed. The read of an open
     * {@code current}'s flag is begin's linearization point.
     */
    private Registry<Call<C>> openGeneration() {
        for (;;) {
            Registry<Call<C>> generation = current;
            if (!generation.isClosed()) return generation;
            CURRENT.compareAndSet(this, generation, newGeneration(generation));
        }
    }

    /** Delivers an object unless the call is finished (SC-04) or busy (SC-09); foreign handles: SC-14. */
    @Override
    public Acceptance deliver(CallHandle handle, Object object) {
        return signal(handle, true, object, 0, 0, null);
    }

    /** Reports progress unless the call is finished (SC-04) or busy (SC-09); foreign handles: SC-14. */
    @Override
    public Acceptance progress(CallHandle handle, int done, int upperBound, String message) {
        return signal(handle, false, null, done, upperBound, message);
    }

    /** An object or a progress report: one method, because the state protocol is the same. */
    private Acceptance signal(CallHandle handle, boolean isObject, Object object, int done, int upperBound,
                              String message) {
        Call<C> call = own(handle);
        if (call == null) return Acceptance.NOT_THIS_SINK;
        Acceptance refused = claim(call);                            // CancelAllAlgo!SignalClaim
        if (refused != null) return refused;
        if (StepLog.ON) StepLog.step("SignalClaim", null, call, 1, null);
        if (call.generationClosed()) {                               // CancelAllAlgo!SignalCheckClosed (LP)
            if (StepLog.ON) StepLog.step("SignalCheck", null, call, 0, "closed");
            endHeld(call, CANCELLED, null);                          // cancelled at the close, refused now
            return Acceptance.CALL_FINISHED;
        }
        if (StepLog.ON) StepLog.step("SignalCheck", null, call, 0, "open");
        try { // the check found it open: CancelAllAlgo!SignalCheckOpen, or CancelAllAlgo!SignalCheckThrow
            if (isObject) listener.onObject(call.context, object);
            else listener.onProgress(call.context, done, upperBound, message);
        } catch (Throwable thrown) {                                 // CancelAllAlgo!SignalThrow
            if (StepLog.ON) stepThrew(call);
            listenerThrew(call, thrown);
            return Acceptance.ACCEPTED;
        }
        release(call);                                               // CancelAllAlgo!SignalReturn
        return Acceptance.ACCEPTED;
    }

    /**
     * Delivers the objects as one batch under one claim of the call's token (the two CAS of a delivery
     * paid once per batch), re-reading {@code current} before each object: a cancel that closed the
     * generation before an object's callback would start ends the batch there and the call as
     * cancelled (SC-04); a listener that throws ends both (SC-15); a cancel from inside a callback
     * (SC-16) is seen by the next re-check, or by the release after the last object. The answer is
     * {@link Sink#deliverAll}'s. The list's size is read once, before the claim; a list that is not
     * {@link RandomAccess} is copied first; a list that throws while it is read ends the batch and the
     * exception propagates, with the token given back (the objects before it were delivered).
     */
    @Override
    public Acceptance deliverAll(CallHandle handle, List<?> objects) {
        if (objects == null) throw new NullPointerException("deliverAll: the list of objects is null");
        Call<C> call = own(handle);
        if (call == null) return Acceptance.NOT_THIS_SINK;
        List<?> batch = objects instanceof RandomAccess ? objects : new ArrayList<>(objects);
        int last = batch.size() - 1;
        if (last < 0) return call.isFinished() ? Acceptance.CALL_FINISHED : Acceptance.ACCEPTED;
        Object object = batch.get(0);                                // before the claim: a throw leaves nothing to undo
        Acceptance refused = claim(call);                            // CancelAllAlgo!SignalClaim (a batch of last + 1)
        if (refused != null) return refused;
        if (StepLog.ON) StepLog.step("SignalClaim", null, call, last + 1, null);
        Registry<?> generation = call.chunk.generation;
        for (int i = 0; ; ) {
            if (generation.isClosed()) {                             // CancelAllAlgo!SignalCheckClosed (LP of this object)
                if (StepLog.ON) StepLog.step("SignalCheck", null, call, 0, "closed");
                endHeld(call, CANCELLED, null);
                return Acceptance.CALL_FINISHED;
            }
            if (StepLog.ON) StepLog.step("SignalCheck", null, call, 0, "open");
            try { // open: CancelAllAlgo!SignalCheckOpen, or CancelAllAlgo!SignalCheckThrow
                listener.onObject(call.context, object);
            } catch (Throwable thrown) {                             // CancelAllAlgo!SignalThrow
                if (StepLog.ON) stepThrew(call);
                listenerThrew(call, thrown);
                return i == last ? Acceptance.ACCEPTED : Acceptance.CALL_FINISHED;
            }
            if (++i > last) break;
            if (StepLog.ON) StepLog.step("BatchNext", null, call, 0, null);
            try {                                                    // CancelAllAlgo!BatchNext: back to the re-check
                object = batch.get(i);
            } catch (Throwable failed) {                             // the provider's list: a shorter batch
                release(call);
                throw failed;
            }
        }
        release(call);                                               // CancelAllAlgo!SignalReturn
        return Acceptance.ACCEPTED;
    }

    /** Ends the call normally, unless cancel or fail won first (SC-05). */
    @Override
    public Acceptance complete(CallHandle handle) {
        return finish(handle, COMPLETED, null);
    }

    /** Ends the call with {@code error}, unless cancel or complete won first (SC-05). */
    @Override
    public Acceptance fail(CallHandle handle, Throwable error) {
        return finish(handle, FAILED, error);
    }

    private Acceptance finish(CallHandle handle, int fin, Throwable error) {
        Call<C> call = own(handle);
        if (call == null) return Acceptance.NOT_THIS_SINK;
        Acceptance refused = claim(call);                            // CancelAllAlgo!FinishClaim
        if (refused != null) return refused;
        if (StepLog.ON) StepLog.step("FinishClaim", null, call, 0, phaseName(fin));
        boolean open = !call.generationClosed();                     // CancelAllAlgo!FinishCheck (LP)
        if (StepLog.ON) {
            StepLog.step("FinishCheck", null, call, 0, open ? "open" : "closed");
            StepLog.step("FinishDecide", null, call, 0, phaseName(open ? fin : CANCELLED));
        }
        // A cancel that marked BUSY_CANCEL after the check is overruled: this final linearized first.
        endHeld(call, open ? fin : CANCELLED, error);                // CancelAllAlgo!FinishDecide
        return open ? Acceptance.ACCEPTED : Acceptance.CALL_FINISHED;
    }

    /**
     * Cancels every call pending at the close of the current generation (the linearization point), and
     * nothing of another sink (SC-01, SC-02). Calls of this sink that nobody holds get
     * {@code onCancelled} on this thread before this method returns; a call whose callback is running
     * gets it on that callback's thread as soon as the callback returns (SC-04). Idempotent, a no-op on
     * an idle sink (SC-07), never blocks (SC-11), safe inside callbacks (SC-16); a throwing
     * {@code onCancelled} is reported and the sweep goes on (SC-15).
     *
     * <p>If an {@code Error} (a {@code StackOverflowError} of a listener that cancels from inside
     * {@code onCancelled} over and over, an {@code OutOfMemoryError}) escapes the sweep, the sweep goes
     * on while it can and then rethrows the first one; what it could not finish at this stack depth
     * the next {@code cancel()} of this sink finishes, the enclosing one first when cancels are nested.
     */
    @Override
    public void cancel() {
        Registry<Call<C>> closed;
        for (;;) {
            closed = current;
            if (closed.isClosed()) {
                // Closed already. The re-read makes the linearization point a step of this thread: while
                // current still holds a closed generation no generation is open, so there is nothing to
                // cancel (a begin that installed a successor since sends us round again).
                if (current != closed) continue;
                if (StepLog.ON) {                                    // the idle close's sweep visits nothing: it returns at once
                    StepLog.step("CancelClose", this, null, 0, "idle");
                    StepLog.step("CancelReturn", this, null, 0, null);
                }
                finishInterruptedDrains();                           // CancelAllAlgo!CancelClose of the empty successor (LP: the re-read)
                return;
            }
            if (closed.close()) break;                               // CancelAllAlgo!CancelClose (LP); lost to another cancel: again
        }
        if (StepLog.ON) StepLog.step("CancelClose", this, null, 0, "closed");
        try {
            closed.drain(sweeper);                                   // CancelAllAlgo!CancelReturn when done
        } catch (Throwable thrown) {                                 // field accesses only: cannot overflow the stack
            if (closed.drainState != Registry.DRAINED) closed.drainState = Registry.INTERRUPTED; // this thread's own: 0 till now
            throw thrown;
        }
        if (StepLog.ON) StepLog.step("CancelReturn", this, null, 0, null);
        finishInterruptedDrains();
    }

    /**
     * Resumes every drain of this sink's generations that an Error interrupted, newest first (the
     * current generation, then the ones it links to), and forgets the generations behind the oldest one
     * still not drained. Without an interrupted drain: two reads.
     */
    private void finishInterruptedDrains() {
        Registry<Call<C>> newest = current;
        if (newest.predecessor == null && newest.drainState != Registry.INTERRUPTED) return;
        for (Registry<Call<C>> g = newest; g != null; g = g.predecessor) g.resume(sweeper);
        Registry<Call<C>> keep = newest;
        for (Registry<Call<C>> g = newest.predecessor; g != null; g = g.predecessor) if (!g.drained()) keep = g;
        Registry<Call<C>> behind = keep.predecessor;
        if (behind != null && behind.drained()) keep.forgetPredecessor(behind);
    }

    /**
     * One call of a closed generation, visited by drain (which drops its slots when done): one CAS. No
     * method call stands between the CAS and {@code onCancelled}: an Error that escapes from before the
     * CAS leaves the call to the drain's next visit, one from after it comes from reporting a throwing
     * {@code onCancelled}, which did run.
     */
    private void sweep(Call<C> call) {
        for (;;) {
            int s = call.state();
            if (s == IDLE) {
                boolean won = call.cas(IDLE, CANCELLED);             // CancelAllAlgo!CancelSweep
                if (StepLog.ON) StepLog.step(won ? "CancelSweep" : "CasLost", null, call, 0, "idle");
                if (won) {
                    if (StepLog.ON) StepLog.step("SendFinal", null, call, 0, "cancelled");
                    try {                                            // CancelAllAlgo!SendFinal
                        listener.onCancelled(call.context);
                    } catch (Throwable thrown) {
                        report(call, thrown);
                    }
                    return;
                }
            } else if (s == BUSY) {
                boolean won = call.cas(BUSY, BUSY_CANCEL);           // CancelAllAlgo!CancelSweep: the holder ends it
                if (StepLog.ON) StepLog.step(won ? "CancelSweep" : "CasLost", null, call, 0, "busy");
                if (won) return;
            } else {
                if (StepLog.ON) StepLog.step("CancelSweep", null, call, 0, "other");
                return;                                              // requested, or already final
            }
        }
    }

    /** Calls of this sink that are pending; exact when no operation is in progress (SC-13). */
    @Override
    public int pendingCalls() {
        Registry<Call<C>> generation = current;
        return generation.isClosed() ? 0 : generation.size();
    }

    /**
     * Diagnostic, not part of the {@link Sink} contract: the slot capacity of each registry stripe of the
     * open generation (0 for a stripe no thread used; all 0 after a cancel until the next begin), i.e.
     * the slot allocator's high-water marks. Each is at most {@code max(256, 2 * p)}, where {@code p} is the most calls that stripe held at one
     * instant since the last cancel, whatever threads begin and end them (docs/allocator.md). O(stripes);
     * for tests and benchmarks, not for the hot path.
     */
    public int[] slotCapacityByStripe() {
        Registry<Call<C>> generation = current;
        return generation.isClosed() ? new int[Registry.STRIPES] : generation.capacities();
    }

    /** The call behind {@code handle} if this sink issued it, else null: foreign or forged (SC-14). */
    @SuppressWarnings("unchecked")
    private Call<C> own(CallHandle handle) {
        if (handle instanceof Call && ((Call<?>) handle).chunk.generation.owner == this) return (Call<C>) handle;
        return null;
    }

    /** Takes the call's token (IDLE → BUSY), or says why not. */
    private static Acceptance claim(Call<?> call) {
        for (;;) {
            int s = call.state();
            if (s == IDLE) {
                if (call.cas(IDLE, BUSY)) return null;
                if (StepLog.ON) StepLog.step("CasLost", null, call, 0, "idle");
            } else {
                if (StepLog.ON) StepLog.step("ClaimRefused", null, call, 0, s >= COMPLETED ? "final" : "held");
                return s >= COMPLETED ? Acceptance.CALL_FINISHED : Acceptance.CALL_BUSY;
            }
        }
    }

    /** The holder gives the token back; a cancel that came meanwhile (BUSY_CANCEL) ends the call (SC-04 in flight). */
    private void release(Call<C> call) {
        boolean won = call.cas(BUSY, IDLE);
        if (StepLog.ON) StepLog.step("SignalReturn", null, call, 0, won ? "won" : "lost");
        if (!won) endHeld(call, CANCELLED, null);
    }

    /** The holder's listener threw from an object or progress callback: reported, and this call only is cancelled (SC-15). */
    private void listenerThrew(Call<C> call, Throwable thrown) {
        report(call, thrown);
        endHeld(call, CANCELLED, null);
    }

    /** The token holder writes the call's final; nobody else can move a held call. */
    private void endHeld(Call<C> call, int fin, Throwable error) {
        call.setFinal(fin);
        end(call, fin, error);
    }

    /** By the one thread that decided the final: unlink at once (SC-13), then the final callback (SC-03). */
    private void end(Call<C> call, int fin, Throwable error) {
        call.chunk.clear(call.slot());                               // CancelAllAlgo!Unlink
        if (StepLog.ON) StepLog.step("Unlink", null, call, 0, null);
        sendFinal(call, fin, error);
    }

    private void sendFinal(Call<C> call, int fin, Throwable error) {
        if (StepLog.ON) StepLog.step("SendFinal", null, call, 0, phaseName(fin));
        try {                                                        // CancelAllAlgo!SendFinal
            switch (fin) {
                case COMPLETED: listener.onCompleted(call.context); break;
                case FAILED: listener.onFailed(call.context, error); break;
                default: listener.onCancelled(call.context); break;
            }
        } catch (Throwable thrown) {
            report(call, thrown);
        }
    }

    /** Step log only: the open check this thread logged last started a callback that threw (CancelAllAlgo's SignalCheckThrow). */
    private static void stepThrew(Call<?> call) {
        StepLog.checkThrew();
        StepLog.step("SignalThrow", null, call, 0, null);
    }

    /** Step log only: a final as CancelAllAlgo writes it. */
    private static String phaseName(int fin) {
        return fin == COMPLETED ? "completed" : fin == FAILED ? "failed" : "cancelled";
    }

    private void report(Call<C> call, Throwable thrown) {
        try {
            listenerErrors.accept(call.context, thrown);
        } catch (Throwable ignored) {
            // The error sink failed too; dropping its exception keeps sweeps and other calls going (SC-15).
        }
    }
}
