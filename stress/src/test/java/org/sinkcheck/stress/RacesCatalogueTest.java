package org.sinkcheck.stress;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** {@link Races} lists exactly the jcstress tests the annotation processor registered, so none is forgotten. */
class RacesCatalogueTest {
    @Test
    void catalogueEqualsJcstressTestList() throws IOException {
        Set<String> registered = new TreeSet<>();
        try (InputStream in = RacesCatalogueTest.class.getResourceAsStream("/META-INF/TestList")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                registered.add(firstField(line));
            }
        }
        Set<String> catalogued = Races.ALL.stream().map(Class::getName).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(registered, catalogued);
    }

    /** A TestList line is {@code JCTEST} then length-prefixed fields ({@code 45Sorg.…}); the first is the test class. */
    private static String firstField(String line) {
        int s = line.indexOf('S', "JCTEST".length());
        int length = Integer.parseInt(line.substring("JCTEST".length(), s));
        return line.substring(s + 1, s + 1 + length);
    }
}
