package fcperm.sandbox.testfunctions;

import com.aliyun.fc.runtime.Context;
import com.aliyun.fc.runtime.StreamRequestHandler;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Writes its event back; logs through the context logger and stdout. */
public class Echo implements StreamRequestHandler {
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        context.getLogger().info("echo called in " + context.getFunctionParam().getFunctionName());
        System.out.println("printed by the function");
        input.transferTo(output);
    }
}
