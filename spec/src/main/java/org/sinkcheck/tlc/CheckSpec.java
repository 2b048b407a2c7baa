package org.sinkcheck.tlc;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Model-checks sinkcheck's TLA+ configurations from the command line and prints one summary line per
 * configuration (and the readable counterexample of any violation).
 *
 * <pre>CheckSpec [--large] [configs...]</pre>
 *
 * With no configuration named, every {@code .cfg} at the top of the spec folder is checked except the
 * {@code *Large.cfg} ones, which {@code --large} adds. A configuration runs against the module of the
 * same name, or else the longest module name it starts with ({@code CancelAllLarge.cfg} checks
 * {@code CancelAll.tla}); {@code Module.tla:Config.cfg} names both. Exit code 0 when every
 * configuration passed, 1 when one did not, 2 for a usage error.
 */
public final class CheckSpec {
    private static final String LARGE_SUFFIX = "Large.cfg";

    private CheckSpec() {}

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.out));
    }

    /** The CLI's work without {@code System.exit}; the gate's {@code ./sinkcheck spec} calls this. */
    public static int run(List<String> args, PrintStream out) {
        boolean large = false;
        List<String> named = new ArrayList<>();
        for (String a : args) {
            if (a.equals("--large")) large = true;
            else if (a.startsWith("-")) return usage(out, "unknown option " + a);
            else named.add(a);
        }
        Path work = Path.of("target", "tlc");
        SpecFolder specs;
        List<TlcRun> runs = new ArrayList<>();
        try {
            specs = SpecFolder.locate(work.resolve("extracted"));
            List<String> configs = new ArrayList<>(named);
            if (named.isEmpty()) {
                for (String cfg : specs.configs()) if (!cfg.endsWith(LARGE_SUFFIX)) configs.add(cfg);
            }
            if (large) {
                for (String cfg : specs.configs()) if (cfg.endsWith(LARGE_SUFFIX) && !configs.contains(cfg)) configs.add(cfg);
            }
            for (String cfg : configs) runs.add(runFor(specs, cfg, work));
        } catch (IllegalArgumentException | IllegalStateException e) {
            return usage(out, e.getMessage());
        }
        int failed = 0;
        for (TlcRun run : runs) {
            TlcResult result = Tlc.check(run);
            out.println(result.report());
            if (!result.passed()) failed++;
        }
        out.println(failed == 0 ? "All " + runs.size() + " TLC configurations passed." : failed + " of " + runs.size() + " TLC configurations failed.");
        return failed == 0 ? 0 : 1;
    }

    private static TlcRun runFor(SpecFolder specs, String arg, Path work) {
        String module;
        String cfg;
        int colon = arg.indexOf(':');
        if (colon >= 0) {
            module = arg.substring(0, colon);
            cfg = arg.substring(colon + 1);
        } else {
            cfg = arg.endsWith(".cfg") ? arg : arg + ".cfg";
            if (!specs.has(cfg)) throw new IllegalArgumentException("no configuration " + cfg + " in " + specs.root() + "; there are " + specs.configs());
            module = moduleFor(specs, cfg);
        }
        if (!cfg.endsWith(".cfg")) cfg = cfg + ".cfg";
        if (!specs.has(cfg)) throw new IllegalArgumentException("no configuration " + cfg + " in " + specs.root() + "; there are " + specs.configs());
        String tla = module.endsWith(".tla") ? module : module + ".tla";
        if (!specs.has(tla)) throw new IllegalArgumentException("no module " + tla + " in " + specs.root());
        return TlcRun.of(module, cfg).withFolder(specs).withWorkRoot(work).withHeapMb(1024);
    }

    /** The module a configuration belongs to: same name, or the longest module name it starts with. */
    private static String moduleFor(SpecFolder specs, String cfg) {
        String base = cfg.substring(0, cfg.length() - 4).replaceAll(".*/", "");
        String dir = cfg.contains("/") ? cfg.substring(0, cfg.lastIndexOf('/') + 1) : "";
        for (int end = base.length(); end > 0; end--) {
            if (specs.has(dir + base.substring(0, end) + ".tla")) return dir + base.substring(0, end);
        }
        throw new IllegalArgumentException("no module for " + cfg + " in " + specs.root() + " (name it as Module.tla:" + cfg + ")");
    }

    private static int usage(PrintStream out, String problem) {
        out.println("CheckSpec: " + problem + ". Usage: CheckSpec [--large] [Config.cfg | Module.tla:Config.cfg]...");
        return 2;
    }
}
