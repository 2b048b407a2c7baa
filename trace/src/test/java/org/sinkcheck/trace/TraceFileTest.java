package org.sinkcheck.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sinkcheck.kit.trace.TraceEvent;

/** A file that is not a trace is refused in one line naming the file and the line; segments are cut at quiet points. */
class TraceFileTest {

    static TraceFile lines(String... json) {
        return TraceFile.of("test", Arrays.stream(json).map(TraceEvent::fromJson).toList());
    }

    private static String error(Path dir, String... json) throws IOException {
        Path file = dir.resolve("t.ndjson");
        Files.write(file, List.of(json));
        return assertThrows(TraceFile.BadTraceException.class, () -> TraceFile.read(file)).getMessage().replace(file.toString(), "FILE");
    }

    @Test
    void badFilesAreNamedWithTheirLine(@TempDir Path dir) throws IOException {
        assertEquals("no trace file " + dir.resolve("none"), assertThrows(TraceFile.BadTraceException.class,
                () -> TraceFile.read(dir.resolve("none"))).getMessage());
        assertEquals("FILE: the trace holds no event", error(dir, "", " "));
        assertEquals("FILE:2: unknown kind \"start\"", error(dir, "{\"seq\":1,\"thread\":1,\"kind\":\"quiet\"}",
                "{\"seq\":2,\"thread\":1,\"kind\":\"start\"}"));
        assertEquals("FILE:2: seq 1 is not after the previous event's 1 (a trace is in ticket order)",
                error(dir, "{\"seq\":1,\"thread\":1,\"kind\":\"quiet\"}", "{\"seq\":1,\"thread\":1,\"kind\":\"quiet\"}"));
        assertEquals("FILE:2: the return of cancel on thread 1 closes line 1 (inv): each thread's invocations and callbacks end innermost first",
                error(dir, "{\"seq\":1,\"thread\":1,\"kind\":\"inv\",\"op\":\"begin\",\"sink\":\"s1\",\"call\":\"c1\"}",
                        "{\"seq\":2,\"thread\":1,\"kind\":\"ret\",\"op\":\"cancel\",\"sink\":\"s1\"}"));
    }

    @Test
    void segmentsEndJustAfterAQuietPointOnceLongEnough() {
        TraceFile t = lines("{\"seq\":1,\"thread\":1,\"kind\":\"quiet\"}", "{\"seq\":2,\"thread\":1,\"kind\":\"quiet\"}",
                "{\"seq\":3,\"thread\":1,\"kind\":\"quiet\"}", "{\"seq\":4,\"thread\":1,\"kind\":\"inv\",\"op\":\"cancel\",\"sink\":\"s1\"}");
        assertEquals(List.of(new Segment(1, 0, 2), new Segment(2, 2, 4)), Segment.cut(t, 2));
        assertEquals(List.of(new Segment(1, 0, 4)), Segment.cut(t, 5));
    }
}
