package org.sinkcheck.stress;

import java.io.IOException;
import java.io.PrintStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.sinkcheck.reference.adapter.SinkUnderTest;
import org.sinkcheck.kit.AdapterLoadException;
import org.sinkcheck.kit.Adapters;
import org.sinkcheck.kit.Capability;
import org.sinkcheck.kit.ContextLoader;
import org.sinkcheck.kit.SinkAdapter;
import org.sinkcheck.rules.Rule;
import org.sinkcheck.stress.lincheck.LincheckMain;

/**
 * The stress tier on any sink: runs every applicable race of {@link Races} under jcstress, and Lincheck
 * ({@code org.sinkcheck.stress.lincheck}), against the adapter class the caller names, and grades the run.
 * This is what {@code ./sinkcheck stress [--mode sanity|quick|tough] [--sink X] [--classpath …]} calls;
 * it never exits the JVM.
 *
 * <p>Both tools run in child JVMs whose working folder is {@link Options#workDir()}, where jcstress
 * leaves its result blob and its HTML report ({@code jcstress/index.html}) and both leave their logs. The
 * children get this JVM's class path plus the caller's entries, and the adapter through the system
 * property {@value Adapters#PROPERTY}; jcstress hands it on to its own forked JVMs
 * ({@link StressMode}).
 *
 * <p>A race with more actors than this machine has CPUs, which jcstress does not run, is played by
 * Lincheck's model checking instead when it has a model-checked form ({@link Races#MODEL_CHECKED}), and
 * the report names the engine that played each race ({@link Result#engine}): no silent switch.
 *
 * <p>Exit codes: 0 when every race that ran was clean and Lincheck passed or could not run; 1 when
 * jcstress saw a FORBIDDEN outcome (each named with its rule), a race errored, Lincheck failed (on its
 * scenarios or on a model-checked race), or a run hung past its timeout; 2 when nothing could be run (the
 * adapter does not load); 3 when jcstress or Lincheck crashed (its JVM did not start, jcstress ended
 * without results, Lincheck failed inside itself): a tool error, never a rule failure, named in one line
 * with where its log is ({@link Result#crashed()}). A race the sink's capabilities rule out is reported
 * NOT APPLICABLE, one this machine has too few CPUs for and no model-checked form NOT RUN, and Lincheck
 * on a sink it cannot run (one with threads of its own) NOT RUN with the reason: none of them is a pass,
 * and none is a rule failure.
 */
public final class StressRunner {
    private StressRunner() {}

