package fcperm.sandbox.http.fc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * An FC 2.0 API request in the service's own terms: the region it was sent to, the path parameters, the query, the
 * headers (names lower-cased) and the body, read only when first asked for. The JSON body is parsed on first use; unknown members (the Java SDK
 * sends a stray {@code headers} object) are ignored.
 */
public final class FcRequest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String requestId;
    private final String region;
    private final Map<String, String> pathParameters;
    private final Map<String, String> query;
    private final Map<String, String> headers;
    private final Supplier<byte[]> bodySource;
    private byte[] body;
    private JsonNode json;

    public FcRequest(String requestId, String region, Map<String, String> pathParameters, Map<String, String> query,
                     Map<String, String> headers, Supplier<byte[]> body) {
        this.requestId = requestId;
        this.region = region;
        this.pathParameters = Map.copyOf(pathParameters);
        this.query = Map.copyOf(query);
        this.headers = Map.copyOf(headers);
        this.bodySource = body;
    }

    public String requestId() {
        return requestId;
    }

    public String region() {
        return region;
    }

    public String path(String name) {
        return pathParameters.get(name);
    }

    public Optional<String> query(String name) {
        return Optional.ofNullable(query.get(name)).filter(value -> !value.isEmpty());
    }

    public Optional<String> header(String lowerCaseName) {
        return Optional.ofNullable(headers.get(lowerCaseName));
    }

    /** The body, read on first use. */
    public synchronized byte[] body() {
        if (body == null) {
            body = bodySource.get();
        }
        return body;
    }

    /** The body as a JSON object ({} when empty); a body that is not a JSON object is an InvalidArgument. */
    public JsonNode json() {
        if (json == null) {
            if (body().length == 0) {
                json = JsonNodeFactory.instance.objectNode();
            } else {
                try {
                    json = JSON.readTree(body());
                } catch (JsonProcessingException e) {
                    throw FcErrors.invalidArgument("the request body is not valid JSON: " + e.getOriginalMessage());
                } catch (IOException e) {
                    throw FcErrors.invalidArgument("the request body cannot be read as JSON");
                }
                if (json == null || !json.isObject()) {
                    throw FcErrors.invalidArgument("the request body must be a JSON object");
                }
            }
        }
        return json;
    }

    @Override
    public String toString() {
        return "FcRequest[" + requestId + ", " + region + ", " + pathParameters + "]";
    }
}
