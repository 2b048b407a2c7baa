package org.sinkcheck.gate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.sinkcheck.tlc.SpecFolder;
import org.sinkcheck.tlc.Tlc;
import org.sinkcheck.tlc.TlcResult;
import org.sinkcheck.tlc.TlcRun;

/**
 * The first step of {@code check}: TLC on the abstract spec's CI configuration. The spec does not depend on
 * the sink under test, so a pass is remembered per content of the spec folder (every {@code .tla} and
 * {@code .cfg}): checking ten sinks model-checks the spec once, and any edit of the spec checks it again.
 * A failure is never remembered. The outcome line says which of the two happened.
 */
final class SpecStep {
    static final String MODULE = "CancelAll";
    static final String CONFIG = "CancelAll.cfg";
    static final String CRASH_LOG = "tlc-crash.log";

    /** What the step found: TLC's result when it ran, or the remembered summary of an earlier pass. */
    record Result(TlcResult tlc, String remembered) {
        boolean passed() { return tlc == null || tlc.passed(); }

        String line() {
            return tlc != null ? tlc.summaryLine() : "passed before for these exact spec files (" + remembered + ")";
        }
    }

    private SpecStep() {}

    static Result run() throws IOException {
        Path work = WorkFolder.resolve("tlc");
        return run(SpecFolder.locate(work.resolve("extracted")), work);
    }

    /**
     * The step on the spec files in {@code specs}, TLC's run folders under {@code work}. TLC that could not
     * check the model at all (it could not parse the spec, find a file, or finish in time) crashed: a
     * {@link ToolCrash} naming its first error and its log, copied to {@value #CRASH_LOG} in {@code work}.
     */
    static Result run(SpecFolder specs, Path work) throws IOException {
        Path memo = work.resolve("passed-" + fingerprint(specs.root()) + ".txt");
        if (Files.isRegularFile(memo)) return new Result(null, Files.readString(memo, StandardCharsets.UTF_8).strip());
        TlcResult tlc = Tlc.check(TlcRun.of(MODULE, CONFIG).withFolder(specs).withWorkRoot(work));
        if (tlc.kind() == TlcResult.Kind.ERROR || tlc.kind() == TlcResult.Kind.TIMED_OUT) {
            Path log = Files.writeString(work.resolve(CRASH_LOG), tlc.log(), StandardCharsets.UTF_8);
            throw new ToolCrash("TLC crashed: " + tlc.summaryLine() + " (log: " + log + ")");
        }
        if (tlc.passed()) Files.writeString(memo, tlc.summaryLine() + "\n", StandardCharsets.UTF_8);
        return new Result(tlc, null);
    }

    /** SHA-256 over the names and contents of every spec file, in name order. */
    private static String fingerprint(Path root) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".tla") || p.toString().endsWith(".cfg"))
                    .sorted().toList();
        }
        for (Path file : files) {
            digest.update(root.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
            digest.update(Files.readAllBytes(file));
        }
        return HexFormat.of().formatHex(digest.digest(), 0, 12);
    }
}