    /** What to run. Build with {@link #of} and the {@code with…} methods. */
    public record Options(StressMode mode, String adapterClassName, List<Path> classpath, Path workDir,
                          Optional<Pattern> only, boolean jcstress, boolean lincheck, boolean echo, List<String> jvmOptions,
                          int traceSamples, int lincheckIterations, int lincheckInvocations) {
        /** Every race and Lincheck, on {@code adapterClassName}, in {@code workDir}; child output not echoed. */
        public static Options of(StressMode mode, String adapterClassName, Path workDir) {
            return new Options(mode, adapterClassName, List.of(), workDir, Optional.empty(), true, true, false, List.of(), 0,
                    mode.lincheckIterations(), mode.lincheckInvocations());
        }

        /** Options for every child JVM of the tier (jcstress, its forks, Lincheck): a heap size, a collector. */
        public Options withJvmOptions(List<String> options) {
            return new Options(mode, adapterClassName, classpath, workDir, only, jcstress, lincheck, echo, List.copyOf(options), traceSamples, lincheckIterations, lincheckInvocations);
        }

        /** Extra class path entries where the adapter and the sink live. */
        public Options withClasspath(List<Path> entries) {
            return new Options(mode, adapterClassName, List.copyOf(entries), workDir, only, jcstress, lincheck, echo, jvmOptions, traceSamples, lincheckIterations, lincheckInvocations);
        }

        /** Only the races whose simple name matches {@code regex} (found anywhere in the name). */
        public Options withOnly(String regex) {
            return new Options(mode, adapterClassName, classpath, workDir, Optional.of(Pattern.compile(regex)), jcstress, lincheck, echo, jvmOptions, traceSamples, lincheckIterations, lincheckInvocations);
        }

        public Options withJcstress(boolean run) {
            return new Options(mode, adapterClassName, classpath, workDir, only, run, lincheck, echo, jvmOptions, traceSamples, lincheckIterations, lincheckInvocations);
        }

        public Options withLincheck(boolean run) {
            return new Options(mode, adapterClassName, classpath, workDir, only, jcstress, run, echo, jvmOptions, traceSamples, lincheckIterations, lincheckInvocations);
        }

        /**
         * Records the first {@code samples} samples of each race in each jcstress fork as one NDJSON trace per
         * race and fork, in {@link #raceTraceFolder} (0, the default: nothing is recorded, and the races run
         * untouched). Validating them needs TLC, which this module does not have: the gate does it.
         */
        public Options withTrace(int samples) {
            if (samples < 0) throw new IllegalArgumentException("the samples to trace per race must be 0 or more, not " + samples);
            return new Options(mode, adapterClassName, classpath, workDir, only, jcstress, lincheck, echo, jvmOptions, samples, lincheckIterations, lincheckInvocations);
        }

        /**
         * Lincheck's budget instead of the mode's: {@code iterations} generated scenarios (the written-out ones
         * always run) and up to {@code invocations} interleavings of each; a test's small recorded run.
         */
        public Options withLincheckBudget(int iterations, int invocations) {
            if (iterations < 0 || invocations < 1) throw new IllegalArgumentException("Lincheck's budget must be 0 or more scenarios and 1 or more interleavings, not " + iterations + " x " + invocations);
            return new Options(mode, adapterClassName, classpath, workDir, only, jcstress, lincheck, echo, jvmOptions, traceSamples, iterations, invocations);
        }

        /** Echo jcstress's and Lincheck's own output to the caller's stream as it comes. */
        public Options withEcho(boolean echoChildren) {
            return new Options(mode, adapterClassName, classpath, workDir, only, jcstress, lincheck, echoChildren, jvmOptions, traceSamples, lincheckIterations, lincheckInvocations);
        }
    }

