package org.sinkcheck.tlc;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The state graph TLC writes with {@code -dump dot,actionlabels FILE}: its states (node labels parsed
 * into {@link TlaState}s) and its edges labelled with action names. Nodes are numbered in file order;
 * TLC marks the initial states with {@code style = filled}.
 *
 * <p>When TLC also checks liveness it adds, for every state, an unlabelled dashed self-loop: the
 * implicit stuttering step of TLA+, not an action of the spec. Those are left out of {@link #edges()}.
 *
 * <p>It is how sinkcheck proves the executable model equals the TLA+ spec, state for state and edge for
 * edge ({@code ModelEqualsTlcTest}), rather than trusting two hand-written mirrors to agree.
 */
public record DotGraph(List<TlaState> states, List<Integer> initial, List<Edge> edges) {

    /** A transition of TLC's graph, between node numbers. */
    public record Edge(int from, String action, int to) {}

    private static final Pattern NODE = Pattern.compile("^(-?\\d+) \\[label=\"");
    private static final Pattern EDGE = Pattern.compile("^(-?\\d+) -> (-?\\d+)(?: \\[label=\"([^\"]*)\")?");

    public DotGraph {
        states = Collections.unmodifiableList(states);
        initial = List.copyOf(initial);
        edges = Collections.unmodifiableList(edges);
    }

    public static DotGraph read(Path file) {
        Map<String, Integer> ids = new HashMap<>();
        List<TlaState> states = new ArrayList<>();
        List<Integer> initial = new ArrayList<>();
        List<String[]> rawEdges = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int lineNo = 0;
            for (String line; (line = in.readLine()) != null; ) {
                lineNo++;
                Matcher edge = EDGE.matcher(line);
                if (edge.find()) {
                    if (edge.group(3) == null && line.contains("dashed")) continue;   // implicit stuttering
                    rawEdges.add(new String[] {edge.group(1), edge.group(3) == null ? "" : edge.group(3), edge.group(2)});
                    continue;
                }
                Matcher node = NODE.matcher(line);
                if (!node.find()) continue;
                int close = closingQuote(line, node.end());
                if (close < 0) throw new IllegalArgumentException(file + ":" + lineNo + ": unterminated node label");
                if (ids.putIfAbsent(node.group(1), states.size()) != null) continue;
                try {
                    states.add(TlaState.parse(unescape(line.substring(node.end(), close))));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(file + ":" + lineNo + ": " + e.getMessage(), e);
                }
                if (line.substring(close).contains("filled")) initial.add(states.size() - 1);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read TLC's state graph " + file, e);
        }
        List<Edge> edges = new ArrayList<>(rawEdges.size());
        for (String[] e : rawEdges) {
            Integer from = ids.get(e[0]);
            Integer to = ids.get(e[2]);
            if (from == null || to == null) throw new IllegalArgumentException(file + ": edge to an unknown node " + e[0] + " -> " + e[2]);
            edges.add(new Edge(from, e[1], to));
        }
        return new DotGraph(states, initial, edges);
    }

    private static int closingQuote(String line, int from) {
        for (int i = from; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\') i++;
            else if (c == '"') return i;
        }
        return -1;
    }

    /** DOT escapes: {@code \"}, {@code \\}, and {@code \n} for a line break. */
    private static String unescape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                b.append(n == 'n' ? '\n' : n);
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
