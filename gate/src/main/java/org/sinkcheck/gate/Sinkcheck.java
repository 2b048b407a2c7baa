package org.sinkcheck.gate;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.sinkcheck.kit.Adapters;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * {@code ./sinkcheck}: the command line of the gate. Exit codes are the contract CI relies on:
 * {@value #OK} every required rule holds, {@value #VIOLATION} a rule is violated, {@value #USAGE} a usage or
 * configuration error (one line on stderr; the stack trace only under {@code --verbose}),
 * {@value #INTERNAL} sinkcheck itself failed, or one of its tools crashed ({@link ToolCrash}: one line naming
 * the tool and its log). {@link #run} never calls {@code System.exit}, so tests and
 * other tools can drive it in-process; only {@link #main} does.
 */
@Command(name = "sinkcheck",
        description = {
            "Checks an asynchronous sink against the cancel-all contract (RULES.md, SC-01..SC-16):",
            "cancel() on a sink ends all of its own outstanding calls and never another sink's."},
        synopsisSubcommandLabel = "COMMAND",
        usageHelpWidth = 110,
        subcommands = {CheckCommand.class, SpecCommand.class, StressCommand.class, SoakCommand.class, TraceCommand.class, BenchCommand.class},
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0  every required rule holds",
            "  1  a rule is violated: the rule, its counterexample and the command that reproduces it are printed",
            "  2  usage or configuration error (one line on stderr; add --verbose for the stack trace)",
            "  3  sinkcheck or one of its tools (TLC, jcstress, Lincheck) failed: one line names it and where its log is",
            "     (never a rule failure; sinkcheck's own bug: please report it with the --verbose output)",
            "",
            "Start with: ./sinkcheck check            (the bundled reference sink)",
            "            ./sinkcheck check --sink com.example.MyAdapter --classpath my-sink.jar:my-adapter.jar"})
public final class Sinkcheck implements Callable<Integer> {
    public static final int OK = 0;
    public static final int VIOLATION = 1;
    public static final int USAGE = 2;
    public static final int INTERNAL = 3;

    @Mixin
    CommonOptions common;

    final PrintStream out;
    final PrintStream err;

    private Sinkcheck(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Spec
    CommandSpec spec;

    /** No subcommand: a usage error. */
    @Override
    public Integer call() {
        err.println(usageLine(spec.commandLine(), "a command is needed"));
        return USAGE;
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(out, err, args));
    }

    /** Runs the command line and returns its exit code. */
    public static int run(PrintStream out, PrintStream err, String... args) {
        CommandLine cli = new CommandLine(new Sinkcheck(out, err));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setParameterExceptionHandler((e, ignored) -> usageError(e, err));
        cli.setExecutionExceptionHandler((e, command, parsed) -> executionError(e, err, isVerbose(parsed)));
        return cli.execute(args);
    }

    /** Whether {@code --verbose} was given before the subcommand or in {@code sub}, its own options. */
    boolean verbose(CommonOptions sub) {
        return common.verbose || sub.verbose;
    }

    private static int usageError(ParameterException e, PrintStream err) {
        CommandLine command = e.getCommandLine();
        String what = e.getMessage();
        if (e instanceof UnmatchedArgumentException unmatched && !command.getSubcommands().isEmpty()
                && !unmatched.getUnmatched().isEmpty() && !unmatched.getUnmatched().get(0).startsWith("-")) {
            what = "unknown command '" + unmatched.getUnmatched().get(0) + "' (commands: "
                    + String.join(", ", command.getSubcommands().keySet()) + ")";
        }
        err.println(usageLine(command, what));
        return USAGE;
    }

    /** One line: what was wrong, and how {@code command} is used. */
    static String usageLine(CommandLine command, String what) {
        String name = command.getCommandSpec().qualifiedName();
        String synopsis = name + (command.getSubcommands().isEmpty() ? " [OPTIONS]" : " [OPTIONS] COMMAND");
        return "sinkcheck: " + lowerFirst(what) + "; usage: " + synopsis + " (see '" + name + " --help')";
    }

    private static int executionError(Exception e, PrintStream err, boolean verbose) {
        if (e instanceof ToolCrash) {
            err.println("sinkcheck: " + e.getMessage());
            return INTERNAL;
        }
        if (e instanceof GateException) {
            err.println("sinkcheck: " + e.getMessage());
            if (verbose) printCauseTrace(e, err);
            return USAGE;
        }
        err.println("sinkcheck: internal error: " + Adapters.oneLine(e)
                + (verbose ? "" : " (run again with --verbose for the stack trace)"));
        if (verbose) e.printStackTrace(err);
        return INTERNAL;
    }

    private static void printCauseTrace(Exception e, PrintStream err) {
        (e.getCause() != null ? e.getCause() : e).printStackTrace(err);
    }

    /** {@code --verbose} given to the top command or to the subcommand that ran. */
    private static boolean isVerbose(ParseResult parsed) {
        for (ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption(CommonOptions.VERBOSE)) return true;
        }
        return false;
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toLowerCase(Locale.ROOT) + s.substring(1);
    }
}