    /**
     * How the run ended. {@link #summary()} is what {@link #run} printed last; {@code ran} are the races
     * jcstress ran, {@code hung} whether it was stopped at its timeout; {@code crashed}, one line naming the
     * tool that crashed and where its log is (then nothing was decided, and the exit code is
     * {@value #CRASHED}); {@code forksEnded}, a line per jcstress fork the sink's non-daemon threads kept
     * alive after its work was done, which {@link ForkWatchdog} ended; {@code leftOut}, the races not run
     * because they need a capability the sink does not declare, each with the first such capability (their
     * {@code notRun} line says so in words).
     */
    public record Result(int exitCode, Optional<Path> htmlReport, List<JcstressReport.Forbidden> forbidden,
                         List<String> raceErrors, List<String> notRun, LincheckReport lincheck, String summary,
                         List<Class<?>> ran, boolean hung, Optional<String> crashed, List<String> forksEnded,
                         Map<Class<?>, LincheckReport> modelChecked, Map<Class<?>, Capability> leftOut) {
        /** The exit code of a run in which a tool crashed: never a rule failure. */
        public static final int CRASHED = 3;

        public boolean passed() { return exitCode == 0; }

        /**
         * The engine that played {@code race} to its end: jcstress, or Lincheck's model checking for a race
         * with more actors than this machine has CPUs ({@link Races#MODEL_CHECKED}); empty if neither did.
         */
        public Optional<String> engine(Class<?> race) {
            if (ran.contains(race)) return Optional.of(JCSTRESS);
            LincheckReport checked = modelChecked.get(race);
            return checked != null && checked.judged() ? Optional.of(MODEL_CHECKING) : Optional.empty();
        }

        /**
         * Why the races that cover {@code rule} ({@link Races#covers}) did not decide it, or empty when they
         * did: every one of them ran to its end, and none saw a FORBIDDEN outcome or an error. A rule is
         * decided by its own races, not by the whole tier: a race left out for want of CPUs, or one that
         * failed on another rule, leaves undecided only the rules it covers. A race that needs a capability
         * the sink lacks plays a part of the rule the sink does not have (progress, for a sink without
         * progress signals), so it is left out of the decision, unless every race of the rule is; that one
         * is named in the evidence. A FORBIDDEN outcome naming {@code rule} itself is a failure, which the
         * caller reports from {@link #forbidden()}.
         */
        public Optional<String> undecided(Rule rule) {
            List<Class<?>> covering = Races.covering(rule);
            if (covering.isEmpty()) return Optional.of("no race covers " + rule);
            if (hung) return Optional.of("jcstress did not finish within its timeout");
            List<Class<?>> applicable = covering.stream().filter(race -> !notApplicable(race)).toList();
            if (!applicable.isEmpty()) covering = applicable;
            List<String> why = new ArrayList<>();
            for (Class<?> race : covering) {
                String name = race.getSimpleName();
                Set<String> otherRules = forbidden.stream().filter(f -> f.test().equals(race.getName()))
                        .map(f -> f.rule().map(Rule::id).orElse("no rule")).filter(id -> !id.equals(rule.id()))
                        .collect(Collectors.toCollection(java.util.TreeSet::new));
                LincheckReport checked = modelChecked.get(race);
                if (checked != null) {
                    if (!checked.judged()) {
                        why.add(name + ": NOT RUN under jcstress (too few CPUs) nor under Lincheck: " + checked.headline());
                    } else if (checked.verdict() == LincheckReport.Verdict.FAILED && !checked.rule().equals(Optional.of(rule))) {
                        why.add(name + ": failed under Lincheck on " + checked.rule().map(Rule::id).orElse(checked.headline())
                                + " first, which can hide " + rule);
                    }
                } else if (!ran.contains(race)) {
                    why.add(notRun.stream().filter(line -> line.startsWith(name + ":")).findFirst().orElse(name + ": not run"));
                } else if (raceErrors.contains(race.getName())) {
                    why.add(name + ": the race errored");
                } else if (!otherRules.isEmpty()) {
                    why.add(name + ": failed on " + String.join(", ", otherRules) + " first, which can hide " + rule);
                }
            }
            return why.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", why));
        }

        /** Whether {@code race} was not run because it needs a capability the sink does not declare. */
        public boolean notApplicable(Class<?> race) {
            return leftOut.containsKey(race);
        }
    }

    /**
     * Runs the tier. The adapter's loader is this thread's context class loader while the adapter's code
     * runs here (its capabilities, whether it has threads of its own); in the child JVMs the adapter is on
     * the class path, so its loader is the application class loader, every thread's context class loader
     * there by default (jcstress's actor threads and the sink's own inherit it).
     */
    public static Result run(Options options, PrintStream out) throws IOException, InterruptedException {
        ClassLoader loader;
        try {
            loader = loaderOf(options);
        } catch (AdapterLoadException e) {
            return notLoaded(e, out);
        }
        try (ContextLoader ignored = ContextLoader.set(loader)) {
            return run(options, loader, out);
        }
    }

    private static Result notLoaded(AdapterLoadException e, PrintStream out) {
        String summary = "sinkcheck stress: " + e.getMessage();
        out.println(summary);
        return new Result(2, Optional.empty(), List.of(), List.of(), List.of(), LincheckReport.notRun(e.getMessage()), summary,
                List.of(), false, Optional.empty(), List.of(), Map.of(), Map.of());
    }

