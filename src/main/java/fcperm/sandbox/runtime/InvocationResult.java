package fcperm.sandbox.runtime;

/**
 * The outcome of an invocation. {@code body} is the function's output, or FC's error JSON when {@code failed};
 * {@code log} is everything the invocation logged (the wire keeps the last 4 KB).
 */
public record InvocationResult(boolean failed, byte[] body, byte[] log, long durationMillis, int maxMemoryMb,
                               boolean coldStart) {
}
