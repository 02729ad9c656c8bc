package fcperm.sandbox.runtime;

/**
 * One invocation: the request id, the event bytes, and the execution credentials (empty strings when the service
 * has no role). {@link #toString()} never shows the secret or the token.
 */
public record InvocationRequest(String requestId, byte[] payload, String accessKeyId, String accessKeySecret,
                                String securityToken) {

    @Override
    public String toString() {
        return "InvocationRequest[" + requestId + ", " + payload.length + " bytes, accessKeyId=" + accessKeyId + "]";
    }
}
