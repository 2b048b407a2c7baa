package org.sinkcheck.kit;

/**
 * What a sink under test can do or show. A rule that needs a capability the adapter does not declare
 * is reported NOT APPLICABLE with {@link #reason()}: visibly, never as a pass.
 */
public enum Capability {
    PROGRESS("the sink has no progress signal"),
    FAIL("the sink cannot end a call with an error"),
    PROVIDER_TOLD("the provider cannot observe that its call was cancelled"),
    RETENTION_VISIBLE("the adapter cannot count the calls the sink still references"),
    HANDLE_CHECKS("the sink's API cannot present a handle to a sink that did not issue it"),
    LISTENER_ERRORS("the sink does not contain and report exceptions thrown by its listener"),
    CANCEL_IN_CALLBACK("the sink does not support cancel from inside a callback"),
    THREAD_SAFE("the sink is not meant to be used from several threads");

    private final String reason;

    Capability(String reasonWhenMissing) {
        this.reason = reasonWhenMissing;
    }

    /** Why the rules needing this capability are not applicable when it is missing. */
    public String reason() { return reason; }
}
