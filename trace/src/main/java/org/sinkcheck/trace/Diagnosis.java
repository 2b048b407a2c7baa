package org.sinkcheck.trace;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sinkcheck.kit.trace.TraceEvent;
import org.sinkcheck.kit.trace.TraceEvent.Kind;
import org.sinkcheck.model.CallHistory;
import org.sinkcheck.model.CallHistory.Answer;
import org.sinkcheck.model.CallHistory.Cause;
import org.sinkcheck.model.EventKind;
import org.sinkcheck.model.Violation;
import org.sinkcheck.rules.Operator;
import org.sinkcheck.rules.Rule;

/**
 * Names the rule a rejected segment breaks, from its first unexplained event. TLC says only that no
 * behaviour of the spec explains that event; which rule that is follows from what the event is, in this
 * order:
 * <ol>
 * <li>A callback of a call no begin of the trace made: SC-09 ({@code SC09_EventsCarryTheirCall}: the
 *     context tells calls apart). Heard by another sink's listener: SC-02. While another callback of the
 *     same call runs: the call's history with that overlap ({@link CallHistory#overlapAt}), named by
 *     {@link CallHistory#violation()}, whose precedence weighs an overlap against what the callback
 *     carries (SC-09 ({@code SC09_SerialCallbacks}), unless it is a second final). An object or progress
 *     callback after its call's final whose signal was sent while another callback of the call ran is
 *     SC-04, which every linearization of it breaks, and the finding says it fits SC-09 too
 *     ({@link Finding#alsoFits}): the recorder sees a callback when the listener is entered, so a sink
 *     that admitted the signal during the other callback, but entered the listener only after the final,
 *     leaves no overlap in the log, and a sink that kept its callbacks apart but took the signal after the
 *     cancel leaves the same log. Likewise the same final twice (SC-03) while a cancel of the call's sink
 *     ran fits SC-05 too: that cancel may have won as well, its final sent as the other's.</li>
 * <li>Otherwise, and for a quiet point or the end of the trace, the calls' histories so far, judged by
 *     {@link CallHistory#violation()}, the one function every tier names a history's rule with; the
 *     event's own call first. At a quiet point or the end, first: a thread still inside the sink is
 *     SC-11; a call left without its final after a cancel of its sink that it predates (its begin
 *     returned before the cancel began, racing none) returned is SC-01; one whose begin overlapped a
 *     cancel of its sink is SC-06.</li>
 * <li>An answer (a return) no step explains, by what it answered: a handle the sink did not issue
 *     accepted is SC-14; a complete or fail accepted on an ended call SC-05; an object after cancel SC-04;
 *     a throw SC-12 (SC-07 for cancel); a wrong {@code pendingCalls} SC-01 (a call a returned cancel
 *     predates still without its final, as at a quiet point), else SC-13 (more) or SC-06 (fewer); a
 *     wrong "cancelled" for the provider SC-12, unless it is "not cancelled" for a call a returned
 *     cancel should have ended: SC-06 if its begin raced a cancel, SC-01 if it predates one.</li>
 * <li>For a callback or an answer of a call without a final that nothing above names: SC-06 if a
 *     call of its sink begun after it returned was ended by a cancel of the sink (it heard onCancelled,
 *     or had a progress, complete or fail refused with nothing of its own to end it), which came after
 *     both begins and so had to end this call too (SC-01 if this call's begin raced no cancel);
 *     SC-06 too if its begin raced a cancel that the log places after that begin returned
 *     ({@link #cancelledAfterItsBegin}).</li>
 * <li>A report of a listener error that was never thrown, or twice, and a throw from a progress
 *     callback (CancelAll models throws from object callbacks only): SC-15.</li>
 * </ol>
 * When none applies the finding names no rule and says so.
 */
final class Diagnosis {
    private Diagnosis() {}

    /**
     * The rule, if one could be named, and what was seen, in one sentence; and another rule the same log
     * fits just as well, where the log cannot tell the two apart.
     */
    record Finding(Optional<Rule> rule, String why, Optional<Rule> alsoFits) {
        Finding(Optional<Rule> rule, String why) { this(rule, why, Optional.empty()); }

        static Finding of(Rule rule, String why) { return new Finding(Optional.of(rule), why); }
    }

