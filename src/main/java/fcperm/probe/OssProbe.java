package fcperm.probe;

import com.aliyun.fc.runtime.Context;
import com.aliyun.fc.runtime.Credentials;
import com.aliyun.fc.runtime.StreamRequestHandler;
import com.aliyun.oss.ClientBuilderConfiguration;
import com.aliyun.oss.ClientException;
import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSClientBuilder;
import com.aliyun.oss.OSSException;
import com.aliyun.oss.model.PutObjectResult;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The function the app deploys to prove a service's role works: it writes {@code message} to
 * {@code bucket/objectName} through OSS with the temporary credentials FC hands the function, exactly as the
 * console's Python sample does. Event: {@code {"endpoint","bucket","objectName","message"}}. It answers JSON:
 * {@code {"ok":true,"requestId","etag",...}} or {@code {"ok":false,"errorCode","errorMessage","requestId"}}.
 * It is uploaded as function code, so it uses nothing of the app but this class.
 */
public final class OssProbe implements StreamRequestHandler {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        ObjectNode result = run(JSON.readTree(input), context);
        output.write(JSON.writeValueAsBytes(result));
    }

    private static ObjectNode run(JsonNode event, Context context) {
        String endpoint = text(event, "endpoint");
        String bucket = text(event, "bucket");
        String objectName = text(event, "objectName");
        String message = text(event, "message");
        ObjectNode result = JSON.createObjectNode();
        result.put("bucket", bucket);
        result.put("objectName", objectName);
        if (endpoint.isEmpty() || bucket.isEmpty() || objectName.isEmpty()) {
            return failure(result, "InvalidEvent", "The event needs endpoint, bucket and objectName.");
        }
        Credentials credentials = context.getExecutionCredentials();
        if (credentials == null || credentials.getAccessKeyId() == null || credentials.getAccessKeyId().isEmpty()) {
            return failure(result, "NoCredentials",
                    "Function Compute gave the function no credentials: the service has no role. Bind a role to the service.");
        }
        result.put("accessKeyId", credentials.getAccessKeyId());
        ClientBuilderConfiguration configuration = new ClientBuilderConfiguration();
        configuration.setMaxErrorRetry(0);
        configuration.setConnectionTimeout(10_000);
        OSS oss = new OSSClientBuilder().build(endpoint, credentials.getAccessKeyId(),
                credentials.getAccessKeySecret(), credentials.getSecurityToken(), configuration);
        try {
            context.getLogger().info("putting oss://" + bucket + "/" + objectName + " through " + endpoint);
            PutObjectResult put = oss.putObject(bucket, objectName,
                    new ByteArrayInputStream(message.getBytes(StandardCharsets.UTF_8)));
            result.put("ok", true);
            result.put("requestId", put.getRequestId());
            result.put("etag", put.getETag());
            context.getLogger().info("put succeeded, OSS request id " + put.getRequestId());
            return result;
        } catch (OSSException e) {
            context.getLogger().error("OSS refused: " + e.getErrorCode() + " " + e.getErrorMessage());
            result.put("requestId", e.getRequestId());
            return failure(result, e.getErrorCode(), e.getErrorMessage());
        } catch (ClientException e) {
            context.getLogger().error("OSS could not be reached: " + e.getErrorMessage());
            return failure(result, e.getErrorCode() == null ? "ClientError" : e.getErrorCode(), e.getErrorMessage());
        } finally {
            oss.shutdown();
        }
    }

    private static ObjectNode failure(ObjectNode result, String code, String message) {
        result.put("ok", false);
        result.put("errorCode", code);
        result.put("errorMessage", message);
        return result;
    }

    private static String text(JsonNode event, String field) {
        JsonNode value = event == null ? null : event.get(field);
        return value == null || value.isNull() ? "" : value.asText();
    }
}
