package fcperm.sandbox.http.oss;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An OSS request in the service's terms: method, bucket ("" for the service), decoded key ("" for bucket operations),
 * the query (decoded; a sub-resource without value maps to ""), the headers (names lower-cased), the region of the
 * listener, and the body, opened only by operations that read it (so uploads stream).
 */
public record OssRequest(String method, String bucket, String key, Map<String, List<String>> query,
                         Map<String, String> headers, String region, RequestBody body) {

    public boolean has(String parameter) {
        return query.containsKey(parameter);
    }

    public Optional<String> query(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    public Optional<String> header(String lowerCaseName) {
        return Optional.ofNullable(headers.get(lowerCaseName));
    }

    @Override
    public String toString() {
        return "OssRequest[" + method + " " + bucket + "/" + key + "]";
    }
}
