package fcperm.sandbox.protocol;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An error the emulated cloud answers with: the HTTP status, Alibaba's error code and message, and any extra fields
 * of the envelope (e.g. RPC's {@code AccessDeniedDetail}). Services throw it; each wire style writes it in its own
 * envelope. Thrown often, so it carries no stack trace.
 */
public final class ApiError extends RuntimeException {

    private final int status;
    private final String code;
    private final Map<String, Object> extra;

    public ApiError(int status, String code, String message) {
        this(status, code, message, Map.of());
    }

    public ApiError(int status, String code, String message, Map<String, Object> extra) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.extra = Map.copyOf(new LinkedHashMap<>(extra));
    }

    /** A failure of the sandbox itself (logged where it happened). */
    public static ApiError internalError() {
        return new ApiError(500, "InternalError", "The request processing has failed due to some unknown error.");
    }

    /** A request no wire style recognises. */
    public static ApiError unsupportedRequest() {
        return new ApiError(400, "UnsupportedRequest",
                "The sandbox cannot tell which service this request is for (no Action, no known Authorization scheme).");
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** Extra members of the error envelope, written after the standard ones. */
    public Map<String, Object> extra() {
        return extra;
    }

    @Override
    public String toString() {
        return status + " " + code + ": " + getMessage();
    }
}
