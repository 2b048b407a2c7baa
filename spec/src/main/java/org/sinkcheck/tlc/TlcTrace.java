package org.sinkcheck.tlc;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An error trace as TLC prints it: states 1..n, each but the first reached by a named action, and for a
 * liveness counterexample how it ends: looping back to an earlier state, or stuttering forever.
 *
 * @param states  the states in order; {@code states.get(0)} is initial
 * @param actions {@code actions.get(i)} is the TLC label of the step into {@code states.get(i + 1)}
 * @param loop    how an infinite behaviour continues after the last state
 */
public record TlcTrace(List<TlaState> states, List<String> actions, Loop loop) {

    /** How a liveness counterexample continues forever; {@link #NONE} for a finite (safety) trace. */
    public sealed interface Loop {
        Loop NONE = new None();
        Loop STUTTERING = new Stuttering();

        record None() implements Loop {}

        /** Nothing changes any more. */
        record Stuttering() implements Loop {}

        /** Action {@code action} leads back to state {@code state} (1-based), and the loop repeats. */
        record BackTo(int state, String action) implements Loop {}
    }

    public TlcTrace {
        states = List.copyOf(states);
        actions = List.copyOf(actions);
        if (actions.size() != states.size() - 1) throw new IllegalArgumentException(states.size() + " states need " + (states.size() - 1) + " actions");
    }

    /** The number of actions from the initial state to the last state printed. */
    public int length() { return actions.size(); }

    private static final Pattern HEADER = Pattern.compile("^State (\\d+): (.*)$");
    private static final Pattern ACTION = Pattern.compile("^<(\\w+)(?:\\(.*\\))?(?: line \\d+.*)?>$");
    private static final Pattern BACK_TO = Pattern.compile("^Back to state (\\d+)(?:: (.*))?$");

    /** The trace in TLC's output {@code log}, or null if there is none. */
    static TlcTrace parse(String log) {
        List<TlaState> states = new ArrayList<>();
        List<String> actions = new ArrayList<>();
        Loop loop = Loop.NONE;
        String[] lines = log.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            Matcher h = HEADER.matcher(lines[i]);
            if (!h.matches()) continue;
            String what = h.group(2).strip();
            if (what.equals("Stuttering")) {
                loop = Loop.STUTTERING;
                continue;
            }
            Matcher back = BACK_TO.matcher(what);
            if (back.matches()) {
                loop = new Loop.BackTo(Integer.parseInt(back.group(1)), back.group(2) == null ? "?" : actionName(back.group(2)));
                continue;
            }
            StringBuilder body = new StringBuilder();
            while (i + 1 < lines.length && !lines[i + 1].isBlank() && !HEADER.matcher(lines[i + 1]).matches()) {
                body.append(lines[++i]).append('\n');
            }
            if (!states.isEmpty()) actions.add(actionName(what));
            states.add(TlaState.parse(body.toString()));
        }
        return states.isEmpty() ? null : new TlcTrace(states, actions, loop);
    }

    /** {@code <Begin line 82, col 5 to … of module CancelAll>} is {@code Begin}. */
    private static String actionName(String header) {
        Matcher m = ACTION.matcher(header.strip());
        return m.matches() ? m.group(1) : header.strip();
    }
}
