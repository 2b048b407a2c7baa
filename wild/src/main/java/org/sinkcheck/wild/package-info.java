/**
 * Sinks from the wild: adapters that run real group-cancel code of other libraries through the kit.
 *
 * <p>Each adapter maps the kit's abstract actions onto a library's own API, the way that library's users
 * would write it: the <em>sink</em> is the library's group (a composite, a parent job, a cancellable
 * context, an HTTP client's dispatcher, a kill switch), a <em>call</em> is one member of the group whose
 * callbacks reach the kit's listener, and <em>cancel</em> is the group's own dispose or cancel. Capabilities are declared honestly: what a library
 * has no API for is NOT APPLICABLE, with the reason, and nothing is added to make a library pass.
 * Whether a signal was accepted is <em>observed</em> (did the listener's callback run?), never predicted
 * by the adapter; see {@link org.sinkcheck.wild.ProbedCall}. The asynchronous libraries (OkHttp, Pekko
 * streams) call back on their own threads: their adapters settle by watching their calls go quiet and
 * let the kit observe acceptance ({@code SinkAdapter.observesAcceptance}).
 */
package org.sinkcheck.wild;
