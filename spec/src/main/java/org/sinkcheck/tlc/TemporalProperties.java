package org.sinkcheck.tlc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Names the liveness property behind TLC's "Temporal properties were violated", which TLC does not
 * name. Safety properties of the form {@code [][A]_v} are reported by name ("Action property X"), so
 * the liveness candidates are the configuration's properties whose definition uses {@code ~>} or
 * {@code <>}; when exactly one exists, it is the one violated.
 */
final class TemporalProperties {
    private TemporalProperties() {}

    static Optional<String> soleLiveness(List<String> properties, Path specs) {
        String text = allSpecText(specs);
        List<String> liveness = new ArrayList<>();
        for (String property : properties) {
            String body = definition(text, property);
            if (body != null && (body.contains("~>") || body.contains("<>"))) liveness.add(property);
        }
        return liveness.size() == 1 ? Optional.of(liveness.get(0)) : Optional.empty();
    }

    /** The text of {@code name == …} up to the next top-level definition or blank line. */
    private static String definition(String text, String name) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\s*==(.*(?:\\n(?![\\w\\\\]|\\s*$).*)*)").matcher(text);
        return m.find() ? m.group(1) : null;
    }

    private static String allSpecText(Path specs) {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(specs)) {
            for (Path p : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".tla"))::iterator) {
                all.append(Files.readString(p)).append('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the specs in " + specs, e);
        }
        return all.toString();
    }
}
