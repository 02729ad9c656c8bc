package fcperm.sandbox.fc;

import fcperm.sandbox.auth.RequestContext;
import fcperm.sandbox.auth.RequiredPermission;

import java.util.List;

/** One FC 2.0 API operation: what it needs to be allowed, and how it runs. */
public interface FcOperation {

    String name();

    List<RequiredPermission> permissions(FcRequest request);

    FcResponse run(FcRequest request, RequestContext context);
}
