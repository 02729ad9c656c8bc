package fcperm.sandbox.http;

import fcperm.sandbox.auth.RequestContext;
import fcperm.sandbox.auth.RequiredPermission;
import fcperm.sandbox.auth.SignedRequest;
import fcperm.sandbox.identity.Caller;
import org.eclipse.jetty.server.Response;

import java.io.IOException;
import java.util.List;
import java.util.function.BiFunction;

/**
 * A request a {@link WireStyle} has recognised: which service operation it asks for, how it was signed, what it
 * needs to be allowed, and how to run it. The pipeline asks for these in order. The operation's result keeps its own
 * type up to the style's writer ({@link #of}): what the pipeline gets back is a {@link Reply}, ready to be written.
 */
public final class ServiceCall {

    /** The permissions the operation needs; computed after authentication (they may read the request body). */
    @FunctionalInterface
    public interface Permissions {
        List<RequiredPermission> needed(Caller caller, RequestContext context);
    }

    /** Writes an operation's result in the style's envelope. */
    @FunctionalInterface
    public interface ResultWriter<R> {
        void write(R result, String requestId, Response response) throws IOException;
    }

    private final String service;
    private final String operation;
    private final SignedRequest signature;
    private final Permissions permissions;
    private final BiFunction<Caller, RequestContext, Reply> run;

    private ServiceCall(String service, String operation, SignedRequest signature, Permissions permissions,
                 BiFunction<Caller, RequestContext, Reply> run) {
        this.service = service;
        this.operation = operation;
        this.signature = signature;
        this.permissions = permissions;
        this.run = run;
    }

    /**
     * @param service   the emulated service, lower-case: ram, sts, resourcemanager, oss, fc
     * @param operation the operation, e.g. CreateRole, PutObject
     * @param handler   runs the operation (the caller is authenticated and authorized by then)
     * @param writer    writes what {@code handler} returned
     */
    public static <R> ServiceCall of(String service, String operation, SignedRequest signature, Permissions permissions,
                              BiFunction<Caller, RequestContext, R> handler, ResultWriter<R> writer) {
        return new ServiceCall(service, operation, signature, permissions, (caller, context) -> {
            R result = handler.apply(caller, context);
            return (requestId, response) -> writer.write(result, requestId, response);
        });
    }

    public String service() {
        return service;
    }

    public String operation() {
        return operation;
    }

    public SignedRequest signature() {
        return signature;
    }

    public List<RequiredPermission> permissions(Caller caller, RequestContext context) {
        return permissions.needed(caller, context);
    }

    /** Runs the operation; the reply writes its result. */
    public Reply invoke(Caller caller, RequestContext context) {
        return run.apply(caller, context);
    }

    @Override
    public String toString() {
        return "Call[" + service + ":" + operation + "]";
    }
}
