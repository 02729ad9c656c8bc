package fcperm.cloud;

import java.util.Optional;

/**
 * Any failure of a cloud call, in one shape: Alibaba's error code, the HTTP status, the request id, the operation
 * ({@code ram:CreateRole}) and a sentence for a person saying what went wrong, what to do, and the server's own code
 * and message (its reason: the app never guesses one in its place). It never carries a secret: servers do not echo
 * one, and the sentence is otherwise built from the code, the operation and the resource.
 */
public final class CloudException extends Exception {

    /** Code of a call that never got an answer (connection refused, unknown host, timeout). */
    public static final String UNREACHABLE = "Unreachable";
    /** Code of an object that the caller asked for by name and that does not exist. */
    public static final String NOT_FOUND = "NotFound";

    private final String code;
    private final int httpStatus;
    private final String requestId;
    private final String operation;
    private final String userMessage;

    public CloudException(String operation, String code, int httpStatus, String requestId, String userMessage,
                          Throwable cause) {
        super(userMessage + " [" + operation + ", " + code
                + (httpStatus > 0 ? ", HTTP " + httpStatus : "")
                + (requestId == null || requestId.isEmpty() ? "" : ", request " + requestId) + "]", cause);
        this.code = code;
        this.httpStatus = httpStatus;
        this.requestId = requestId == null ? "" : requestId;
        this.operation = operation;
        this.userMessage = userMessage;
    }

    /**
     * An error answer of the cloud. {@code resource} names what the call was about ({@code role/probe-role}); the
     * server's {@code serverMessage} ends the sentence, as the cloud's reason.
     */
    public static CloudException of(String operation, String resource, String code, int httpStatus,
                                    String requestId, String serverMessage, Throwable cause) {
        return new CloudException(operation, code, httpStatus, requestId,
                Advice.sentence(operation, resource, code, serverMessage), cause);
    }

    /** The endpoint did not answer at all. */
    public static CloudException unreachable(String operation, String endpoint, Throwable cause) {
        return new CloudException(operation, UNREACHABLE, 0, "", "Cannot reach " + endpoint
                + ". If this is the built-in sandbox, is it still running? Otherwise check the network, the proxy "
                + "and the region.", cause);
    }

    /** Something the caller named does not exist ({@code kind} is "Role", "Service", ...). */
    public static CloudException notFound(String kind, String name) {
        return new CloudException("find " + kind, NOT_FOUND, 404, "",
                kind + " \"" + name + "\" does not exist. Pick an existing one or create it first.", null);
    }

    /** Alibaba's error code ({@code NoPermission}, {@code EntityAlreadyExists.Role}, ...). */
    public String code() {
        return code;
    }

    /** 0 when no answer came. */
    public int httpStatus() {
        return httpStatus;
    }

    public Optional<String> requestId() {
        return requestId.isEmpty() ? Optional.empty() : Optional.of(requestId);
    }

    public String operation() {
        return operation;
    }

    /** What went wrong and what to do, for a person. */
    public String userMessage() {
        return userMessage;
    }

    /** Code, status, operation and request id, for a support ticket. */
    public String technicalDetails() {
        return operation + " · " + code + (httpStatus > 0 ? " · HTTP " + httpStatus : "")
                + (requestId.isEmpty() ? "" : " · request " + requestId);
    }

    /**
     * Whether what the call asked for may have happened although it failed. An error answer below 500 means the
     * cloud did nothing, and a request that could not be sent (connection refused, unknown host) never arrived; a
     * lost answer (a timeout, a dropped connection) or a server error leaves it open.
     */
    public boolean mayHaveTakenEffect() {
        if (httpStatus > 0) {
            return httpStatus >= 500;
        }
        for (Throwable cause = getCause(); cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof java.net.ConnectException || cause instanceof java.net.UnknownHostException
                    || cause instanceof java.net.NoRouteToHostException) {
                return false;
            }
        }
        return true;
    }

    /** True when the call was refused for lack of a permission. */
    public boolean isAccessDenied() {
        return Advice.isDenial(code);
    }
}
