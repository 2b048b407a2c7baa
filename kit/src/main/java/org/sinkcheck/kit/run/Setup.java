package org.sinkcheck.kit.run;

/**
 * How the kit plays one behaviour, beyond its actions:
 *
 * @param throwFromFinals   every listener throws from every final callback, which must change nothing
 *                          but the errors reported (SC-15)
 * @param sharedListeners   sinks share their listener in pairs (s1 with s2, s3 with s4, ...: one listener
 *                          object for both, as an application that hands one callback to several sinks
 *                          has it); a cancel must still reach only its own sink's calls (SC-02)
 * @param signalAfterCancel once a cancel returned, and before the sink settles, every call it cancelled
 *                          is signalled once more and must refuse (SC-04). Not in every behaviour: the
 *                          extra signal is itself one a lazy sink could end its calls at (SC-10)
 * @param duplicateContexts one context object is given to several calls live at once: every begin of a call
 *                          whose number is 1 modulo 3, on a sink with a call pending, passes the very context
 *                          object of that sink's newest pending call ({@link #sharesContext}); they are still
 *                          separate calls, each with its own events and final (SC-09), so a sink that keys its
 *                          calls by the identity of their context loses one (SC-06)
 * @param reachability      once played, the contexts and objects of the calls the model has finished must be
 *                          collectible with every sink alive (SC-13, {@link Reachability}); it costs a garbage
 *                          collection, so the session asks for it at the end of each walk and of a sample of the
 *                          replay's paths, never per step
 */
record Setup(boolean throwFromFinals, boolean sharedListeners, boolean signalAfterCancel, boolean duplicateContexts,
             boolean reachability) {
    static final Setup PLAIN = new Setup(false, false, false, false, false);

    Setup throwing(boolean fromFinals) {
        return new Setup(fromFinals, sharedListeners, signalAfterCancel, duplicateContexts, reachability);
    }

    Setup judgingReachability() { return judgingReachability(true); }

    Setup judgingReachability(boolean judge) {
        return new Setup(throwFromFinals, sharedListeners, signalAfterCancel, duplicateContexts, judge);
    }

    /** Whether, with duplicate contexts, a begin of {@code call} passes the context of its sink's newest pending call. */
    boolean sharesContext(int call) { return duplicateContexts && call % 3 == 1; }

    /** For a counterexample's origin: what was unusual about the behaviour. */
    String describe() {
        return (throwFromFinals ? ", listeners throwing from finals" : "") + (sharedListeners ? ", sinks sharing listeners in pairs" : "")
                + (signalAfterCancel ? ", a signal after each cancel returned" : "")
                + (duplicateContexts ? ", one context object for several calls" : "");
    }
}
