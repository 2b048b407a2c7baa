package org.sinkcheck.mutants.kills;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sinkcheck.mutants.Mutants;
import org.sinkcheck.mutants.Mutants.Mutant;
import org.sinkcheck.mutants.SC01_CancelEndsOnlyOldestCall;
import org.sinkcheck.mutants.SC05_CompleteRacingCancelBothFinal;
import org.sinkcheck.mutants.SC06_BeginRacingCancelLosesCall;
import org.sinkcheck.mutants.SC06_FirstObjectUnlinksCall;
import org.sinkcheck.rules.Rule;

/**
 * The kill-rate table reads what the tiers recorded and nothing else: a mutant caught by the rule its name
 * gives, by another rule only, missed, not run (with the reason) or never recorded (not wired); a control
 * with any finding is a false positive; a record from another test of the same tier adds to the cell; a
 * test's second run replaces its first; and every mutant of the catalogue has its row.
 */
class KillRatesTest {
    private static final Mutant SC01 = new Mutant(SC01_CancelEndsOnlyOldestCall.class);
    private static final Mutant SC05_RACY = new Mutant(SC05_CompleteRacingCancelBothFinal.class);
    private static final Mutant SC06_LOST = new Mutant(SC06_BeginRacingCancelLosesCall.class);
    private static final Mutant SC06_UNLINKED = new Mutant(SC06_FirstObjectUnlinksCall.class);

    @TempDir
    Path records;

    @Test
    void SC01_to_SC16_eachCellSaysWhatItsTierReported() {
        KillRecords tier = new KillRecords(records);
        tier.ran(Tier.KIT, KillRatesTest.class, SC01.name(), List.of(Rule.SC01, Rule.SC13), "replay");
        tier.ran(Tier.SOAK, KillRatesTest.class, SC06_UNLINKED.name(), List.of(Rule.SC01), "soak");
        tier.ran(Tier.KIT, KillRatesTest.class, SC05_RACY.name(), List.of(), "replay");
        tier.notRun(Tier.SOAK, KillRatesTest.class, SC05_RACY.name(), "for the test");
        tier.ran(Tier.JCSTRESS, KillRatesTest.class, "CasSink", List.of(Rule.SC04), "sanity");
        tier.ran(Tier.JCSTRESS, KillRatesTest.class, "BaseSink", List.of(), "sanity");
        tier.ran(Tier.TRACE, KillRatesTest.class, SC06_LOST.name(), List.of(Rule.SC06), "a recorded run");
        KillRates rates = KillRates.read(List.of(records, records.resolve("no-such-folder")));

        assertEquals(KillRates.Verdict.OWN_RULE, rates.cell(SC01, Tier.KIT).verdict());
        assertEquals(Set.of(Rule.SC01, Rule.SC13), rates.cell(SC01, Tier.KIT).rules());
        assertEquals(KillRates.Verdict.OTHER_RULE, rates.cell(SC06_UNLINKED, Tier.SOAK).verdict());
        assertEquals(KillRates.Verdict.MISSED, rates.cell(SC05_RACY, Tier.KIT).verdict());
        assertEquals(KillRates.Verdict.NOT_RUN, rates.cell(SC05_RACY, Tier.SOAK).verdict());
        assertEquals(KillRates.Verdict.NOT_WIRED, rates.cell(SC01, Tier.TRACE).verdict());
        assertEquals(KillRates.Verdict.OWN_RULE, rates.cell(SC06_LOST, Tier.TRACE).verdict());
        assertEquals(KillRates.Verdict.FALSE_POSITIVE, rates.controlCell("CasSink", Tier.JCSTRESS).verdict());
        assertEquals(KillRates.Verdict.CLEAN, rates.controlCell("BaseSink", Tier.JCSTRESS).verdict());
        assertEquals(List.of("CasSink in " + Tier.JCSTRESS.title() + ": SC-04"), rates.falsePositives());

        String md = rates.markdown();
        for (Mutant m : Mutants.ALL) assertTrue(md.contains("| `" + m.name() + "` | " + m.rule().id()), m.name());
        assertTrue(md.contains("| **SC-01** (SC-13) |"), md);
        assertTrue(md.contains("| other: SC-01 |"), md);
        assertTrue(md.contains(" " + Tier.TRACE.title() + " |"), md);   // the trace column, last: its cell ends the row
        assertTrue(md.lines().anyMatch(l -> l.startsWith("| `" + SC06_LOST.name() + "` |") && l.endsWith("| **SC-06** |")), md);
        assertTrue(md.contains("`" + SC05_RACY.name() + "`: KillRatesTest: for the test"), md);
        assertTrue(md.contains("**1/2 (50%)**; other rule 0; missed 1"), md);
        assertTrue(md.contains("False positives: CasSink in"), md);
    }

    @Test
    void SC06_twoTestsOfOneTierAddUp_andATestsSecondRunReplacesItsFirst() throws IOException {
        new KillRecords(records).ran(Tier.LINCHECK, KillRatesTest.class, SC06_LOST.name(), List.of(Rule.SC06), "first run");
        KillRecords secondRun = new KillRecords(records);
        secondRun.ran(Tier.LINCHECK, KillRatesTest.class, SC06_LOST.name(), List.of(), "second run");
        secondRun.ran(Tier.LINCHECK, Tier.class, SC06_LOST.name(), List.of(Rule.SC01), "another test");
        KillRates rates = KillRates.read(List.of(records));

        KillRates.Cell cell = rates.cell(SC06_LOST, Tier.LINCHECK);
        assertEquals(KillRates.Verdict.OTHER_RULE, cell.verdict(), cell.toString());
        assertEquals(List.of("KillRatesTest: second run", "Tier: another test"), cell.notes().stream().sorted().toList());
        Path md = rates.write(records.resolve("out"));
        assertTrue(Files.readString(md).startsWith("# Kill rates"));
        assertTrue(Files.readString(records.resolve("out/kill-rates.json")).contains("\"OTHER_RULE\""));
    }
}
