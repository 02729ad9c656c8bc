package fcperm.cloud;

import com.aliyuncs.CommonRequest;
import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.IAcsClient;
import com.aliyuncs.http.MethodType;
import com.aliyuncs.http.ProtocolType;
import com.aliyuncs.profile.DefaultProfile;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fcperm.cloud.session.SdkSession;
import fcperm.sandbox.Sandbox;
import fcperm.sandbox.SandboxOptions;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A sandbox account for one test class, reached through the cloud layer like any other account, and a watch on
 * secrets: every secret the class handles is registered, everything printed while the class runs (the sandbox's
 * request log, SDK warnings, our own logs) is captured, and after the last test none of the secrets may appear in
 * it, nor in any {@link CloudException} the class met through {@link #fails}.
 */
final class SandboxAccount implements BeforeAllCallback, AfterAllCallback {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The sandbox's clock; tests move it to expire STS tokens. */
    static final class MovableClock extends Clock {
        private volatile Duration offset = Duration.ZERO;

        void setOffset(Duration offset) {
            this.offset = offset;
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    private final MovableClock clock = new MovableClock();
    private final Set<String> secrets = ConcurrentHashMap.newKeySet();
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final StringBuilder failureTexts = new StringBuilder();
    private PrintStream originalOut;
    private PrintStream originalErr;
    private Path dataDir;
    private Sandbox sandbox;
    private IAcsClient root;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(tee(originalOut));
        System.setErr(tee(originalErr));
        dataDir = Files.createTempDirectory("cloud-test");
        sandbox = Sandbox.start(SandboxOptions.of(dataDir).withClock(clock));
        secret(sandbox.rootCredentials().accessKeySecret());
        DefaultProfile profile = DefaultProfile.getProfile(sandbox.region(), sandbox.rootCredentials().accessKeyId(),
                sandbox.rootCredentials().accessKeySecret());
        root = new DefaultAcsClient(profile);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        root.shutdown();
        sandbox.close();
        System.setOut(originalOut);
        System.setErr(originalErr);
        try (Stream<Path> files = Files.walk(dataDir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
        String output = printed.toString(StandardCharsets.UTF_8);
        assertThat(output).as("the class printed something").isNotEmpty();
        for (String secret : secrets) {
            assertThat(output).as("a secret was printed").doesNotContain(secret);
            assertThat(failureTexts.toString()).as("a secret is in an error message").doesNotContain(secret);
        }
    }

    private PrintStream tee(PrintStream original) {
        return new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                original.write(b);
                synchronized (printed) {
                    printed.write(b);
                }
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                original.write(bytes, offset, length);
                synchronized (printed) {
                    printed.write(bytes, offset, length);
                }
            }
        }, true, StandardCharsets.UTF_8);
    }

    /** Registers a secret that must never be printed nor appear in an error. */
    String secret(String value) {
        secrets.add(value);
        return value;
    }

    Sandbox sandbox() {
        return sandbox;
    }

    MovableClock clock() {
        return clock;
    }

    String accountId() {
        return sandbox.accountId();
    }

    Endpoints endpoints() {
        return Endpoints.local(sandbox.endpoints().ram(), sandbox.endpoints()::fc);
    }

    /** The connection the composition root hands the wizard: the sandbox's endpoints and root key. */
    Connection rootConnection() {
        return Connection.sandbox(sandbox.region(), new Credentials.AccessKey(
                sandbox.rootCredentials().accessKeyId(), sandbox.rootCredentials().accessKeySecret()), endpoints());
    }

    SdkSession open(Connection connection, int pageSize) throws CloudException {
        return SdkSession.open(connection, new SdkSession.Settings(pageSize));
    }

    SdkSession openAsRoot(int pageSize) throws CloudException {
        return open(rootConnection(), pageSize);
    }

    /** A RAM user with an AccessKey and the given system policies, made with the root key over the RAM API. */
    Credentials.AccessKey userWithKey(String name, String... systemPolicies) throws Exception {
        ram("CreateUser", Map.of("UserName", name));
        for (String policy : systemPolicies) {
            ram("AttachPolicyToUser", Map.of("UserName", name, "PolicyType", "System", "PolicyName", policy));
        }
        JsonNode key = ram("CreateAccessKey", Map.of("UserName", name)).path("AccessKey");
        return new Credentials.AccessKey(key.path("AccessKeyId").asText(), secret(key.path("AccessKeySecret").asText()));
    }

    /** Calls a RAM action with the root key (to build a test's world the way a user would). */
    JsonNode ram(String action, Map<String, String> parameters) throws Exception {
        return rpc("Ram", "2015-05-01", action, parameters);
    }

    JsonNode resourceManager(String action, Map<String, String> parameters) throws Exception {
        return rpc("ResourceManager", "2020-03-31", action, parameters);
    }

    private JsonNode rpc(String product, String version, String action, Map<String, String> parameters)
            throws Exception {
        CommonRequest request = new CommonRequest();
        request.setSysMethod(MethodType.POST);
        request.setSysProtocol(ProtocolType.HTTP);
        request.setSysDomain(sandbox.endpoints().hostPort());
        request.setSysProduct(product);
        request.setSysVersion(version);
        request.setSysAction(action);
        new HashMap<>(parameters).forEach(request::putQueryParameter);
        return JSON.readTree(root.getCommonResponse(request).getData());
    }

    /** Runs {@code call}, expecting a CloudException with {@code code}; keeps its texts for the secret check. */
    CloudException fails(String code, ThrowableAssert.ThrowingCallable call) {
        CloudException error = catchThrowableOfType(CloudException.class, call);
        assertThat(error).as("expected CloudException " + code).isNotNull();
        synchronized (failureTexts) {
            failureTexts.append(error.getMessage()).append('\n').append(error).append('\n')
                    .append(error.technicalDetails()).append('\n');
        }
        assertThat(error.code()).as(error.getMessage()).isEqualTo(code);
        return error;
    }
}
