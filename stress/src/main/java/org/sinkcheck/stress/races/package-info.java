/**
 * One jcstress test per race the spec allows. Each class tells one story (its Javadoc), names the
 * rules in its name and in every outcome, and leaves the grading to the shared arbiter
 * ({@link org.sinkcheck.stress.Race#endState()}): an outcome is the race's story, such as
 * {@code a1:object+cancelled}, or the first broken rule, such as {@code SC-04:a1:object-after-cancelled}.
 * Stories the test lists are ACCEPTABLE (or ACCEPTABLE_INTERESTING when the cancel landed between two
 * other steps); every broken rule and every unlisted story is FORBIDDEN.
 *
 * <p>Calls are named after their sink: {@code a1, a2} live on sink A, {@code b1, b2} on sink B.
 */
package org.sinkcheck.stress.races;