    static Finding of(TraceFile t, Segment s, int explained) {
        int u = s.from() + explained;
        if (u >= s.to()) return settled(t, s, s.to(), "the end of the trace");
        TraceEvent e = t.event(u);
        return switch (e.kind()) {
            case CB -> callback(t, s, u);
            case RET -> answer(t, s, u);
            case QUIET -> settled(t, s, u, "the quiet point at line " + t.line(u));
            case CB_END -> Finding.of(Rule.SC15, "the listener threw from a callback of " + e.call()
                    + " that the spec does not let throw (it models throws from object callbacks, which cancel that call)");
            case REPORT -> Finding.of(Rule.SC15, "the sink reported a listener error of " + e.call()
                    + " that was not thrown, or reported it twice");
            case INV -> new Finding(Optional.empty(), "an invocation is always explained: this is a bug of sinkcheck");
        };
    }

    private static Finding callback(TraceFile t, Segment s, int u) {
        TraceEvent e = t.event(u);
        String owner = ownerOf(t, s, e.call(), u);
        if (owner == null) return Finding.of(Rule.SC09, "a " + e.event() + " callback carried a context no begin gave (" + e.call() + ")");
        if (!owner.equals(e.sink())) return Finding.of(Rule.SC02, "the listener of " + e.sink() + " heard " + e.event() + " of " + e.call() + ", a call of " + owner);
        int running = runningCallback(t, s, e.call(), u);
        if (running >= 0) {
            // Every event before u is explained, so this is the call's first overlap: the last callback heard.
            CallHistory h = history(t, s, u, e.call(), owner, false);
            Optional<Violation> v = h.overlapAt(h.heard().size() - 1).violation();
            if (v.isPresent()) {
                TraceEvent o = t.event(running);
                String overlap = e.event() + " on thread " + e.thread() + " started while " + o.event() + " (line " + t.line(running)
                        + ") ran on thread " + o.thread();
                return Finding.of(v.get().rule(), v.get().operator() == Operator.SC09_SerialCallbacks ? "callbacks of " + e.call() + " overlap: " + overlap
                        : e.call() + " of " + owner + ": " + v.get().detail() + " (" + v.get().operator().name() + "); " + overlap);
            }
        }
        Finding lost = lostInARace(t, s, e.call(), u);
        if (lost != null) return lost;
        return histories(t, s, u, e.call(), false).map(f -> alsoFits(t, s, u, f))
                .or(() -> Optional.ofNullable(passedOverByACancel(t, s, e.call(), u)))
                .orElse(new Finding(Optional.empty(), "no step of the spec delivers " + e.event() + " to " + e.call() + " here"));
    }

    /** The callback of {@code call} that is running at {@code u} (started before it, not ended by it), or -1. */
    private static int runningCallback(TraceFile t, Segment s, String call, int u) {
        for (int j = u - 1; j >= s.from(); j--) {
            if (t.event(j).kind() == Kind.CB && t.event(j).call().equals(call) && (t.partner(j) < 0 || t.partner(j) > u)) return j;
        }
        return -1;
    }

    /**
     * {@code f}, for the callback at {@code u}, with the rule the same log fits as well (see the class
     * comment): SC-09 for an object or progress after the final (SC-04) whose own signal was sent while
     * another callback of its call ran; SC-05 for the same final twice (SC-03) while a cancel of its sink
     * ran, which may have won too and had its final sent as the other one's.
     */
    private static Finding alsoFits(TraceFile t, Segment s, int u, Finding f) {
        TraceEvent e = t.event(u);
        if (f.rule().orElse(null) == Rule.SC03 && EventKind.ofTla(e.event()).isFinal() && !e.event().equals("cancelled")
                && e.event().equals(firstFinal(t, s, e.call(), u))) {
            for (int j = s.from(); j < u; j++) {
                TraceEvent c = t.event(j);
                if (c.kind() == Kind.INV && c.op().equals("cancel") && c.sink().equals(e.sink()) && (t.partner(j) < 0 || t.partner(j) > u)) {
                    return new Finding(f.rule(), f.why() + "; the cancel of " + e.sink() + " at line " + t.line(j) + " was running, so a sink"
                            + " where both a " + (e.event().equals("completed") ? "complete" : "fail") + " and that cancel won (SC-05), and"
                            + " the cancel's final went out as the other's, leaves this log too", Optional.of(Rule.SC05));
                }
            }
            return f;
        }
        if (f.rule().orElse(null) != Rule.SC04 || EventKind.ofTla(e.event()).isFinal()) return f;
        for (int j = u - 1; j >= s.from(); j--) {
            TraceEvent inv = t.event(j);
            boolean itsSignal = inv.kind() == Kind.INV && inv.thread() == e.thread() && inv.call().equals(e.call())
                    && (inv.op().equals("object") || inv.op().equals("progress")) && (t.partner(j) < 0 || t.partner(j) > u);
            if (!itsSignal) continue;
            int running = runningCallback(t, s, e.call(), j);
            if (running < 0) return f;
            return new Finding(f.rule(), f.why() + "; its signal (line " + t.line(j) + ") was sent while " + t.event(running).event()
                    + " of " + e.call() + " (line " + t.line(running) + ") ran, so a sink that runs one call's callbacks at once (SC-09)"
                    + " leaves this log too", Optional.of(Rule.SC09));
        }
        return f;
    }

