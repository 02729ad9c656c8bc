package fcperm.sandbox.oss;

import java.nio.file.Path;
import java.util.Map;

/** An object's metadata and where its bytes are. {@code etag} is the upper-case hex MD5 without quotes. */
public record OssObject(String bucket, String key, long size, String etag, String crc64, String contentType,
                        Map<String, String> metadata, Path file, String lastModified) {

    public OssObject {
        metadata = Map.copyOf(metadata);
    }
}
