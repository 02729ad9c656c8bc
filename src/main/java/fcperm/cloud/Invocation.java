package fcperm.cloud;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The answer of a synchronous invocation: the function's output, FC's error type when the function failed
 * ({@code UnhandledInvocationError}, ...), the tail of its log, and FC's request id.
 */
public record Invocation(String requestId, byte[] payload, Optional<String> errorType, String logTail) {

    /** The output as UTF-8 text. */
    public String body() {
        return new String(payload, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Invocation that && requestId.equals(that.requestId)
                && Arrays.equals(payload, that.payload) && errorType.equals(that.errorType)
                && logTail.equals(that.logTail);
    }

    @Override
    public int hashCode() {
        return requestId.hashCode();
    }

    @Override
    public String toString() {
        return "Invocation[" + requestId + ", " + payload.length + " bytes, error " + errorType.orElse("none") + "]";
    }
}