    private static Finding answer(TraceFile t, Segment s, int u) {
        TraceEvent ret = t.event(u);
        String op = ret.op();
        if (ret.threw()) {
            if (op.equals("cancel")) return Finding.of(Rule.SC07, "cancel of " + ret.sink() + " threw");
            return Finding.of(Rule.SC12, op + " of " + ret.call() + " threw instead of answering, so its provider cannot tell whether the call was cancelled");
        }
        if (op.equals("pending")) {
            Finding left = leftByACancel(t, s, u, "");
            if (left != null) return left;
            int pending = pendingInLog(t, s, ret.sink(), u);
            return ret.n() > pending
                    ? Finding.of(Rule.SC13, "pendingCalls of " + ret.sink() + " answered " + ret.n() + " with " + pending + " calls pending: it retains ended calls")
                    : Finding.of(Rule.SC06, "pendingCalls of " + ret.sink() + " answered " + ret.n() + " where the spec has more calls pending: a call is lost");
        }
        if (op.equals("told")) {
            // A provider told "not cancelled" about a call a returned cancel should have ended: the lost call's rule, not SC-12's.
            if (!ret.ok()) {
                Finding lost = lostInARace(t, s, ret.call(), u);
                if (lost == null) lost = leftByACancel(t, s, u, ret.call());
                if (lost == null) lost = passedOverByACancel(t, s, ret.call(), u);
                if (lost != null) return lost;
            }
            return Finding.of(Rule.SC12, "the provider of " + ret.call() + " was told cancelled=" + ret.ok() + ", which no state of its call explains");
        }
        if (ret.ok() && ret.call().equals("forged")) return Finding.of(Rule.SC14, op + " with a forged handle was accepted by " + ret.sink());
        String owner = ownerOf(t, s, ret.call(), u);
        if (ret.ok() && owner != null && !owner.equals(ret.sink())) {
            return Finding.of(Rule.SC14, op + " of " + ret.call() + " (a call of " + owner + ") was accepted by " + ret.sink());
        }
        Finding late = acceptedAfterACancel(t, s, u);
        if (late != null) return late;
        Finding foreign = refusedAfterAnotherSinksCancel(t, s, u);
        if (foreign != null) return foreign;
        Finding lost = lostInARace(t, s, ret.call(), u);
        if (lost != null) return lost;
        Optional<Finding> history = histories(t, s, u, ret.call(), false);
        if (history.isPresent()) return history.get();
        Finding passedOver = passedOverByACancel(t, s, ret.call(), u);
        if (passedOver != null) return passedOver;
        String fin = firstFinal(t, s, ret.call(), u);
        if (ret.ok() && fin != null) {
            if (op.equals("complete") || op.equals("fail")) return Finding.of(Rule.SC05, op + " of " + ret.call() + " was accepted after its final " + fin);
            return Finding.of(fin.equals("cancelled") ? Rule.SC04 : Rule.SC03, op + " of " + ret.call() + " was accepted after its final " + fin);
        }
        return new Finding(Optional.empty(), "no step of the spec explains " + op + " of " + ret.call() + " answering " + ret.ok());
    }

    /** A quiet point or the end: nothing may run, and every call must have its final. */
    private static Finding settled(TraceFile t, Segment s, int u, String where) {
        for (int j = s.from(); j < u; j++) {
            TraceEvent o = t.event(j);
            boolean open = (o.kind() == Kind.INV || o.kind() == Kind.CB) && (t.partner(j) < 0 || t.partner(j) > u);
            if (open) {
                return Finding.of(Rule.SC11, (o.kind() == Kind.INV ? o.op() + (o.call().isEmpty() ? " of " + o.sink() : " of " + o.call())
                        : "the " + o.event() + " callback of " + o.call()) + " (line " + t.line(j) + ", thread " + o.thread()
                        + ") had not returned at " + where);
            }
        }
        Finding left = leftByACancel(t, s, u, "");
        if (left != null) return left;
        for (int j = s.from(); j < u; j++) {
            TraceEvent b = t.event(j);
            if (b.kind() != Kind.INV || !b.op().equals("begin")) continue;
            Finding lost = lostInARace(t, s, b.call(), u);
            if (lost != null) return lost;
        }
        Optional<Finding> history = histories(t, s, u, "", true);
        return history.orElse(new Finding(Optional.empty(), "the spec does not reach " + where + " with every call ended and every event heard"));
    }

