package fcperm.cloud.sdk;

/**
 * One cloud call as errors and retries see it: the action ({@code ram:CreateRole}), what it is about
 * ({@code role/probe-role}) and whether repeating it is harmless.
 */
public record Call(String operation, String resource, boolean idempotent) {

    /** A call that reads, or writes the same state however often it is made: retried on transient failures. */
    public static Call idempotent(String operation, String resource) {
        return new Call(operation, resource, true);
    }

    /** A call that must not be repeated blindly (creating something, invoking a function). */
    public static Call once(String operation, String resource) {
        return new Call(operation, resource, false);
    }
}
