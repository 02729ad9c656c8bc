package fcperm.sandbox.http.oss;

import fcperm.sandbox.protocol.ApiError;

import java.util.Map;

/** OSS error codes and statuses (wire-protocols.md §5.7) with OSS's wording. */
public final class OssErrors {

    private OssErrors() {
    }

    public static ApiError noSuchBucket(String bucket) {
        return new ApiError(404, "NoSuchBucket", "The specified bucket does not exist.", Map.of("BucketName", bucket));
    }

    public static ApiError noSuchKey(String key) {
        return new ApiError(404, "NoSuchKey", "The specified key does not exist.", Map.of("Key", key));
    }

    public static ApiError bucketExists(String bucket) {
        return new ApiError(409, "BucketAlreadyExists", "The requested bucket name is not available. "
                + "The bucket namespace is shared by all users of the system. Please select a different name and try again.",
                Map.of("BucketName", bucket));
    }

    public static ApiError bucketNotEmpty(String bucket) {
        return new ApiError(409, "BucketNotEmpty", "The bucket you tried to delete is not empty.", Map.of("BucketName", bucket));
    }

    public static ApiError invalidBucketName(String bucket) {
        return new ApiError(400, "InvalidBucketName", "The specified bucket is not valid: use 3 to 63 lower-case letters, "
                + "digits and hyphens, starting and ending with a letter or digit.", Map.of("BucketName", bucket));
    }

    public static ApiError invalidObjectName(String key) {
        return new ApiError(400, "InvalidObjectName", "The specified object name is not valid: 1 to 1023 bytes of UTF-8, "
                + "not starting with / or \\.");
    }

    public static ApiError invalidArgument(String message) {
        return new ApiError(400, "InvalidArgument", message);
    }

    public static ApiError invalidDigest() {
        return new ApiError(400, "InvalidDigest", "The Content-MD5 you specified is not valid.");
    }

    public static ApiError fileAlreadyExists(String key) {
        return new ApiError(409, "FileAlreadyExists", "The object you specified already exists and can not be overwritten.",
                Map.of("Key", key));
    }

    public static ApiError malformedXml(String why) {
        return new ApiError(400, "MalformedXML", "The XML you provided was not well-formed or did not validate: " + why);
    }

    public static ApiError invalidRange() {
        return new ApiError(416, "InvalidRange", "The requested range cannot be satisfied.");
    }

    public static ApiError resourceGroupNotFound(String id) {
        return new ApiError(400, "InvalidArgument", "The resource group " + id + " does not exist.",
                Map.of("ArgumentName", "x-oss-resource-group-id"));
    }

    public static ApiError notImplemented(String what) {
        return new ApiError(400, "NotImplemented", what + " is not supported by the sandbox.");
    }
}