    /** The first violation among the calls' histories up to {@code u}, {@code first}'s call first. */
    private static Optional<Finding> histories(TraceFile t, Segment s, int u, String first, boolean settled) {
        List<String> calls = new ArrayList<>();
        if (!first.isEmpty()) calls.add(first);
        for (int j = s.from(); j < Math.min(u + 1, s.to()); j++) {
            String c = t.event(j).call();
            if (!c.isEmpty() && !calls.contains(c) && !c.equals("forged") && !c.equals("unknown")) calls.add(c);
        }
        for (String call : calls) {
            String owner = ownerOf(t, s, call, u);
            if (owner == null) continue;
            Optional<Violation> v = history(t, s, u, call, owner, settled).violation();
            if (v.isPresent()) return Optional.of(Finding.of(v.get().rule(), call + " of " + owner + ": " + v.get().detail()
                    + " (" + v.get().operator().name() + ")"));
        }
        return Optional.empty();
    }

    /** What the observers of {@code call} saw, from the segment's start to {@code u} inclusive. */
    private static CallHistory history(TraceFile t, Segment s, int u, String call, String owner, boolean settled) {
        List<EventKind> heard = new ArrayList<>();
        Segment.Prior prior = s.prior(t).get(call);
        if (prior != null) heard.add(EventKind.ofTla(prior.fin()));
        Answer complete = Answer.NOT_SENT;
        Answer fail = Answer.NOT_SENT;
        boolean threw = false;
        Cause cause = Cause.NONE;
        int causeAt = -1;
        int accepted = 0;
        boolean countable = settled;
        int begunReturned = -1;
        int openCallback = -1;
        int end = Math.min(u + 1, s.to());
        for (int j = s.from(); j < end; j++) {
            TraceEvent e = t.event(j);
            if (e.kind() == Kind.RET && e.op().equals("begin") && e.call().equals(call)) begunReturned = j;
            if (e.kind() == Kind.CB && e.call().equals(call) && e.sink().equals(owner)) {
                heard.add(EventKind.ofTla(e.event()));
                openCallback = j;
            }
            if (e.kind() == Kind.CB_END && e.call().equals(call)) {
                if (e.threw() && cause == Cause.NONE && !heard.get(heard.size() - 1).isFinal()) {
                    cause = Cause.ITS_LISTENER_THREW;
                    causeAt = heard.size() - 1;
                }
                openCallback = -1;
            }
            if (e.kind() == Kind.INV && e.op().equals("cancel") && e.sink().equals(owner) && openCallback >= 0
                    && t.event(openCallback).thread() == e.thread() && cause == Cause.NONE) {
                cause = Cause.CANCELLED_FROM_ITS_CALLBACK;
                causeAt = heard.size() - 1;
            }
            if (e.kind() == Kind.RET && e.op().equals("cancel") && e.sink().equals(owner) && settled && cause == Cause.NONE
                    && begunReturned >= 0 && t.partner(j) > begunReturned) {
                cause = insideACallback(t, s, t.partner(j)) ? Cause.SINK_CANCELLED_FROM_A_CALLBACK : Cause.SINK_CANCELLED;
            }
            // What an operation invoked by now answered, even if it returns later: the log knows it.
            if (e.kind() != Kind.INV || !e.call().equals(call) || t.partner(j) < 0) continue;
            e = t.event(t.partner(j));
            switch (e.op()) {
                case "complete" -> complete = complete.and(e.ok());
                case "fail" -> fail = fail.and(e.ok());
                case "object", "progress" -> {
                    threw |= e.threw();
                    if (e.ok()) accepted += e.n();
                    else if (e.n() > 1) countable = false;
                }
                default -> { }
            }
        }
        return new CallHistory(heard, false, countable ? accepted : -1, complete, fail, threw, cause, causeAt, null, -1);
    }

