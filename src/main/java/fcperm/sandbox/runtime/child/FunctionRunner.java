package fcperm.sandbox.runtime.child;

import com.aliyun.fc.runtime.Context;
import com.aliyun.fc.runtime.PojoRequestHandler;
import com.aliyun.fc.runtime.StreamRequestHandler;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The main class of a function instance: a child JVM whose classpath is the uploaded package (its root and
 * {@code lib/*.jar}), fc-java-core and this runner. It loads the handler once, then serves invocations framed by
 * {@link Frames} on stdin/stdout until stdin closes. What the function prints goes to the invocation's log, never
 * to the protocol stream.
 *
 * <p>Arguments: {@code handler serviceName functionName memoryMb timeoutMs}; the handler is
 * {@code package.Class::method}.
 */
public final class FunctionRunner {

    /** One way of calling the user's code. */
    @FunctionalInterface
    private interface Handler {
        void handle(InputStream input, OutputStream output, Context context) throws Throwable;
    }

    private FunctionRunner() {
    }

    public static void main(String[] args) throws IOException {
        InvocationContext.Function function = new InvocationContext.Function(args[1], args[2], args[0],
                Integer.parseInt(args[3]), Integer.parseInt(args[4]));
        DataOutputStream protocol = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)));
        DataInputStream requests = new DataInputStream(new BufferedInputStream(new FileInputStream(FileDescriptor.in)));
        InvocationLog log = new InvocationLog();
        System.setOut(log.stream());
        System.setErr(log.stream());

        Handler handler;
        String loadError = null;
        try {
            handler = load(function.handler());
        } catch (Throwable e) {
            handler = null;
            loadError = errorJson(e);
        }
        protocol.writeInt(Frames.READY);
        protocol.flush();

        while (true) {
            String requestId;
            String accessKeyId;
            String accessKeySecret;
            String securityToken;
            byte[] payload;
            try {
                requestId = requests.readUTF();
                accessKeyId = requests.readUTF();
                accessKeySecret = requests.readUTF();
                securityToken = requests.readUTF();
                payload = Frames.readBytes(requests);
            } catch (EOFException e) {
                return; // the sandbox closed the instance
            }
            Context context = new InvocationContext(requestId,
                    InvocationContext.credentials(accessKeyId, accessKeySecret, securityToken), function, log);
            log.stream().println("FC Invoke Start RequestId: " + requestId);
            byte status;
            byte[] body;
            if (handler == null) {
                status = Frames.FUNCTION_ERROR;
                body = loadError.getBytes(StandardCharsets.UTF_8);
            } else {
                ByteArrayOutputStream output = new ByteArrayOutputStream();
                try {
                    handler.handle(new ByteArrayInputStream(payload), output, context);
                    status = Frames.OK;
                    body = output.toByteArray();
                } catch (Throwable e) {
                    Throwable cause = e instanceof InvocationTargetException ite && ite.getCause() != null ? ite.getCause() : e;
                    cause.printStackTrace(log.stream());
                    status = Frames.FUNCTION_ERROR;
                    body = errorJson(cause).getBytes(StandardCharsets.UTF_8);
                }
            }
            log.stream().println("FC Invoke End RequestId: " + requestId);
            Runtime runtime = Runtime.getRuntime();
            int usedMb = (int) ((runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024));
            protocol.writeByte(status);
            Frames.writeBytes(protocol, body);
            Frames.writeBytes(protocol, log.takeBytes());
            protocol.writeInt(usedMb);
            protocol.flush();
        }
    }

    /** Resolves {@code package.Class::method} to a way of calling it, as FC's Java runtime does. */
    private static Handler load(String handlerSpec) throws ReflectiveOperationException {
        int separator = handlerSpec.indexOf("::");
        if (separator <= 0 || separator == handlerSpec.length() - 2) {
            throw new IllegalArgumentException("Invalid handler '" + handlerSpec + "': expected package.Class::method");
        }
        String className = handlerSpec.substring(0, separator);
        String methodName = handlerSpec.substring(separator + 2);
        Class<?> type = Class.forName(className, true, FunctionRunner.class.getClassLoader());
        Object instance = type.getDeclaredConstructor().newInstance();
        if (methodName.equals("handleRequest") && instance instanceof StreamRequestHandler stream) {
            return stream::handleRequest;
        }
        if (methodName.equals("handleRequest") && instance instanceof PojoRequestHandler<?, ?> pojo) {
            return pojoHandler(pojo);
        }
        Method method = type.getMethod(methodName, InputStream.class, OutputStream.class, Context.class);
        return (input, output, context) -> method.invoke(instance, input, output, context);
    }

    /** A POJO handler's input is read from, and its result written as, JSON by the package's own Jackson. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Handler pojoHandler(PojoRequestHandler pojo) throws ReflectiveOperationException {
        Class<?> inputType = pojoInputType(pojo.getClass());
        Class<?> mapperType;
        try {
            mapperType = Class.forName("com.fasterxml.jackson.databind.ObjectMapper");
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("PojoRequestHandler needs Jackson (jackson-databind) in the code package", e);
        }
        Object mapper = mapperType.getDeclaredConstructor().newInstance();
        Method read = mapperType.getMethod("readValue", InputStream.class, Class.class);
        Method write = mapperType.getMethod("writeValue", OutputStream.class, Object.class);
        return (input, output, context) -> {
            Object event = read.invoke(mapper, input, inputType);
            Object result = pojo.handleRequest(event, context);
            write.invoke(mapper, output, result);
        };
    }

    private static Class<?> pojoInputType(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Type generic : c.getGenericInterfaces()) {
                if (generic instanceof ParameterizedType parameterized
                        && parameterized.getRawType() == PojoRequestHandler.class
                        && parameterized.getActualTypeArguments()[0] instanceof Class<?> input) {
                    return input;
                }
            }
        }
        return Object.class;
    }

    /** The body FC's Java runtime answers a failed invocation with. */
    static String errorJson(Throwable error) {
        List<String> frames = new ArrayList<>();
        for (StackTraceElement element : error.getStackTrace()) {
            frames.add(Frames.jsonString(element.toString()));
        }
        String message = String.valueOf(error.getMessage());
        String cause = error.getCause() == null ? message : String.valueOf(error.getCause().getMessage());
        return "{\"errorMessage\":" + Frames.jsonString(message)
                + ",\"errorType\":" + Frames.jsonString(error.getClass().getName())
                + ",\"errorCause\":" + Frames.jsonString(cause)
                + ",\"stackTrace\":[" + String.join(",", frames) + "]}";
    }
}
