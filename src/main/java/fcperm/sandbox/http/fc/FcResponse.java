package fcperm.sandbox.http.fc;

import java.util.Map;

/** What an FC operation answers: status, extra headers (in FC's exact case), content type and body. */
public record FcResponse(int status, Map<String, String> headers, String contentType, byte[] body) {

    public FcResponse {
        headers = Map.copyOf(headers);
    }

    public static FcResponse json(int status, byte[] body, Map<String, String> headers) {
        return new FcResponse(status, headers, "application/json; charset=utf-8", body);
    }

    public static FcResponse noContent() {
        return new FcResponse(204, Map.of(), "", new byte[0]);
    }
}
