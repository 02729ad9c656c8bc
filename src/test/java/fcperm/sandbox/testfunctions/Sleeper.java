package fcperm.sandbox.testfunctions;

import com.aliyun.fc.runtime.Context;
import com.aliyun.fc.runtime.StreamRequestHandler;

import java.io.InputStream;
import java.io.OutputStream;

/** Never finishes within a short timeout. */
public class Sleeper implements StreamRequestHandler {
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) {
        try {
            Thread.sleep(60_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
