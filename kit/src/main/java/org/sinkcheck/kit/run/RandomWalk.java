package org.sinkcheck.kit.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.sinkcheck.kit.Capability;
import org.sinkcheck.model.Action;
import org.sinkcheck.model.Model;
import org.sinkcheck.model.ModelState;

/**
 * A seeded random behaviour of the model: at each step, one of the enabled actions the sink can play.
 * The kind of action is drawn first, then one action of that kind, so that begins (of which there are
 * as many as unborn calls times sinks) do not crowd out cancels and signals. The same seed and bounds
 * give the same walk.
 */
final class RandomWalk {
    private RandomWalk() {}

    static List<Action> generate(Model model, Set<Capability> capabilities, long seed, int length) {
        Random random = new Random(seed);
        List<Action> walk = new ArrayList<>(length);
        ModelState state = model.initial();
        while (walk.size() < length) {
            Map<Class<?>, List<Action>> byKind = new LinkedHashMap<>();
            for (Action action : model.enabled(state)) {
                if (Run.supports(action, capabilities)) byKind.computeIfAbsent(action.getClass(), k -> new ArrayList<>()).add(action);
            }
            List<List<Action>> kinds = new ArrayList<>(byKind.values());
            List<Action> kind = kinds.get(random.nextInt(kinds.size()));
            Action next = kind.get(random.nextInt(kind.size()));
            walk.add(next);
            state = model.apply(state, next);
        }
        return walk;
    }
}
