package fcperm.sandbox.testfunctions;

import com.aliyun.fc.runtime.Context;
import com.aliyun.fc.runtime.StreamRequestHandler;

import java.io.InputStream;
import java.io.OutputStream;

/** Throws, as a buggy function does. */
public class Failing implements StreamRequestHandler {
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) {
        throw new IllegalStateException("boom");
    }
}
