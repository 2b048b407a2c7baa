package org.sinkcheck.tlc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One TLC run of CancelAll.cfg per test JVM, with every check on and the state graph dumped, shared by
 * {@link CancelAllTlcTest} (did every rule hold?) and {@link ModelEqualsTlcTest} (is the model the
 * spec?). Exploring the CI model twice would cost the build a second TLC run for nothing.
 */
final class CiModelCheck {
    static final Path DOT = Path.of("target", "tlc", "CancelAll-ci-graph.dot").toAbsolutePath();

    private static TlcResult result;

    private CiModelCheck() {}

    static synchronized TlcResult result() {
        if (result == null) {
            result = Tlc.check(TlcRun.of("CancelAll", "CancelAll.cfg").withDumpDot(DOT));
            // TLC also writes the liveness tableau graph next to the dump (tens of MB); nothing reads it.
            try {
                Files.deleteIfExists(DOT.resolveSibling(DOT.getFileName().toString().replace(".dot", "_liveness.dot")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return result;
    }
}
