package org.sinkcheck.tlc;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * What to model-check and how: a module and a configuration, both named relative to the
 * {@link SpecFolder} (e.g. {@code broken/CancelAllTouchesNeighbour} with {@code CancelAll.cfg}), plus
 * the variations the tests need. Immutable; each {@code with…} returns a changed copy.
 *
 * @param module        the {@code .tla} file without its extension, relative to the spec folder
 * @param config        the {@code .cfg} file, relative to the spec folder
 * @param specification a SPECIFICATION to use instead of the configuration's, or null
 * @param checks        false to drop the configuration's invariants and properties (a plain exploration)
 * @param dumpDot       where TLC writes its state graph ({@code -dump dot,actionlabels}), or null
 * @param folder        the spec folder, or null for {@link SpecFolder#locate}
 * @param workRoot      where each run gets its own folder (metadir, temporary files, log)
 * @param heapMb        the child JVM's heap
 * @param timeout       after this the child is killed and the run reported as timed out
 * @param workers       TLC's {@code -workers}: how many cores its breadth-first search uses
 */
public record TlcRun(String module, String config, String specification, boolean checks, Path dumpDot,
                     SpecFolder folder, Path workRoot, int heapMb, Duration timeout, int workers) {

    public TlcRun {
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(config, "config");
        if (module.endsWith(".tla")) module = module.substring(0, module.length() - 4);
        if (!config.endsWith(".cfg")) config = config + ".cfg";
        Objects.requireNonNull(workRoot, "workRoot");
        if (heapMb < 64) throw new IllegalArgumentException("TLC needs at least 64 MB of heap, not " + heapMb);
        Objects.requireNonNull(timeout, "timeout");
        if (workers < 1) throw new IllegalArgumentException("TLC needs at least one worker, not " + workers);
    }

    /** {@code module} checked against {@code config}, as written, with runs kept under {@code target/tlc}. */
    public static TlcRun of(String module, String config) {
        return new TlcRun(module, config, null, true, null, null, Path.of("target", "tlc"), 512, Duration.ofMinutes(30), 1);
    }

    public TlcRun withSpecification(String name) {
        return new TlcRun(module, config, name, checks, dumpDot, folder, workRoot, heapMb, timeout, workers);
    }

    /** No invariants or properties: TLC only explores, which is all a state-graph dump needs. */
    public TlcRun withoutChecks() {
        return new TlcRun(module, config, specification, false, dumpDot, folder, workRoot, heapMb, timeout, workers);
    }

    public TlcRun withDumpDot(Path file) {
        return new TlcRun(module, config, specification, checks, file, folder, workRoot, heapMb, timeout, workers);
    }

    public TlcRun withFolder(SpecFolder specs) {
        return new TlcRun(module, config, specification, checks, dumpDot, specs, workRoot, heapMb, timeout, workers);
    }

    public TlcRun withWorkRoot(Path root) {
        return new TlcRun(module, config, specification, checks, dumpDot, folder, root, heapMb, timeout, workers);
    }

    public TlcRun withHeapMb(int mb) {
        return new TlcRun(module, config, specification, checks, dumpDot, folder, workRoot, mb, timeout, workers);
    }

    public TlcRun withTimeout(Duration limit) {
        return new TlcRun(module, config, specification, checks, dumpDot, folder, workRoot, heapMb, limit, workers);
    }

    public TlcRun withWorkers(int n) {
        return new TlcRun(module, config, specification, checks, dumpDot, folder, workRoot, heapMb, timeout, n);
    }

    /** How reports name this run: the configuration, and the module when its name differs. */
    public String label() {
        String cfgBase = config.replaceAll(".*/", "").replaceAll("\\.cfg$", "");
        String moduleBase = module.replaceAll(".*/", "");
        String name = cfgBase.equals(moduleBase) ? config : moduleBase + " with " + config;
        return specification == null ? name : name + " (SPECIFICATION " + specification + ")";
    }
}