    private static Result run(Options options, ClassLoader loader, PrintStream out) throws IOException, InterruptedException {
        Set<Capability> capabilities;
        String sinkName;
        SinkAdapter<?, ?> adapter;
        try {
            adapter = Adapters.load(options.adapterClassName(), loader);
            capabilities = EnumSet.noneOf(Capability.class);
            capabilities.addAll(adapter.capabilities());
            sinkName = adapter.name();
        } catch (AdapterLoadException e) {
            return notLoaded(e, out);
        }
        String classpath = classpath(options);
        List<String> property = childJvmOptions(options);
        List<String> forkOptions = new ArrayList<>(property);
        forkOptions.add("-D" + ForkWatchdog.GRACE_PROPERTY + "=" + ForkWatchdog.GRACE.toMillis());
        PrintStream echo = echo(options, out);

        List<Class<?>> races = new ArrayList<>();
        List<Class<?>> toModelCheck = new ArrayList<>();
        List<String> notRun = new ArrayList<>();
        Map<Class<?>, Capability> leftOut = new LinkedHashMap<>();
        if (options.jcstress()) selectRaces(options, capabilities, races, toModelCheck, notRun, leftOut);
        JcstressReport jcstress = null;
        boolean jcstressHung = false;
        Optional<String> crashed = Optional.empty();
        if (!races.isEmpty()) {
            String selection = races.stream().map(r -> Pattern.quote(r.getName())).collect(Collectors.joining("|", "^(", ")$"));
            List<String> args = new ArrayList<>(options.mode().jcstressOptions(String.join(" ", forkOptions)));
            args.addAll(List.of("-t", selection, "-r", "jcstress"));
            out.println("sinkcheck stress: jcstress " + options.mode().name().toLowerCase() + " on " + sinkName
                    + ", " + races.size() + " races (log: " + options.workDir().resolve("jcstress.log") + ")");
            ChildJvm.Outcome run = ChildJvm.run(classpath, property, "org.openjdk.jcstress.Main", args,
                    options.workDir(), "jcstress.log", options.mode().timeout(), echo);
            jcstress = JcstressReport.parse(run.lines());
            jcstressHung = run.timedOut();
            if (!jcstressHung && !jcstress.finished()) {
                crashed = Optional.of("jcstress crashed: " + run.why() + " (log: " + options.workDir().resolve("jcstress.log") + ")");
            }
        }

        Map<Class<?>, LincheckReport> modelChecked = new LinkedHashMap<>();
        if (crashed.isEmpty()) {
            for (Class<?> race : toModelCheck) modelChecked.put(race, modelCheck(race, options, adapter, out));
        }
        for (Map.Entry<Class<?>, LincheckReport> checked : modelChecked.entrySet()) {
            if (checked.getValue().verdict() == LincheckReport.Verdict.CRASHED && crashed.isEmpty()) {
                crashed = Optional.of(checked.getValue().headline() + " (log: " + options.workDir().resolve(modelCheckLog(checked.getKey())) + ")");
            }
        }
        LincheckReport lincheck = crashed.isPresent() ? LincheckReport.notRun("a tool crashed first")
                : options.lincheck() ? lincheck(options, capabilities, adapter, classpath, property, echo, out)
                : LincheckReport.notRun("not asked for");
        if (lincheck.verdict() == LincheckReport.Verdict.CRASHED) {
            crashed = Optional.of(lincheck.headline() + " (log: " + options.workDir().resolve("lincheck.log") + ")");
        }
        return grade(options, sinkName, races, jcstress, jcstressHung, notRun, leftOut, modelChecked, lincheck, crashed,
                forksEnded(options.workDir()), out);
    }

    /**
     * Where a run with {@link Options#withTrace} leaves its races' traces: one file per race and jcstress fork,
     * {@code <race>-<pid>.ndjson}, whose segments are the race's samples.
     */
    public static Path raceTraceFolder(Path workDir) { return workDir.resolve("race-traces"); }

