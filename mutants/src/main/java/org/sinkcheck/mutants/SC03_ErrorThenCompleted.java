package org.sinkcheck.mutants;


/**
 * SC-03 broken: a failed call is told {@code onFailed} and then, from a {@code finally} that should have
 * been an {@code else}, {@code onCompleted} as well: two finals.
 */
@BugPattern("two finals: onFailed followed by onCompleted")
public class SC03_ErrorThenCompleted extends BaseSink {
    @Override
    protected void invokeFinal(Object context, Final fin, Throwable error) {
        try {
            super.invokeFinal(context, fin, error);
        } finally {
            if (fin == Final.FAILED) listener().onCompleted(context);
        }
    }

    public static final class Adapter extends MutantAdapter {}
}
