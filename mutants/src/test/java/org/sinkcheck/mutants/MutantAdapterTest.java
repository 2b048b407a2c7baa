package org.sinkcheck.mutants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sinkcheck.kit.Events;
import org.sinkcheck.sink.CallHandle;

/**
 * A mutant declares no constructor: its nested {@link MutantAdapter} builds it with the listener in
 * hand. Building one any other way fails at once with a one-line reason, never with a sink that calls
 * no listener, and the listener handed to one build never reaches the next.
 */
class MutantAdapterTest {

    @Test
    void aMutantBuiltOutsideItsAdapterSaysHowItIsBuilt() {
        IllegalStateException e = assertThrows(IllegalStateException.class, SC12_ProviderNeverTold::new);
        assertEquals("SC12_ProviderNeverTold is built by its MutantAdapter, which gives it its listener", e.getMessage());
    }

    static final class NotNested extends MutantAdapter {}

    @Test
    void anAdapterNestedInNoMutantSaysWhatItLacks() {
        IllegalStateException e = assertThrows(IllegalStateException.class, NotNested::new);
        assertEquals(NotNested.class.getName() + " is not nested in a BaseSink: pass the mutant's constructor", e.getMessage());
    }

    @Test
    void eachSinkHearsItsOwnListenerAndABuildLeavesNoneBehind() {
        SC12_ProviderNeverTold.Adapter adapter = new SC12_ProviderNeverTold.Adapter();
        List<String> heard = new ArrayList<>();
        BaseSink first = adapter.newSink(events("first", heard));
        BaseSink second = adapter.newSink(events("second", heard));
        CallHandle a = adapter.begin(first, "a");
        CallHandle b = adapter.begin(second, "b");
        adapter.complete(second, b);
        adapter.complete(first, a);
        assertEquals(List.of("second completed b", "first completed a"), heard);
        assertThrows(IllegalStateException.class, SC12_ProviderNeverTold::new, "no wiring is left for a later build");
    }

    private static Events events(String sink, List<String> heard) {
        return new Events() {
            @Override public void object(Object context, Object object) { heard.add(sink + " object " + context); }
            @Override public void progress(Object context) { heard.add(sink + " progress " + context); }
            @Override public void completed(Object context) { heard.add(sink + " completed " + context); }
            @Override public void failed(Object context, Throwable error) { heard.add(sink + " failed " + context); }
            @Override public void cancelled(Object context) { heard.add(sink + " cancelled " + context); }
            @Override public void listenerError(Object context, Throwable error) { heard.add(sink + " threw " + context); }
        };
    }
}
