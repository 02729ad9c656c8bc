package fcperm.cloud.sdk;

import com.aliyuncs.AcsRequest;
import com.aliyuncs.CommonRequest;
import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.IAcsClient;
import com.aliyuncs.auth.AlibabaCloudCredentialsProvider;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.http.FormatType;
import com.aliyuncs.http.HttpResponse;
import com.aliyuncs.http.MethodType;
import com.aliyuncs.http.ProtocolType;
import com.aliyuncs.profile.DefaultProfile;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fcperm.cloud.CloudException;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The RPC-style services (RAM, STS, Resource Manager) through aliyun-java-sdk-core: typed requests of the RAM and
 * STS SDKs, or a {@link CommonRequest} for the products without one. Each request is pointed at the connection's
 * endpoint with its scheme (typed RAM/STS requests default to HTTPS, so the protocol is set on every request), sent
 * with {@code doAction} so that the HTTP status is known, and its JSON answer or error is read here.
 */
public final class RpcClient implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final IAcsClient client;

    public RpcClient(String region, AlibabaCloudCredentialsProvider credentials) {
        this.client = new DefaultAcsClient(DefaultProfile.getProfile(region), credentials);
    }

    /** Sends a typed request of an official SDK to {@code endpoint} and returns the JSON answer. */
    public JsonNode call(Call call, URI endpoint, AcsRequest<?> request) throws CloudException {
        request.setSysProtocol(protocolOf(endpoint));
        request.setSysEndpoint(hostPort(endpoint));
        request.setSysAcceptFormat(FormatType.JSON);
        return Retry.run(call, () -> send(call, endpoint, request));
    }

    /** Calls {@code action} of a product that has no typed SDK here (Resource Manager 2020-03-31). */
    public JsonNode call(Call call, URI endpoint, String product, String version, String action,
                         Map<String, String> parameters) throws CloudException {
        CommonRequest request = new CommonRequest();
        request.setSysMethod(MethodType.POST);
        request.setSysProtocol(protocolOf(endpoint));
        request.setSysDomain(hostPort(endpoint));
        request.setSysProduct(product);
        request.setSysVersion(version);
        request.setSysAction(action);
        request.setSysAccept(FormatType.JSON);
        parameters.forEach(request::putQueryParameter);
        return Retry.run(call, () -> send(call, endpoint, request.buildRequest()));
    }

    private JsonNode send(Call call, URI endpoint, AcsRequest<?> request) throws CloudException {
        HttpResponse response;
        try {
            response = client.doAction(request);
        } catch (ClientException e) {
            // The core answers every failure to get a response with a ClientException (SDK.ServerUnreachable, ...),
            // and so does a renewing role key that could not be renewed.
            throw Failures.cloudCause(e).orElseGet(() -> CloudException.unreachable(call.operation(),
                    endpoint.toString(), e));
        }
        JsonNode body = parse(call, response);
        if (response.isSuccess()) {
            return body;
        }
        throw CloudException.of(call.operation(), call.resource(), body.path("Code").asText("HTTP" + response.getStatus()),
                response.getStatus(), body.path("RequestId").asText(""), body.path("Message").asText(""), null);
    }

    private static JsonNode parse(Call call, HttpResponse response) throws CloudException {
        byte[] content = response.getHttpContent();
        if (content == null || content.length == 0) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(content);
        } catch (IOException e) {
            throw new CloudException(call.operation(), "InvalidResponse", response.getStatus(), "",
                    "The answer of " + call.operation() + " is not JSON; is the endpoint an Alibaba Cloud RPC "
                            + "endpoint? It starts: " + new String(content, 0, Math.min(80, content.length),
                            StandardCharsets.UTF_8), e);
        }
    }

    private static ProtocolType protocolOf(URI endpoint) {
        return "http".equalsIgnoreCase(endpoint.getScheme()) ? ProtocolType.HTTP : ProtocolType.HTTPS;
    }

    /** The core takes {@code host[:port]} without a scheme. */
    private static String hostPort(URI endpoint) {
        return endpoint.getPort() < 0 ? endpoint.getHost() : endpoint.getHost() + ":" + endpoint.getPort();
    }

    @Override
    public void close() {
        client.shutdown();
    }
}
