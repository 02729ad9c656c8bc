package fcperm.sandbox.runtime.child;

import com.aliyun.fc.runtime.Context;
import com.aliyun.fc.runtime.Credentials;
import com.aliyun.fc.runtime.FunctionComputeLogger;
import com.aliyun.fc.runtime.FunctionParam;
import com.aliyun.fc.runtime.OpenTracing;
import com.aliyun.fc.runtime.Service;

import java.util.Map;

/** The fc-java-core {@link Context} a handler receives: request id, metadata, a logger and the role's credentials. */
final class InvocationContext implements Context {

    /** What the instance knows about its function from its command line. */
    record Function(String serviceName, String functionName, String handler, int memoryMb, int timeoutMs) {
    }

    private final String requestId;
    private final Credentials credentials;
    private final Function function;
    private final InvocationLog log;

    InvocationContext(String requestId, Credentials credentials, Function function, InvocationLog log) {
        this.requestId = requestId;
        this.credentials = credentials;
        this.function = function;
        this.log = log;
    }

    /** The role session's key, or null when the service has no role (the function then has no credentials). */
    static Credentials credentials(String accessKeyId, String accessKeySecret, String securityToken) {
        if (accessKeyId.isEmpty()) {
            return null;
        }
        return new Credentials() {
            @Override
            public String getAccessKeyId() {
                return accessKeyId;
            }

            @Override
            public String getAccessKeySecret() {
                return accessKeySecret;
            }

            @Override
            public String getSecurityToken() {
                return securityToken;
            }
        };
    }

    @Override
    public String getRequestId() {
        return requestId;
    }

    @Override
    public Credentials getExecutionCredentials() {
        return credentials;
    }

    @Override
    public FunctionParam getFunctionParam() {
        return new FunctionParam() {
            @Override
            public String getFunctionName() {
                return function.functionName();
            }

            @Override
            public String getFunctionHandler() {
                return function.handler();
            }

            @Override
            public String getFunctionInitializer() {
                return "";
            }

            @Override
            public int getExecTimeLimitInMillis() {
                return function.timeoutMs();
            }

            @Override
            public int getMemoryLimitInMB() {
                return function.memoryMb();
            }
        };
    }

    @Override
    public Service getService() {
        return new Service() {
            @Override
            public String getName() {
                return function.serviceName();
            }

            @Override
            public String getLogProject() {
                return "";
            }

            @Override
            public String getLogStore() {
                return "";
            }

            @Override
            public String getQualifier() {
                return "LATEST";
            }

            @Override
            public String getVersionId() {
                return "";
            }
        };
    }

    @Override
    public FunctionComputeLogger getLogger() {
        return new FunctionComputeLogger() {
            private Level threshold = Level.INFO;

            private void log(Level level, String message) {
                if (level.ordinal() >= threshold.ordinal()) {
                    log.line(requestId, level.name(), message);
                }
            }

            @Override
            public void trace(String message) {
                log(Level.TRACE, message);
            }

            @Override
            public void debug(String message) {
                log(Level.DEBUG, message);
            }

            @Override
            public void info(String message) {
                log(Level.INFO, message);
            }

            @Override
            public void warn(String message) {
                log(Level.WARN, message);
            }

            @Override
            public void error(String message) {
                log(Level.ERROR, message);
            }

            @Override
            public void fatal(String message) {
                log(Level.FATAL, message);
            }

            @Override
            public void setLogLevel(Level level) {
                threshold = level;
            }
        };
    }

    @Override
    public OpenTracing getTracing() {
        return new OpenTracing() {
            @Override
            public String getSpanContext() {
                return "";
            }

            @Override
            public Map<String, String> getSpanBaggages() {
                return Map.of();
            }

            @Override
            public String getJaegerEndpoint() {
                return "";
            }
        };
    }

    @Override
    public int getRetryCount() {
        return 0;
    }
}
