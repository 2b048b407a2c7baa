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
 * The JUnit face of the kit follows the catalogue: one final test per rule, named {@code required_} and
 * its id. A rule added to {@link Rule} without its test fails here, and so does a rule that is not a MUST:
 * SinkVerification fails a FAIL row outright, which a SHOULD or MAY rule would need handled otherwise.
 */
class SinkVerificationCatalogueTest {
    @Test
    void everyRuleHasOneFinalTestNamedByItsIdAndLevel() {
        Set<Rule> covered = EnumSet.noneOf(Rule.class);
        for (Method m : SinkVerification.class.getDeclaredMethods()) {
            if (!m.isAnnotationPresent(org.junit.jupiter.api.Test.class)) continue;
            String[] parts = m.getName().split("_", 3);
            Rule rule = Rule.valueOf(parts[1]);
            assertEquals(Rule.Level.MUST, rule.level(), rule + ": SinkVerification handles MUST rules only");
            assertEquals("required", parts[0], m.getName());
            assertTrue(Modifier.isFinal(m.getModifiers()), m.getName() + " must be final");
            assertTrue(covered.add(rule), "two tests for " + rule);
        }
        assertEquals(EnumSet.allOf(Rule.class), covered);
    }
}
