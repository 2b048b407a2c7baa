package org.sinkcheck.trace.algo;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.sinkcheck.reference.StepLog;
import org.sinkcheck.reference.StepLog.Step;

/**
 * Records the reference sink step by step under {@link AlgoTraceWorkload} and has TLC check the log
 * against CancelAllAlgo.tla: {@code THREADS OPS SEED [WORKERS]}. Exit 0 accepted, 1 rejected (the rule
 * and the unexplained step), 2 bad input, 3 TLC could not check it. The JVM needs
 * {@code -Dsinkcheck.reference.steps=true} (docs/trace.md gives the command).
 */
public final class AlgoTraceMain {
    private AlgoTraceMain() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        int threads;
        int ops;
        long seed;
        int workers;
        try {
            if (args.length < 3 || args.length > 4) throw new NumberFormatException("expected THREADS OPS SEED [WORKERS], got " + args.length + " arguments");
            threads = Integer.parseInt(args[0]);
            ops = Integer.parseInt(args[1]);
            seed = Long.parseLong(args[2]);
            workers = args.length == 4 ? Integer.parseInt(args[3]) : 1;
            if (threads < 1 || ops < 1 || workers < 1) throw new NumberFormatException("THREADS, OPS and WORKERS must be positive");
        } catch (NumberFormatException e) {
            System.err.println("bad arguments: " + e.getMessage());
            return 2;
        }
        if (!StepLog.ON) {
            System.err.println("the reference sink's step log is off: run the JVM with -Dsinkcheck.reference.steps=true");
            return 2;
        }
        List<List<Step>> log = AlgoTraceWorkload.run(threads, ops, seed);
        AlgoTraceValidator.Verdict verdict =
                new AlgoTraceValidator(workers, Path.of("target", "algo-trace"), Duration.ofMinutes(30)).validate(log);
        System.out.println(verdict.summary());
        return verdict.error() != null ? 3 : verdict.accepted() ? 0 : 1;
    }
}
