package org.sinkcheck.kit.run;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sinkcheck.kit.Capability;
import org.sinkcheck.model.Action;
import org.sinkcheck.model.Model;
import org.sinkcheck.model.ModelState;

/**
 * The CI walks build up load: every action is enabled in the model when drawn, and together they hold
 * hundreds of calls pending on one sink, cross each power of two from both sides and 200, begin on every
 * one of 6 sinks, and play every kind of action, the listener's beyond the spec included.
 */
class RandomWalkTest {
    private static final Options CI = Options.ci();

    @Test
    void SC01_SC06_SC13_theCiWalksBuildUpLoadPastEveryThresholdOnManySinks() {
        Model model = new Model(CI.walkBounds());
        Set<Integer> crossed = new HashSet<>();
        Set<String> kinds = new HashSet<>();
        int mostPending = 0;
        int mostBegins = 0;
        int mostSinks = 0;
        for (int i = 0; i < CI.walks(); i++) {
            List<Action> walk = RandomWalk.generate(model, EnumSet.allOf(Capability.class), CI.seed() + i, CI.walkLength());
            ModelState state = model.initial();
            int begins = 0;
            Set<Integer> sinksBegun = new HashSet<>();
            for (Action action : walk) {
                assertTrue(model.isEnabled(state, action), () -> action + " is not enabled");
                kinds.add(action.getClass().getSimpleName() + (action instanceof Action.CancelInFinal f ? f.fin() : ""));
                state = model.apply(state, action);
                if (action instanceof Action.Begin b) {
                    begins++;
                    sinksBegun.add(b.sink());
                    int pending = state.pendingOf(b.sink()).size();
                    crossed.add(pending);
                    mostPending = Math.max(mostPending, pending);
                }
            }
            mostBegins = Math.max(mostBegins, begins);
            mostSinks = Math.max(mostSinks, sinksBegun.size());
        }
        String seen = "most pending on one sink " + mostPending + ", most begins in a walk " + mostBegins + ", sinks " + mostSinks;
        assertTrue(mostPending >= 257, seen);
        assertTrue(mostBegins >= 600, seen);
        assertTrue(mostSinks == 6, seen);
        for (int t : new int[] {16, 17, 32, 33, 64, 65, 128, 129, 200, 201, 256, 257}) {
            assertTrue(crossed.contains(t), "no walk held " + t + " calls pending on one sink: " + seen);
        }
        assertTrue(kinds.size() == 16, "every kind of action, the listener's in every callback: " + kinds);
    }
}
