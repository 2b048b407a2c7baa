package org.sinkcheck.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One folder per stress run: two runs of the same sink in the same second never share one, and {@code latest} is the newest. */
class WorkFolderTest {
    @Test
    void everyRunGetsAFolderOfItsOwnAndLatestLinksToTheNewest(@TempDir Path stress) throws Exception {
        Path first = WorkFolder.newRun(stress, "RxJava 3 CompositeDisposable");
        Files.writeString(first.resolve("jcstress.log"), "the first run's log");
        Path second = WorkFolder.newRun(stress, "RxJava 3 CompositeDisposable");

        assertNotEquals(first, second);
        assertTrue(first.getFileName().toString().endsWith("-RxJava_3_CompositeDisposable"), first::toString);
        assertTrue(second.getFileName().toString().startsWith(first.getFileName().toString().substring(0, 10)), second::toString);
        assertEquals("the first run's log", Files.readString(first.resolve("jcstress.log")), "the second run left the first's alone");
        Path latest = stress.resolve(WorkFolder.LATEST);
        assertEquals(second.toRealPath(), latest.toRealPath());
        try (var entries = Files.list(stress)) {
            assertEquals(3, entries.count(), "two runs and the link, no leftover temporary link");
        }
    }
}
