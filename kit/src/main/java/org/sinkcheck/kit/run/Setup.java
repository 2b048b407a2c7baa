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
 */
record Setup(boolean throwFromFinals, boolean sharedListeners, boolean signalAfterCancel) {
    static final Setup PLAIN = new Setup(false, false, false);

    Setup throwing(boolean fromFinals) { return new Setup(fromFinals, sharedListeners, signalAfterCancel); }

    /** For a counterexample's origin: what was unusual about the behaviour. */
    String describe() {
        return (throwFromFinals ? ", listeners throwing from finals" : "") + (sharedListeners ? ", sinks sharing listeners in pairs" : "")
                + (signalAfterCancel ? ", a signal after each cancel returned" : "");
    }
}