    /**
     * SC-06 for {@code call} at {@code u}: it has no final yet, its begin overlapped a cancel of its sink,
     * and either a later cancel of the sink (invoked after the begin returned) returned before {@code u}
     * without ending it, or {@code u} is a quiet point or the end; null otherwise.
     */
    private static Finding lostInARace(TraceFile t, Segment s, String call, int u) {
        int begin = begunBefore(t, s, call, u);
        if (begin < 0) return null;
        if (firstFinal(t, s, call, u) != null) return null;
        int racing = overlappingCancel(t, s, begin, u);
        if (racing < 0) return null;
        String sink = t.event(begin).sink();
        boolean atTheEnd = u >= s.to() || t.event(u).kind() == Kind.QUIET;
        for (int j = t.partner(begin) + 1; j < u && !atTheEnd; j++) {
            TraceEvent c = t.event(j);
            if (c.kind() == Kind.INV && c.op().equals("cancel") && c.sink().equals(sink) && t.partner(j) >= 0 && t.partner(j) < u) atTheEnd = true;
        }
        if (!atTheEnd) return null;
        return Finding.of(Rule.SC06, call + " of " + sink + " has no final at line " + (u < s.to() ? t.line(u) : t.line(s.to() - 1))
                + ": its begin (line " + t.line(begin) + ") raced the cancel at line " + t.line(racing)
                + ", and the cancels after it did not reach it");
    }

    /**
     * SC-06 for {@code call} at {@code u} when its own history names no rule: it has no final, and a call of
     * its sink begun after its begin returned was ended by a cancel of the sink before {@code u}
     * ({@link #endedByACancel}). That cancel came after both begins, so it had to end this one too: an
     * ordering between two calls, which neither call's history shows. SC-01 instead if this call's begin
     * raced no cancel of its sink (it was plainly pending). Otherwise {@link #cancelledAfterItsBegin}.
     */
    private static Finding passedOverByACancel(TraceFile t, Segment s, String call, int u) {
        int begin = begunBefore(t, s, call, u);
        if (begin < 0 || firstFinal(t, s, call, u) != null) return null;
        String sink = t.event(begin).sink();
        for (int j = t.partner(begin) + 1; j < u; j++) {
            TraceEvent later = t.event(j);
            if (later.kind() != Kind.INV || !later.op().equals("begin") || !later.sink().equals(sink)) continue;
            int cancelled = endedByACancel(t, s, later.call(), u);
            if (cancelled < 0) continue;
            int racing = overlappingCancel(t, s, begin, u);
            String how = t.event(cancelled).kind() == Kind.CB ? "heard onCancelled"
                    : "had its " + t.event(cancelled).op() + " refused as if ended, with nothing of its own to end it,";
            String why = call + " of " + sink + " is not ended at line " + t.line(u) + ", yet " + later.call() + ", begun after it (line "
                    + t.line(j) + "), " + how + " at line " + t.line(cancelled) + ": the cancel that ended " + later.call()
                    + " came after both begins";
            return racing >= 0 ? Finding.of(Rule.SC06, why + ", and " + call + "'s begin raced the cancel at line " + t.line(racing) + ": it was lost")
                    : Finding.of(Rule.SC01, why + ", and it was pending all along");
        }
        return cancelledAfterItsBegin(t, s, call, u);
    }

