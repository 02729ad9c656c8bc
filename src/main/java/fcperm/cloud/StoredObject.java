package fcperm.cloud;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** An OSS object as read back: its bytes, ETag and the request id of the read. */
public record StoredObject(String bucket, String key, byte[] content, String etag, String requestId) {

    /** The content as UTF-8 text. */
    public String text() {
        return new String(content, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StoredObject that && bucket.equals(that.bucket) && key.equals(that.key)
                && Arrays.equals(content, that.content) && etag.equals(that.etag);
    }

    @Override
    public int hashCode() {
        return bucket.hashCode() * 31 + key.hashCode();
    }

    @Override
    public String toString() {
        return "StoredObject[" + bucket + "/" + key + ", " + content.length + " bytes, etag " + etag + "]";
    }
}
