package org.sinkcheck.mutants;


/**
 * SC-12 broken: the handle never says its call was cancelled, so a provider polling it works on.
 */
@BugPattern("the provider is not told of the cancel")
public class SC12_ProviderNeverTold extends BaseSink {
    @Override
    protected boolean providerSeesCancelled(Call call) { return false; }

    public static final class Adapter extends MutantAdapter {}
}
