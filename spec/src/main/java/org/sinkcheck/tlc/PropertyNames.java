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
 * Names the property behind a TLC failure that TLC does not name by its configuration name.
 *
 * <p>An action property that is only part of a property's definition (a refinement
 * {@code Abstract!Init /\ [][AbstractStep]_vars}, or an instance's {@code Spec}) is reported by its
 * location ("line 386, col 36 to … of module CancelAllAlgo"): the definition that encloses that line
 * is the property, or, when it lies in an instantiated module, the configuration's property that uses
 * it through the instance ({@code Refinement == Abstract!Spec}).
 *
 * <p>"Temporal properties were violated" names nothing: the candidates are the configuration's
 * properties with a liveness part ({@code ~>}, {@code <>}, fairness, or an instance's {@code Spec});
 * {@link Tlc#check} re-checks each candidate alone when there is more than one.
 */
final class PropertyNames {
    private static final Pattern DEFINITION = Pattern.compile("^(\\w+)(\\(.*\\))?\\s*==");

    private PropertyNames() {}

    /** The configuration property that the action property at {@code line} of {@code module} belongs to. */
    static Optional<String> ofLocation(List<String> properties, Path specs, String module, int line) {
        Optional<String> enclosing = enclosingDefinition(moduleText(specs, module), line);
        if (enclosing.isEmpty()) return Optional.empty();
        String name = enclosing.get();
        if (properties.contains(name)) return enclosing;
        String text = allSpecText(specs);
        List<String> using = new ArrayList<>();
        for (String property : properties) {
            String body = definition(text, property);
            if (body != null && body.matches("(?s).*\\w!" + Pattern.quote(name) + "\\b.*")) using.add(property);
        }
        return using.size() == 1 ? Optional.of(using.get(0)) : Optional.empty();
    }

    /** The configuration's properties that can be violated only by an infinite behaviour. */
    static List<String> livenessCandidates(List<String> properties, Path specs) {
        String text = allSpecText(specs);
        List<String> liveness = new ArrayList<>();
        for (String property : properties) {
            String body = definition(text, property);
            if (body != null && body.matches("(?s).*(~>|<>|WF_|SF_|\\w!Spec\\b).*")) liveness.add(property);
        }
        return liveness;
    }

    private static Optional<String> enclosingDefinition(String text, int line) {
        String[] lines = text.split("\n", -1);
        for (int i = Math.min(line, lines.length) - 1; i >= 0; i--) {
            Matcher m = DEFINITION.matcher(lines[i]);
            if (m.find()) return Optional.of(m.group(1));
        }
        return Optional.empty();
    }

    /** The text of {@code name == …} up to the next top-level definition or blank line. */
    private static String definition(String text, String name) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\s*==(.*(?:\\n(?![\\w\\\\]|\\s*$).*)*)").matcher(text);
        return m.find() ? m.group(1) : null;
    }

    private static String moduleText(Path specs, String module) {
        try (Stream<Path> files = Files.walk(specs)) {
            Path file = files.filter(f -> f.getFileName().toString().equals(module + ".tla")).findFirst().orElse(null);
            return file == null ? "" : Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read module " + module + " in " + specs, e);
        }
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
