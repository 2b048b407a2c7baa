package org.sinkcheck.trace.algo;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sinkcheck.reference.StepLog.Step;
import org.sinkcheck.rules.Rule;

/**
 * Why TLC rejected a step log: in the state that explains the most steps, a thread whose next logged
 * step CancelAllAlgo does not allow (not one held back only because another thread's earlier operation
 * is unfinished). If that step is not one the thread's pc allows at all (a step
 * skipped or out of order, e.g. a begin that returns without its re-check), the rule is that of the
 * step the spec expected next; otherwise the step is the right one but its logged values fit no
 * interleaving (e.g. an open check after the close), and the rule is that of the logged step.
 *
 * @param rule   the rule named
 * @param thread 1-based, as in the generated log
 * @param index  1-based index of the unexplained step in that thread's log
 * @param step   the unexplained step
 * @param pc     the thread's pc in CancelAllAlgo at that point
 * @param text   one paragraph: the rule, the step, the steps before it on that thread
 */
public record AlgoDiagnosis(Rule rule, int thread, int index, Step step, String pc, String text) {

    /** The steps each pc of CancelAllAlgo allows next (CancelAllAlgo's actions, by the log's names). */
    private static final Map<String, Set<String>> NEXT = Map.ofEntries(
            Map.entry("idle", Set.of("BeginRead", "SignalClaim", "FinishClaim", "CancelClose", "CasLost", "ClaimRefused")),
            Map.entry("publish", Set.of("BeginPublish")),
            Map.entry("recheck", Set.of("BeginRecheck")),
            Map.entry("selfcancel", Set.of("BeginSelfCancel")),
            Map.entry("scheck", Set.of("SignalCheck")),
            Map.entry("callback", Set.of("BatchNext", "SignalReturn", "CancelClose")),
            Map.entry("throwing", Set.of("SignalThrow")),
            Map.entry("fcheck", Set.of("FinishCheck")),
            Map.entry("fdecideOpen", Set.of("FinishDecide")),
            Map.entry("fdecideClosed", Set.of("FinishDecide")),
            Map.entry("sweep", Set.of("CancelSweep", "CancelReturn", "CasLost")),
            Map.entry("unlink", Set.of("Unlink")),
            Map.entry("send", Set.of("SendFinal")));

    /** The rule each step keeps (the rule its CancelAllAlgo action is there for). */
    private static final Map<String, Rule> RULE_OF_STEP = Map.ofEntries(
            Map.entry("BeginRead", Rule.SC08), Map.entry("BeginPublish", Rule.SC06), Map.entry("BeginRecheck", Rule.SC06),
            Map.entry("BeginSelfCancel", Rule.SC06), Map.entry("SignalClaim", Rule.SC09), Map.entry("SignalCheck", Rule.SC04),
            Map.entry("BatchNext", Rule.SC04), Map.entry("SignalReturn", Rule.SC04), Map.entry("SignalThrow", Rule.SC15),
            Map.entry("FinishClaim", Rule.SC09), Map.entry("FinishCheck", Rule.SC05), Map.entry("FinishDecide", Rule.SC05),
            Map.entry("CancelClose", Rule.SC01), Map.entry("CancelSweep", Rule.SC01), Map.entry("CancelReturn", Rule.SC01),
            Map.entry("Unlink", Rule.SC13), Map.entry("SendFinal", Rule.SC03), Map.entry("CasLost", Rule.SC09),
            Map.entry("ClaimRefused", Rule.SC09));

    /** The rule of the step each pc waits for. */
    private static final Map<String, String> EXPECTED = Map.ofEntries(
            Map.entry("publish", "BeginPublish"), Map.entry("recheck", "BeginRecheck"), Map.entry("selfcancel", "BeginSelfCancel"),
            Map.entry("scheck", "SignalCheck"), Map.entry("callback", "SignalReturn"), Map.entry("throwing", "SignalThrow"),
            Map.entry("fcheck", "FinishCheck"), Map.entry("fdecideOpen", "FinishDecide"), Map.entry("fdecideClosed", "FinishDecide"),
            Map.entry("sweep", "CancelReturn"), Map.entry("unlink", "Unlink"), Map.entry("send", "SendFinal"));

    static AlgoDiagnosis of(List<List<Step>> threads, int[] pos, String[] pc) {
        return of(threads, new int[threads.size()], pos, pc);
    }

