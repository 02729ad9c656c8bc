package fcperm.sandbox.http.oss;

import fcperm.sandbox.auth.RequiredPermission;

import java.util.List;
import java.util.function.Function;

/** One OSS operation: its name, the permissions a request for it needs, and what it answers. */
public record OssOperation(String name, Function<OssRequest, List<RequiredPermission>> permissions,
                           Function<OssRequest, OssResponse> run) {

    /** OSS's operation table: the operation a request asks for, or NotImplemented (ApiError). */
    @FunctionalInterface
    public interface Table {
        OssOperation operation(OssRequest request);
    }
}
