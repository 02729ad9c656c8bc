package fcperm.sandbox.http;

import fcperm.sandbox.auth.AccessDecision;
import fcperm.sandbox.auth.AuthenticationException;
import fcperm.sandbox.identity.Caller;
import fcperm.sandbox.protocol.ApiError;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;

import java.io.IOException;

/**
 * One shape of request on the shared port (POP RPC, OSS REST, FC 2.0 REST): how to recognise it, read it into a
 * {@link Call}, and write results and errors in its envelope. This is the extension point for new services: register
 * a style with the {@link RequestPipeline} (styles are asked in order; the first that accepts a request owns it).
 * A style may leave the body unread in {@code open} and stream it in {@code Call.invoke} (OSS uploads).
 */
public interface WireStyle {

    /** Cheap test on the request line and headers (never the body). */
    boolean accepts(Request request);

    /**
     * Reads the request into a call.
     *
     * @param region the region the request arrived for (see {@link SandboxServer#openRegion})
     * @throws ApiError if the request is in this style but malformed or names an unknown operation
     */
    Call open(Request request, String requestId, String region);

    /** The error for a refused signature or key, in this style's codes. */
    ApiError authenticationError(AuthenticationException failure);

    /** The error for a caller the authorizer refused, in this style's codes. */
    ApiError accessDenied(Call call, Caller caller, AccessDecision decision);

    /** Writes a successful result (blocking); {@code result} is what {@code call.invoke} returned. */
    void writeResult(Call call, Object result, String requestId, Response response) throws IOException;

    /** Writes an error (blocking); {@code call} is null when the request could not be opened. */
    void writeError(Call call, ApiError error, String requestId, Request request, Response response) throws IOException;
}