    /** {@code threads} one segment's steps, {@code offsets} each thread's steps before it (the numbers shown are the whole log's). */
    static AlgoDiagnosis of(List<List<Step>> threads, int[] offsets, int[] pos, String[] pc) {
        int chosen = -1;
        boolean skipped = false;
        for (int t = 0; t < threads.size(); t++) {
            if (pos[t] >= threads.get(t).size() || heldBack(threads, pos, t)) continue;
            boolean allowed = NEXT.getOrDefault(pc[t], Set.of()).contains(threads.get(t).get(pos[t]).action());
            if (chosen < 0 || (!allowed && !skipped)) {
                chosen = t;
                skipped = !allowed;
            }
        }
        if (chosen < 0 && Arrays.stream(pc).allMatch("idle"::equals)) return pendingAtQuiet(threads, offsets);
        if (chosen < 0) { // every step explained, yet not accepted: some thread is still inside an operation
            int t = 0;
            while (t < pc.length - 1 && pc[t].equals("idle")) t++;
            String text = "every step is explained, but thread " + (t + 1) + " is left at pc \"" + pc[t]
                    + "\": its log ends inside an operation (SC-10: every call it started must end)";
            return new AlgoDiagnosis(Rule.SC10, t + 1, offsets[t] + threads.get(t).size(), null, pc[t], text);
        }
        List<Step> log = threads.get(chosen);
        Step step = log.get(pos[chosen]);
        String expected = EXPECTED.get(pc[chosen]);
        Rule rule = skipped && expected != null ? RULE_OF_STEP.get(expected) : RULE_OF_STEP.getOrDefault(step.action(), Rule.SC01);
        StringBuilder b = new StringBuilder(rule.id()).append(" violated: ").append(rule.summary()).append('\n');
        int at = offsets[chosen];
        b.append("  thread ").append(chosen + 1).append(", step ").append(at + pos[chosen] + 1).append(": ").append(show(step));
        if (skipped) b.append(" cannot follow where CancelAllAlgo has the thread (pc \"").append(pc[chosen])
                .append("\", next ").append(NEXT.getOrDefault(pc[chosen], Set.of())).append(')');
        else b.append(": no interleaving of the other threads' logged steps gives the values it logged");
        b.append("\n  its steps before:");
        for (int i = Math.max(0, pos[chosen] - 4); i < pos[chosen]; i++) b.append("\n    ").append(at + i + 1).append(": ").append(show(log.get(i)));
        return new AlgoDiagnosis(rule, chosen + 1, at + pos[chosen] + 1, step, pc[chosen], b.toString());
    }

    /**
     * Every step explained, every thread idle, yet not accepted: the segment ends at a quiet point with a
     * call that has no final (begun, never sent one). SC-10: every call ends; at a quiet point none is pending.
     */
    private static AlgoDiagnosis pendingAtQuiet(List<List<Step>> threads, int[] offsets) {
        Set<String> ended = new HashSet<>();
        for (List<Step> steps : threads) for (Step s : steps) if (s.action().equals("SendFinal")) ended.add(s.call());
        for (int t = 0; t < threads.size(); t++) {
            List<Step> steps = threads.get(t);
            for (int i = 0; i < steps.size(); i++) {
                Step s = steps.get(i);
                if (!s.action().equals("BeginRead") || ended.contains(s.call())) continue;
                String text = Rule.SC10.id() + " violated: " + Rule.SC10.summary() + "\n  every step is explained, but call " + s.call()
                        + " (begun by thread " + (t + 1) + ", step " + (offsets[t] + i + 1)
                        + ") has no final at the quiet point that ends its segment, where no call may be pending";
                return new AlgoDiagnosis(Rule.SC10, t + 1, offsets[t] + i + 1, s, "idle", text);
            }
        }
        String text = Rule.SC10.id() + " violated: " + Rule.SC10.summary()
                + "\n  every step is explained, but a call has no final at the quiet point that ends the segment";
        return new AlgoDiagnosis(Rule.SC10, 1, offsets[0], null, "idle", text);
    }

    /** Thread t's next step waits for another thread's operation that returned before t's was invoked: not its own fault. */
    private static boolean heldBack(List<List<Step>> threads, int[] pos, int t) {
        Step next = threads.get(t).get(pos[t]);
        for (int u = 0; u < threads.size(); u++) {
            if (u != t && pos[u] < threads.get(u).size() && threads.get(u).get(pos[u]).ret() < next.inv()) return true;
        }
        return false;
    }

    private static String show(Step s) {
        StringBuilder b = new StringBuilder(s.action());
        if (s.sink() != null) b.append(' ').append(s.sink());
        if (s.call() != null) b.append(' ').append(s.call());
        if (s.k() != 0) b.append(" k=").append(s.k());
        if (s.x() != null) b.append(' ').append(s.x());
        return b.toString();
    }
}
