package fcperm.cloud.sts;

import com.aliyun.credentials.http.CompatibleUrlConnClient;
import com.aliyun.credentials.http.HttpRequest;
import com.aliyun.credentials.http.HttpResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fcperm.cloud.CloudException;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;

/**
 * The HTTP client the credentials library's role providers send AssumeRole with, pointed at the connection's STS
 * endpoint. The library builds, signs and reads the request, but writes its URL as {@code https://} + the endpoint
 * it was given; the sandbox (and a private endpoint) may speak plain HTTP, so the scheme is put back here. It keeps
 * the last answer, so that a refusal reaches the user as Alibaba's code and message rather than the library's text.
 */
final class StsTransport extends CompatibleUrlConnClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI sts;
    private HttpResponse answer;

    StsTransport(URI sts) {
        this.sts = sts;
    }

    /** {@code host[:port]}: how the library takes an endpoint. */
    static String hostPort(URI endpoint) {
        return endpoint.getPort() < 0 ? endpoint.getHost() : endpoint.getHost() + ":" + endpoint.getPort();
    }

    @Override
    public HttpURLConnection buildHttpConnection(HttpRequest request) {
        String written = "https://" + hostPort(sts);
        if (request.getSysUrl().startsWith(written)) {
            request.setSysUrl(sts.getScheme() + "://" + hostPort(sts) + request.getSysUrl().substring(written.length()));
        }
        return super.buildHttpConnection(request);
    }

    @Override
    public HttpResponse syncInvoke(HttpRequest request) {
        answer = super.syncInvoke(request);
        return answer;
    }

    /**
     * Why the last call gave no key, as the cloud said it; {@code failure} is what the library threw, which is all
     * there is when it gave up before sending (an OIDC token file it cannot read).
     */
    CloudException failure(String operation, String resource, RuntimeException failure) {
        if (answer == null) {
            return KeySources.failure(failure);
        }
        if (answer.getResponseCode() <= 0) {
            return CloudException.unreachable(operation, sts.toString(), failure);
        }
        JsonNode body;
        try {
            body = JSON.readTree(answer.getHttpContentString());
        } catch (IOException | RuntimeException e) {
            body = JSON.createObjectNode();
        }
        return CloudException.of(operation, resource, body.path("Code").asText("HTTP" + answer.getResponseCode()),
                answer.getResponseCode(), body.path("RequestId").asText(""), body.path("Message").asText(""), null);
    }
}
