package fcperm.sandbox.http.fc;

import fcperm.sandbox.auth.RequestContext;
import fcperm.sandbox.auth.RequiredPermission;

import java.util.List;
import java.util.Map;

/** One FC 2.0 API operation: what it needs to be allowed, and how it runs. */
public interface FcOperation {

    /** FC's operation table: the operation for a method and path (after the API version), with its path parameters. */
    @FunctionalInterface
    interface Table {
        /** The match, or an ApiError (PathNotSupported, AliasNotFound) saying why there is none. */
        Match match(String method, String path);
    }

    /** A matched operation with the parameters its path named ({@code service}, {@code function}). */
    record Match(FcOperation operation, Map<String, String> pathParameters) {
    }

    String name();

    List<RequiredPermission> permissions(FcRequest request);

    FcResponse run(FcRequest request, RequestContext context);
}
