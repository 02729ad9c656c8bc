package fcperm.sandbox.testfunctions;

import com.aliyun.fc.runtime.Context;
import com.aliyun.fc.runtime.Credentials;
import com.aliyun.fc.runtime.StreamRequestHandler;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Reports the instance's process id, the credentials' key id and what the environment says. */
public class WhoAmI implements StreamRequestHandler {
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        Credentials credentials = context.getExecutionCredentials();
        String json = "{\"pid\":" + ProcessHandle.current().pid()
                + ",\"accessKeyId\":\"" + (credentials == null ? "" : credentials.getAccessKeyId()) + "\""
                + ",\"hasToken\":" + (credentials != null && !credentials.getSecurityToken().isEmpty())
                + ",\"requestId\":\"" + context.getRequestId() + "\""
                + ",\"greeting\":\"" + System.getenv().getOrDefault("GREETING", "") + "\""
                + ",\"service\":\"" + context.getService().getName() + "\""
                + ",\"memory\":" + context.getFunctionParam().getMemoryLimitInMB() + "}";
        output.write(json.getBytes(StandardCharsets.UTF_8));
    }
}