    /**
     * SC-06 for {@code call} at {@code u}: it has no final, its begin raced a cancel of its sink, and the
     * log places that cancel's linearization point after its begin returned, so the cancel had to end it.
     * The bound is found from the calls the cancel must have ended or must not have: a call whose
     * onCancelled only this cancel can have sent (every other cancel of the sink invoked before it returned
     * before that call began) was pending at it, so the cancel comes after that call's begin and accepted
     * signals were invoked; a call begun before that bound that heard completed or failed, never
     * onCancelled, had ended by then, so the cancel comes after its final was invoked; and so on until the
     * bound moves no more. (The recorded shape of {@code SC06_SecondBeginDuringCloseLost}: a call cancelled
     * after a signal it accepted, one begun before that signal that completes, and this one begun between
     * them, which fails.) Null otherwise.
     */
    private static Finding cancelledAfterItsBegin(TraceFile t, Segment s, String call, int u) {
        int begin = begunBefore(t, s, call, u);
        if (begin < 0 || firstFinal(t, s, call, u) != null) return null;
        int cancel = overlappingCancel(t, s, begin, u);
        if (cancel < 0) return null;
        String sink = t.event(begin).sink();
        int bound = cancel;
        String because = "";
        for (boolean moved = true; moved && bound <= t.partner(begin); ) {
            moved = false;
            for (int b = s.from(); b < u; b++) {
                TraceEvent other = t.event(b);
                if (other.kind() != Kind.INV || !other.op().equals("begin") || !other.sink().equals(sink) || other.call().equals(call)
                        || begunBefore(t, s, other.call(), u) != b) continue;
                int heard = cancelledBySink(t, s, other.call(), u);
                int after = heard >= 0 && onlyThisCancelCanHaveSent(t, s, cancel, b, heard) ? lastInvokedAccepted(t, s, other.call(), b, heard)
                        : heard < 0 && t.partner(b) < bound ? finalInvoked(t, s, other.call(), u) : -1;
                if (after > bound) {
                    bound = after;
                    because = other.call() + (heard >= 0 ? " (heard onCancelled at line " + t.line(heard) + ") had " + t.event(after).op()
                            + " invoked at line " + t.line(after) : " (begun before, never cancelled) had its " + t.event(after).op()
                            + " invoked at line " + t.line(after));
                    moved = true;
                }
            }
        }
        if (bound <= t.partner(begin) || finalInvoked(t, s, call, bound) >= 0 || listenerThrew(t, s, call, u)) return null;
        return Finding.of(Rule.SC06, call + " of " + sink + " is not ended at line " + t.line(u) + ": its begin (line " + t.line(begin)
                + ") raced the cancel at line " + t.line(cancel) + ", whose step the log places after line " + t.line(bound) + " (" + because
                + "), after that begin returned (line " + t.line(t.partner(begin)) + "), so it had to end " + call + ": it was lost");
    }

    /** Whether no cancel of the sink but the one at {@code cancel} can have sent the onCancelled at {@code heard} to the call begun at {@code begin}. */
    private static boolean onlyThisCancelCanHaveSent(TraceFile t, Segment s, int cancel, int begin, int heard) {
        for (int j = s.from(); j < heard; j++) {
            TraceEvent c = t.event(j);
            if (j != cancel && c.kind() == Kind.INV && c.op().equals("cancel") && c.sink().equals(t.event(cancel).sink())
                    && (t.partner(j) < 0 || t.partner(j) > begin)) return false;
        }
        return true;
    }

    /** The latest invocation, before {@code heard}, of the begin at {@code begin} or of a signal of its call that was accepted. */
    private static int lastInvokedAccepted(TraceFile t, Segment s, String call, int begin, int heard) {
        int last = begin;
        for (int j = begin; j < heard; j++) {
            TraceEvent e = t.event(j);
            if (e.kind() == Kind.INV && e.call().equals(call) && (e.op().equals("object") || e.op().equals("progress"))
                    && t.partner(j) >= 0 && t.event(t.partner(j)).ok()) last = j;
        }
        return last;
    }

    private static boolean listenerThrew(TraceFile t, Segment s, String call, int u) {
        for (int j = s.from(); j < u; j++) if (t.event(j).kind() == Kind.CB_END && t.event(j).call().equals(call) && t.event(j).threw()) return true;
        return false;
    }

    /** The invocation before {@code u} of the first complete or fail of {@code call} that was accepted, or -1. */
    private static int finalInvoked(TraceFile t, Segment s, String call, int u) {
        for (int j = s.from(); j < u; j++) {
            TraceEvent e = t.event(j);
            if (e.kind() == Kind.INV && e.call().equals(call) && (e.op().equals("complete") || e.op().equals("fail"))
                    && t.partner(j) >= 0 && t.event(t.partner(j)).ok()) return j;
        }
        return -1;
    }

    /**
     * Where {@code call} shows before {@code u} that a cancel of its sink ended it: its onCancelled (see
     * {@link #cancelledBySink}), or the return of a progress, complete or fail refused with nothing of the
     * call's own to end it ({@link #refusedAsIfEnded}). Not an object: its listener may have thrown from
     * that object's callback, still to come, which ends the call without a cancel. -1 if neither.
     */
    private static int endedByACancel(TraceFile t, Segment s, String call, int u) {
        int heard = cancelledBySink(t, s, call, u);
        for (int r = s.from(); r < (heard < 0 ? u : heard); r++) {
            TraceEvent e = t.event(r);
            if (e.kind() == Kind.RET && e.call().equals(call) && !e.op().equals("object") && refusedAsIfEnded(t, s, r)) return r;
        }
        return heard;
    }

