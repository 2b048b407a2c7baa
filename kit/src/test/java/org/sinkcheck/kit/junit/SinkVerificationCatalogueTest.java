package org.sinkcheck.kit.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sinkcheck.rules.Rule;

/**
 * The JUnit face of the kit follows the catalogue: one final test per rule, named by its id, its prefix
 * ({@code required_} or {@code optional_}) matching the rule's level. A rule added to {@link Rule}
 * without its test fails here.
 */
class SinkVerificationCatalogueTest {
    @Test
    void everyRuleHasOneFinalTestNamedByItsIdAndLevel() {
        Set<Rule> covered = EnumSet.noneOf(Rule.class);
        for (Method m : SinkVerification.class.getDeclaredMethods()) {
            if (!m.isAnnotationPresent(org.junit.jupiter.api.Test.class)) continue;
            String[] parts = m.getName().split("_", 3);
            Rule rule = Rule.valueOf(parts[1]);
            String prefix = rule.level() == Rule.Level.MUST ? "required" : "optional";
            assertEquals(prefix, parts[0], m.getName() + ": " + rule + " is " + rule.level());
            assertTrue(Modifier.isFinal(m.getModifiers()), m.getName() + " must be final");
            assertTrue(covered.add(rule), "two tests for " + rule);
        }
        assertEquals(EnumSet.allOf(Rule.class), covered);
    }
}
