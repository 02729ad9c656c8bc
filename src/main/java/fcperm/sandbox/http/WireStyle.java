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
 * {@link ServiceCall} (whose writer puts a result in the style's envelope), and write errors in that envelope.
 * Styles are asked in order; the first that accepts a request owns it. {@code open} reads the request line and
 * headers only: a body is read after authentication, by the call's permissions or its operation (OSS streams
 * uploads). POP RPC is the exception that proves it: its signature travels in the form body, so that body is the
 * signature's input.
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
    ServiceCall open(Request request, String requestId, String region);

    /** The error for a refused signature or key, in this style's codes. */
    ApiError authenticationError(AuthenticationException failure);

    /** The error for a caller the authorizer refused, in this style's codes. */
    ApiError accessDenied(ServiceCall call, Caller caller, AccessDecision decision);

    /** Writes an error (blocking); {@code call} is null when the request could not be opened. */
    void writeError(ServiceCall call, ApiError error, String requestId, Request request, Response response)
            throws IOException;
}