    /** What {@link ForkWatchdog} wrote in the run folder: one line per fork it ended. */
    private static List<String> forksEnded(Path workDir) throws IOException {
        Path log = workDir.resolve(ForkWatchdog.LOG);
        return Files.isRegularFile(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
    }

    /** How a report names the engines that play races. */
    public static final String JCSTRESS = "jcstress";
    public static final String MODEL_CHECKING = "Lincheck model checking";
    /** How a {@code notRun} line starts for a race that needs a capability the sink does not declare. */
    static final String NOT_APPLICABLE = "NOT APPLICABLE: ";

    /**
     * A race with more actors than CPUs, played by Lincheck's model checking in a child JVM (its
     * interleavings need no CPU per actor), or NOT RUN with the reason when the sink runs code on threads
     * of its own, which model checking does not control.
     */
    static LincheckReport modelCheck(Class<?> race, Options options, SinkAdapter<?, ?> adapter, PrintStream out)
            throws IOException, InterruptedException {
        Optional<String> ownThread = SinkThreads.startedBy(asRaceable(adapter));
        if (ownThread.isPresent()) {
            return LincheckReport.notRun(LincheckReport.CANNOT_RUN + ": it runs code on a thread of its own ('" + ownThread.get() + "')");
        }
        String log = modelCheckLog(race);
        out.println("sinkcheck stress: " + race.getSimpleName() + " has " + Races.actors(race) + " actors and this machine "
                + cpus() + " CPUs: " + MODEL_CHECKING + " on " + adapter.name() + ", up to " + options.lincheckInvocations()
                + " interleavings (log: " + options.workDir().resolve(log) + ")");
        ChildJvm.Outcome run = ChildJvm.run(classpath(options), childJvmOptions(options), LincheckMain.class.getName(),
                List.of(race.getSimpleName(), String.valueOf(options.lincheckInvocations())),
                options.workDir(), log, options.mode().timeout(), echo(options, out));
        return LincheckReport.of(run.exitCode(), run.timedOut(), run.lines());
    }

    /** The log of a model-checked race in the run folder. */
    private static String modelCheckLog(Class<?> race) { return race.getSimpleName() + ".lincheck.log"; }

    private static int cpus() { return Runtime.getRuntime().availableProcessors(); }

    /**
     * Lincheck's model checking in a child JVM, or NOT RUN with the reason: the sink is not thread-safe,
     * or it runs code on threads of its own, which Lincheck does not control ({@link SinkThreads}).
     */
    private static LincheckReport lincheck(Options options, Set<Capability> capabilities, SinkAdapter<?, ?> adapter, String classpath,
                                           List<String> property, PrintStream echo, PrintStream out) throws IOException, InterruptedException {
        if (!capabilities.contains(Capability.THREAD_SAFE)) return LincheckReport.notRun("NOT APPLICABLE: " + Capability.THREAD_SAFE.reason());
        Optional<String> ownThread = SinkThreads.startedBy(asRaceable(adapter));
        if (ownThread.isPresent()) {
            return LincheckReport.notRun(LincheckReport.CANNOT_RUN + ": it runs code on a thread of its own ('" + ownThread.get()
                    + "'), which Lincheck's model checking does not control; the races decide its rules");
        }
        out.println("sinkcheck stress: Lincheck model checking on " + adapter.name() + ", " + options.lincheckIterations()
                + " scenarios x " + options.lincheckInvocations() + " interleavings (log: "
                + options.workDir().resolve("lincheck.log") + ")");
        ChildJvm.Outcome run = ChildJvm.run(classpath, property, LincheckMain.class.getName(),
                List.of(String.valueOf(options.lincheckIterations()), String.valueOf(options.lincheckInvocations())),
                options.workDir(), "lincheck.log", options.mode().timeout(), echo);
        return LincheckReport.of(run.exitCode(), run.timedOut(), run.lines());
    }

    @SuppressWarnings("unchecked")
    private static SinkAdapter<Object, Object> asRaceable(SinkAdapter<?, ?> adapter) {
        return (SinkAdapter<Object, Object>) adapter;
    }

    /** The loader of the adapter in this JVM: the caller's class path entries over this class's loader. */
    private static ClassLoader loaderOf(Options options) throws AdapterLoadException {
        List<URL> urls = new ArrayList<>();
        for (Path entry : options.classpath()) {
            try {
                urls.add(entry.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new AdapterLoadException("not a usable class path entry: " + entry, e);
            }
        }
        return urls.isEmpty() ? StressRunner.class.getClassLoader()
                : new URLClassLoader(urls.toArray(URL[]::new), StressRunner.class.getClassLoader());
    }

    /**
     * The options of every child JVM: the caller's ({@link Options#jvmOptions}), the adapter, which
     * reaches each through the system property {@value Adapters#PROPERTY}, and with {@link Options#withTrace}
     * what {@link RaceTraces} records: the jcstress forks their races' samples, the Lincheck JVMs their
     * scenarios' invocations.
     */
    private static List<String> childJvmOptions(Options options) {
        List<String> jvm = new ArrayList<>(options.jvmOptions());
        jvm.add("-D" + Adapters.PROPERTY + "=" + options.adapterClassName());
        if (options.traceSamples() > 0) {
            jvm.add("-D" + RaceTraces.SAMPLES_PROPERTY + "=" + options.traceSamples());
            jvm.add("-D" + RaceTraces.FOLDER_PROPERTY + "=" + raceTraceFolder(options.workDir()).toAbsolutePath());
        }
        return jvm;
    }

    /** Where the children's own output goes: the caller's stream if asked for, else nowhere (it is in their logs). */
    private static PrintStream echo(Options options, PrintStream out) {
        return options.echo() ? out : new PrintStream(java.io.OutputStream.nullOutputStream());
    }

    private static String classpath(Options options) {
        StringJoiner joined = new StringJoiner(java.io.File.pathSeparator);
        joined.add(System.getProperty("java.class.path"));
        options.classpath().forEach(entry -> joined.add(entry.toAbsolutePath().toString()));
        return joined.toString();
    }

    /**
     * The races for jcstress, and those with more actors than CPUs for Lincheck's model checking where it
     * can play them ({@link Races#MODEL_CHECKED}); the others go to {@code notRun} with the reason, never
     * silently, and those a missing capability rules out to {@code leftOut} too, with it.
     */
    private static void selectRaces(Options options, Set<Capability> capabilities, List<Class<?>> races, List<Class<?>> toModelCheck,
                                    List<String> notRun, Map<Class<?>, Capability> leftOut) {
        int cpus = cpus();
        for (Class<?> race : Races.ALL) {
            if (options.only().isPresent() && !options.only().get().matcher(race.getSimpleName()).find()) continue;
            Optional<Capability> missing = Races.requires(race).stream().filter(c -> !capabilities.contains(c)).findFirst();
            if (missing.isPresent()) {
                notRun.add(race.getSimpleName() + ": " + NOT_APPLICABLE + missing.get().reason());
                leftOut.put(race, missing.get());
            } else if (Races.actors(race) > cpus && Races.MODEL_CHECKED.contains(race)) {
                toModelCheck.add(race);
            } else if (Races.actors(race) > cpus) {
                notRun.add(race.getSimpleName() + ": NOT RUN: it needs " + Races.actors(race) + " CPUs and this machine has " + cpus);
            } else {
                races.add(race);
            }
        }
    }

    private static Result grade(Options options, String sinkName, List<Class<?>> races, JcstressReport jcstress, boolean jcstressHung,
                                List<String> notRun, Map<Class<?>, Capability> leftOut, Map<Class<?>, LincheckReport> modelChecked,
                                LincheckReport lincheck,
                                Optional<String> crashed, List<String> forksEnded, PrintStream out) {
        List<JcstressReport.Forbidden> forbidden = jcstress == null ? List.of() : jcstress.forbidden();
        List<String> errors = jcstress == null ? List.of() : jcstress.errors();
        Optional<Path> html = jcstress == null ? Optional.empty() : jcstress.html();
        StringBuilder summary = new StringBuilder();
        summary.append("sinkcheck stress ").append(options.mode().name().toLowerCase()).append(" on ").append(sinkName).append('\n');
        int n = 0;
        if (jcstress != null) {
            summary.append(++n).append(". jcstress: ").append(races.size()).append(" races; ").append(jcstress.totals()).append('\n');
        }
        for (JcstressReport.Forbidden f : forbidden) {
            summary.append(++n).append(". FORBIDDEN ").append(f.rule().map(Object::toString).orElse("(no rule)")).append(' ').append(f).append('\n');
        }
        for (String error : errors) summary.append(++n).append(". ERROR ").append(error).append(": the race threw or its JVM died; see jcstress.log\n");
        if (jcstressHung) summary.append(++n).append(". HUNG: jcstress did not finish within ").append(options.mode().timeout())
                .append(": a race may be deadlocked (SC-11, SC-16)\n");
        for (String skipped : notRun) summary.append(++n).append(". ").append(skipped).append('\n');
        for (Map.Entry<Class<?>, LincheckReport> checked : modelChecked.entrySet()) {
            LincheckReport report = checked.getValue();
            summary.append(++n).append(". ").append(checked.getKey().getSimpleName()).append(": ").append(Races.actors(checked.getKey()))
                    .append(" actors, ").append(cpus()).append(" CPUs: ").append(MODEL_CHECKING).append(' ').append(report.verdict())
                    .append(report.rule().map(r -> " " + r).orElse("")).append(": ").append(report.headline()).append('\n');
        }
        for (String ended : forksEnded) summary.append(++n).append(". FORK ENDED: ").append(ended.replaceFirst("^sinkcheck: ", "")).append('\n');
        if (crashed.isPresent()) summary.append(++n).append(". CRASHED: ").append(crashed.get()).append(": nothing was decided\n");
        summary.append(++n).append(". Lincheck: ").append(lincheck.verdict()).append(lincheck.rule().map(r -> " " + r).orElse(""))
                .append(": ").append(lincheck.headline()).append('\n');
        html.ifPresent(path -> summary.append("HTML report: ").append(path).append('\n'));
        boolean failed = !forbidden.isEmpty() || !errors.isEmpty() || jcstressHung || lincheck.verdict() == LincheckReport.Verdict.FAILED
                || modelChecked.values().stream().anyMatch(r -> r.verdict() == LincheckReport.Verdict.FAILED);
        int exitCode = crashed.isPresent() ? Result.CRASHED : failed ? 1 : 0;
        summary.append("Result: ").append(crashed.isPresent() ? "CRASHED" : failed ? "FAIL" : "PASS").append(" (exit ").append(exitCode).append(')');
        out.println(summary);
        if (lincheck.verdict() == LincheckReport.Verdict.FAILED && lincheck.hasInterleaving()) {
            out.println("Lincheck's interleaving is in " + options.workDir().resolve("lincheck.log"));
        }
        return new Result(exitCode, html, forbidden, errors, List.copyOf(notRun), lincheck, summary.toString(),
                List.copyOf(races), jcstressHung, crashed, List.copyOf(forksEnded), Collections.unmodifiableMap(modelChecked),
                Collections.unmodifiableMap(leftOut));
    }

    /**
     * {@code StressRunner <sanity|quick|tough> [adapter class] [work folder]}: the same run from a shell, for
     * people without the gate. Exits with the run's exit code.
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        StressMode mode = StressMode.of(args.length > 0 ? args[0] : "quick");
        String adapter = args.length > 1 ? args[1] : SinkUnderTest.adapterClassName();
        Path workDir = Path.of(args.length > 2 ? args[2] : "target/sinkcheck-stress");
        System.exit(run(Options.of(mode, adapter, workDir).withEcho(true), System.out).exitCode());
    }
}
