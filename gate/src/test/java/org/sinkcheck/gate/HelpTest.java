package org.sinkcheck.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code --help} explains the command, its subcommands and the exit codes, on stdout, with exit 0. */
class HelpTest {

    @Test
    void topLevelHelpListsCommandsAndExitCodes() {
        Cli cli = Cli.run("--help");
        assertEquals(Sinkcheck.OK, cli.exitCode(), cli::toString);
        assertEquals("", cli.err(), cli::toString);
        assertTrue(cli.out().startsWith("Usage: sinkcheck"), cli::toString);
        assertTrue(cli.out().contains("check "), cli::toString);
        for (String code : new String[] {"0  every required rule holds", "1  a rule is violated", "2  usage or configuration error"}) {
            assertTrue(cli.out().contains(code), () -> "missing exit code line '" + code + "'\n" + cli);
        }
    }

    @Test
    void checkHelpNamesItsOptions() {
        Cli cli = Cli.run("check", "--help");
        assertEquals(Sinkcheck.OK, cli.exitCode(), cli::toString);
        for (String option : new String[] {"--sink", "--classpath", "--verbose"}) {
            assertTrue(cli.out().contains(option), () -> "check --help does not mention " + option + "\n" + cli);
        }
    }
}