    /** The onCancelled of {@code call} heard before {@code u} that a cancel of its sink sent (its listener had not thrown), or -1. */
    private static int cancelledBySink(TraceFile t, Segment s, String call, int u) {
        for (int j = s.from(); j < u; j++) {
            TraceEvent e = t.event(j);
            if (!e.call().equals(call)) continue;
            if (e.kind() == Kind.CB_END && e.threw()) return -1;
            if (e.kind() == Kind.CB && e.event().equals("cancelled")) return j;
        }
        return -1;
    }

    /**
     * SC-01 at {@code u}: a call without a final whose begin returned, racing no cancel of its sink (a
     * race is SC-06's, {@link #lostInARace}), before a cancel of its sink began that returned before
     * {@code u}. (The spec lets onCancelled arrive after the cancel returned, so TLC finds this only at a
     * count, a provider told "not cancelled", or a quiet point.) Only {@code call}'s, unless it is empty.
     * Null if there is none.
     */
    private static Finding leftByACancel(TraceFile t, Segment s, int u, String call) {
        for (int b = s.from(); b < Math.min(u, s.to()); b++) {
            TraceEvent e = t.event(b);
            if (e.kind() != Kind.INV || !e.op().equals("begin") || !call.isEmpty() && !e.call().equals(call) || begunBefore(t, s, e.call(), u) != b) continue;
            if (firstFinal(t, s, e.call(), u) != null || overlappingCancel(t, s, b, u) >= 0) continue;
            for (int j = t.partner(b) + 1; j < u; j++) {
                TraceEvent c = t.event(j);
                if (c.kind() == Kind.INV && c.op().equals("cancel") && c.sink().equals(e.sink()) && t.partner(j) >= 0 && t.partner(j) < u) {
                    return Finding.of(Rule.SC01, e.call() + " of " + e.sink() + " has no final at line " + (u < s.to() ? t.line(u) : t.line(s.to() - 1))
                            + ": it was pending when the cancel at line " + t.line(j) + " began, which returned at line "
                            + t.line(t.partner(j)) + " without ending it");
                }
            }
        }
        return null;
    }

    /**
     * SC-04 for the return at {@code u}: a signal accepted, invoked after a cancel of its call's sink
     * returned that the call predates (its begin returned before the cancel began); null otherwise.
     */
    private static Finding acceptedAfterACancel(TraceFile t, Segment s, int u) {
        TraceEvent ret = t.event(u);
        int inv = t.partner(u);
        if (!ret.ok() || !(ret.op().equals("object") || ret.op().equals("progress")) || inv < 0) return null;
        int begin = begunBefore(t, s, ret.call(), inv);
        if (begin < 0 || !t.event(begin).sink().equals(ret.sink())) return null;
        for (int j = t.partner(begin) + 1; j < inv; j++) {
            TraceEvent c = t.event(j);
            if (c.kind() == Kind.INV && c.op().equals("cancel") && c.sink().equals(ret.sink()) && t.partner(j) >= 0 && t.partner(j) < inv) {
                return Finding.of(Rule.SC04, ret.op() + " of " + ret.call() + " was accepted although the cancel of " + ret.sink()
                        + " at line " + t.line(j) + " had returned before it was sent (line " + t.line(t.partner(j)) + ")");
            }
        }
        return null;
    }

    /**
     * SC-02 for the return at {@code u}: a signal or final of a call its own sink issued, refused as if the
     * call had ended although nothing of its own could have ended it ({@link #refusedAsIfEnded}), with no
     * cancel of its own sink since its begin, while a cancel of another sink ran; null otherwise.
     */
    private static Finding refusedAfterAnotherSinksCancel(TraceFile t, Segment s, int u) {
        if (!refusedAsIfEnded(t, s, u)) return null;
        TraceEvent ret = t.event(u);
        int otherCancel = -1;
        for (int j = begunBefore(t, s, ret.call(), t.partner(u)); j < u; j++) {
            TraceEvent e = t.event(j);
            if (e.kind() != Kind.INV || !e.op().equals("cancel")) continue;
            if (e.sink().equals(ret.sink())) return null;
            if (otherCancel < 0) otherCancel = j;
        }
        if (otherCancel < 0) return null;
        return Finding.of(Rule.SC02, ret.op() + " of " + ret.call() + " (a pending call of " + ret.sink() + ") was refused as if it had ended, "
                + "while no cancel of " + ret.sink() + " ran: only the cancel of " + t.event(otherCancel).sink() + " at line " + t.line(otherCancel));
    }

