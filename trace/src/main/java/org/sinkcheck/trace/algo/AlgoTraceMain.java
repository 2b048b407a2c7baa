package org.sinkcheck.trace.algo;

import java.nio.file.Path;
import org.sinkcheck.reference.StepLog;

/**
 * Records the reference sink step by step under {@link AlgoTraceWorkload} into a step log file
 * ({@link StepTrace}): {@code THREADS OPS ROUNDS SEED FILE}. {@code ./sinkcheck trace --algo} runs it in a
 * child JVM with {@code -Dsinkcheck.reference.steps=true} (the gate's own JVM keeps the hooks compiled
 * out) and validates the file. Exit 0 written, 2 bad arguments or the step log off.
 */
public final class AlgoTraceMain {
    private AlgoTraceMain() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        int threads;
        int ops;
        int rounds;
        long seed;
        try {
            if (args.length != 5) throw new NumberFormatException("expected THREADS OPS ROUNDS SEED FILE, got " + args.length + " arguments");
            threads = Integer.parseInt(args[0]);
            ops = Integer.parseInt(args[1]);
            rounds = Integer.parseInt(args[2]);
            seed = Long.parseLong(args[3]);
            if (threads < 1 || ops < 1 || rounds < 1) throw new NumberFormatException("THREADS, OPS and ROUNDS must be positive");
        } catch (NumberFormatException e) {
            System.err.println("bad arguments: " + e.getMessage());
            return 2;
        }
        if (!StepLog.ON) {
            System.err.println("the reference sink's step log is off: run the JVM with -Dsinkcheck.reference.steps=true");
            return 2;
        }
        StepTrace trace = AlgoTraceWorkload.record(threads, ops, rounds, seed);
        Path file = Path.of(args[4]);
        trace.write(file);
        System.out.println("recorded " + trace.steps() + " steps of " + trace.threads().size() + " threads in " + rounds
                + " rounds (" + trace.quiet().size() + " quiet points) on the reference sink: " + file);
        return 0;
    }
}
