package org.sinkcheck.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.sinkcheck.mutants.Mutants;
import org.sinkcheck.mutants.Mutants.Mutant;
import org.sinkcheck.mutants.kills.KillRates;
import org.sinkcheck.mutants.kills.Tier;

/**
 * The kill-rate table of this build: the gate is built after every tier, so this reads the records
 * every module's tests wrote ({@code <module>/target/kill-records}) and writes {@code target/kill-rates.md}
 * and {@code target/kill-rates.json} at the top of the tree. No correct sink may have a finding in any
 * tier, and the conformance kit, which runs every mutant, must have recorded each one.
 */
class KillRatesTableTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void SC01_to_SC16_noCorrectSinkHasAFindingInAnyTier_andTheKitRecordedEveryMutant() throws IOException {
        List<Path> records;
        try (Stream<Path> modules = Files.list(ROOT)) {
            records = modules.map(m -> m.resolve("target/kill-records")).filter(Files::isDirectory).sorted().toList();
        }
        assumeTrue(!records.isEmpty(), "no tier wrote kill records in this build (run the mutants, stress and reliability tests first)");
        KillRates rates = KillRates.read(records);
        Path table = rates.write(ROOT.resolve("target"));
        System.out.println(Files.readString(table));
        System.out.println("kill-rate table: " + table);

        assertEquals(List.of(), rates.falsePositives(), "a correct sink with a finding is a false positive of that tier");
        boolean kitRan = records.stream().anyMatch(r -> r.startsWith(ROOT.resolve("mutants")));
        if (kitRan) {
            for (Mutant m : Mutants.ALL) {
                assertTrue(rates.cell(m, Tier.KIT).verdict() != KillRates.Verdict.NOT_WIRED, m.name() + " has no record of the conformance kit");
            }
        }
    }
}
