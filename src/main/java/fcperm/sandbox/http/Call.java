package fcperm.sandbox.http;

import fcperm.sandbox.identity.Caller;
import fcperm.sandbox.auth.RequestContext;
import fcperm.sandbox.auth.RequiredPermission;
import fcperm.sandbox.auth.SignedRequest;

import java.util.List;

/**
 * A request a {@link WireStyle} has recognised: which service operation it asks for, how it was signed, what it
 * needs to be allowed, and how to run it. The pipeline calls these in order; the result goes back to the style to be
 * written.
 */
public interface Call {

    /** The emulated service, lower-case: ram, sts, resourcemanager, oss, fc. */
    String service();

    /** The operation, e.g. CreateRole, PutObject. */
    String operation();

    SignedRequest signature();

    List<RequiredPermission> permissions(Caller caller, RequestContext context);

    /** Runs the operation; the returned object is what the style's {@code writeResult} expects. */
    Object invoke(Caller caller, RequestContext context);
}
