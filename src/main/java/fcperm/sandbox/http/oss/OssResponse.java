package fcperm.sandbox.http.oss;

import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an OSS operation answers: status, headers (exact names), and a body that is either bytes (XML) or a range
 * of an opened object file, streamed by the wire and then closed.
 */
public record OssResponse(int status, Map<String, String> headers, byte[] body, FileChannel file, long offset,
                          long length) {

    public static OssResponse of(int status, Map<String, String> headers, byte[] body) {
        return new OssResponse(status, headers, body, null, 0, body.length);
    }

    public static OssResponse xml(String xml, Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("Content-Type", "application/xml");
        return of(200, all, xml.getBytes(StandardCharsets.UTF_8));
    }

    public static OssResponse file(int status, Map<String, String> headers, FileChannel file, long offset, long length) {
        return new OssResponse(status, headers, new byte[0], file, offset, length);
    }
}