    /**
     * Whether the return at {@code r} refused a signal or final of a call its own sink issued, as if the
     * call had ended, although nothing of its own could have ended it: no final heard, no other operation
     * or callback of it in flight (the spec's "busy" refusal), no final of it accepted, no throw of its
     * listener. Only a cancel of a sink can then have ended it.
     */
    private static boolean refusedAsIfEnded(TraceFile t, Segment s, int r) {
        TraceEvent ret = t.event(r);
        int inv = t.partner(r);
        boolean signalOrFinal = List.of("object", "progress", "complete", "fail").contains(ret.op());
        if (ret.ok() || ret.threw() || !signalOrFinal || inv < 0) return false;
        int begin = begunBefore(t, s, ret.call(), inv);
        if (begin < 0 || !t.event(begin).sink().equals(ret.sink()) || firstFinal(t, s, ret.call(), r) != null) return false;
        for (int j = begin; j < r; j++) {
            TraceEvent e = t.event(j);
            if (!e.call().equals(ret.call())) continue;
            boolean inFlight = t.partner(j) < 0 || t.partner(j) > inv;
            if (j != inv && (e.kind() == Kind.CB && inFlight || e.kind() == Kind.INV && j > t.partner(begin) && inFlight)) return false;
            if (e.kind() == Kind.CB_END && e.threw()) return false;
            if (e.kind() == Kind.RET && e.ok() && (e.op().equals("complete") || e.op().equals("fail"))) return false;
        }
        return true;
    }

    /** The begin of {@code call} before {@code u} in this segment, if it returned (not threw) by {@code u}; else -1. */
    private static int begunBefore(TraceFile t, Segment s, String call, int u) {
        int begin = -1;
        for (int j = s.from(); j < Math.min(u, s.to()); j++) {
            TraceEvent e = t.event(j);
            if (e.kind() == Kind.INV && e.op().equals("begin") && e.call().equals(call)) begin = j;
        }
        if (begin < 0 || t.partner(begin) < 0 || t.partner(begin) > u || t.event(t.partner(begin)).threw()) return -1;
        return begin;
    }

    private static boolean insideACallback(TraceFile t, Segment s, int inv) {
        int thread = t.event(inv).thread();
        for (int j = s.from(); j < inv; j++) {
            TraceEvent o = t.event(j);
            if (o.kind() == Kind.CB && o.thread() == thread && (t.partner(j) < 0 || t.partner(j) > inv)) return true;
        }
        return false;
    }

    /** A cancel of the begin's sink whose interval overlaps the begin at {@code begin}, or -1. */
    private static int overlappingCancel(TraceFile t, Segment s, int begin, int u) {
        String sink = t.event(begin).sink();
        int beginRet = t.partner(begin);
        for (int j = s.from(); j < u; j++) {
            TraceEvent c = t.event(j);
            if (c.kind() != Kind.INV || !c.op().equals("cancel") || !c.sink().equals(sink)) continue;
            int ret = t.partner(j) < 0 ? u : t.partner(j);
            if (j < beginRet && ret > begin) return j;
        }
        return -1;
    }

    /** The sink that began {@code call} (in this segment or before it), or null. */
    private static String ownerOf(TraceFile t, Segment s, String call, int u) {
        Segment.Prior prior = s.prior(t).get(call);
        if (prior != null) return prior.sink();
        for (int j = s.from(); j <= Math.min(u, s.to() - 1); j++) {
            TraceEvent e = t.event(j);
            if (e.kind() == Kind.INV && e.op().equals("begin") && e.call().equals(call)) return e.sink();
        }
        return null;
    }

    private static String firstFinal(TraceFile t, Segment s, String call, int u) {
        Segment.Prior prior = s.prior(t).get(call);
        if (prior != null) return prior.fin();
        for (int j = s.from(); j < Math.min(u, s.to()); j++) {
            TraceEvent e = t.event(j);
            if (e.kind() == Kind.CB && e.call().equals(call) && EventKind.ofTla(e.event()).isFinal()) return e.event();
        }
        return null;
    }

    private static int pendingInLog(TraceFile t, Segment s, String sink, int u) {
        int pending = 0;
        for (int j = s.from(); j < u; j++) {
            TraceEvent b = t.event(j);
            if (b.kind() == Kind.INV && b.op().equals("begin") && b.sink().equals(sink) && firstFinal(t, s, b.call(), u) == null) pending++;
        }
        return pending;
    }
}
