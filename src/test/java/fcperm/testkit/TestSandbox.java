package fcperm.testkit;

import com.aliyuncs.AcsRequest;
import com.aliyuncs.AcsResponse;
import com.aliyuncs.CommonRequest;
import com.aliyuncs.CommonResponse;
import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.IAcsClient;
import com.aliyuncs.auth.BasicSessionCredentials;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.http.FormatType;
import com.aliyuncs.http.HttpClientConfig;
import com.aliyuncs.http.MethodType;
import com.aliyuncs.http.ProtocolType;
import com.aliyuncs.profile.DefaultProfile;
import com.aliyuncs.ram.model.v20150501.CreateRoleRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fcperm.cloud.CloudException;
import fcperm.cloud.Connection;
import fcperm.cloud.Endpoints;
import fcperm.cloud.session.SdkSession;
import fcperm.sandbox.Sandbox;
import fcperm.sandbox.SandboxOptions;
import fcperm.sandbox.identity.AccessKeyPair;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A sandbox on a random port for tests, and the official SDK clients pointed at it. As a JUnit extension
 * ({@code @RegisterExtension static final TestSandbox sandbox = new TestSandbox();}) it starts before the class's
 * first test on a fresh data folder, with a {@link MovableClock}, and is closed and deleted after its last;
 * {@link #around(Sandbox)} gives the same clients for a sandbox a test starts itself.
 *
 * <p>The RPC core's traps are handled here once: typed RAM/STS requests default to HTTPS and need
 * {@code setSysProtocol(HTTP)} and an endpoint without a scheme ({@link #local}).
 */
public final class TestSandbox implements BeforeAllCallback, AfterAllCallback {

    /** A trust policy that lets Function Compute assume the role (an FC service role's). */
    public static final String FC_TRUST = "{\"Statement\":[{\"Action\":\"sts:AssumeRole\",\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":[\"fc.aliyuncs.com\"]}}],\"Version\":\"1\"}";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final MovableClock clock = new MovableClock();
    private SecretWatch secrets;
    private Path dataDir;
    private Sandbox sandbox;
    private IAcsClient root;

    public TestSandbox() {
    }

    private TestSandbox(Sandbox sandbox) {
        this.sandbox = sandbox;
    }

    /** Clients of a sandbox the caller started and closes. */
    public static TestSandbox around(Sandbox sandbox) {
        return new TestSandbox(sandbox);
    }

    /**
     * Also watches secrets while the class runs: the root secret and every {@link SecretWatch#secret registered}
     * one must not appear in anything printed, nor in the cloud errors met through {@link SecretWatch#fails}.
     */
    public TestSandbox watchingSecrets() {
        secrets = new SecretWatch();
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        if (secrets != null) {
            secrets.start();
        }
        dataDir = Files.createTempDirectory("sandbox-test");
        sandbox = Sandbox.start(SandboxOptions.of(dataDir).withClock(clock));
        if (secrets != null) {
            secrets.secret(sandbox.rootCredentials().accessKeySecret());
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (root != null) {
            root.shutdown();
        }
        sandbox.close();
        try (Stream<Path> files = Files.walk(dataDir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
        if (secrets != null) {
            secrets.stopAndCheck();
        }
    }

    public Sandbox sandbox() {
        return sandbox;
    }

    /** The sandbox's clock (only for a sandbox this extension started). */
    public MovableClock clock() {
        return clock;
    }

    /** The secret watch of {@link #watchingSecrets()}. */
    public SecretWatch secrets() {
        if (secrets == null) {
            throw new IllegalStateException("this TestSandbox was not made watchingSecrets()");
        }
        return secrets;
    }

    public String accountId() {
        return sandbox.accountId();
    }

    // ---- the cloud layer's view

    /** The sandbox's endpoints as the cloud layer takes them. */
    public Endpoints endpoints() {
        return Endpoints.local(sandbox.endpoints().ram(), sandbox.endpoints()::fc);
    }

    /** The connection the app's composition root makes for its embedded sandbox: the endpoints and the root key. */
    public Connection rootConnection() {
        return Connection.sandbox(sandbox.region(), new fcperm.cloud.Credentials.AccessKey(
                sandbox.rootCredentials().accessKeyId(), sandbox.rootCredentials().accessKeySecret()), endpoints());
    }

    /** A cloud session, as the app opens one, on {@code connection} with pages of {@code pageSize}. */
    public SdkSession openSession(Connection connection, int pageSize) throws CloudException {
        return SdkSession.open(connection, new SdkSession.Settings(pageSize));
    }

    public SdkSession openRootSession(int pageSize) throws CloudException {
        return openSession(rootConnection(), pageSize);
    }

    /** A RAM user with an AccessKey and the given system policies, made with the root key over the RAM API. */
    public fcperm.cloud.Credentials.AccessKey userWithKey(String name, String... systemPolicies) throws Exception {
        ram("CreateUser", Map.of("UserName", name));
        for (String policy : systemPolicies) {
            ram("AttachPolicyToUser", Map.of("UserName", name, "PolicyType", "System", "PolicyName", policy));
        }
        JsonNode key = ram("CreateAccessKey", Map.of("UserName", name)).path("AccessKey");
        String secret = key.path("AccessKeySecret").asText();
        if (secrets != null) {
            secrets.secret(secret);
        }
        return new fcperm.cloud.Credentials.AccessKey(key.path("AccessKeyId").asText(), secret);
    }

    // ---- RPC (RAM, STS, Resource Manager) through the RPC core

    /** A client signing with the account's root key (one per sandbox, reused). */
    public IAcsClient root() {
        if (root == null) {
            root = of(sandbox.rootCredentials());
        }
        return root;
    }

    public IAcsClient of(AccessKeyPair credentials) {
        DefaultProfile profile = DefaultProfile.getProfile(sandbox.region(), credentials.accessKeyId(),
                credentials.accessKeySecret());
        HttpClientConfig config = HttpClientConfig.getDefault();
        config.setProtocolType(ProtocolType.HTTP);
        profile.setHttpClientConfig(config);
        if (credentials.securityToken().isPresent()) {
            return new DefaultAcsClient(profile, new BasicSessionCredentials(credentials.accessKeyId(),
                    credentials.accessKeySecret(), credentials.securityToken().get()));
        }
        return new DefaultAcsClient(profile);
    }

    /** A CreateRole request for a role that FC may assume (the trust policy of an FC service role). */
    public CreateRoleRequest createRole(String name) {
        CreateRoleRequest request = local(new CreateRoleRequest());
        request.setRoleName(name);
        request.setAssumeRolePolicyDocument(FC_TRUST);
        return request;
    }

    /** Points a typed request at the sandbox over plain HTTP. */
    public <R extends AcsRequest<?>> R local(R request) {
        request.setSysProtocol(ProtocolType.HTTP);
        request.setSysEndpoint(sandbox.endpoints().hostPort());
        return request;
    }

    /** The same, asking for XML responses. */
    public <R extends AcsRequest<?>> R localXml(R request) {
        local(request).setSysAcceptFormat(FormatType.XML);
        return request;
    }

    /** A Resource Manager call through CommonRequest (the SDK has no typed client for it), POST, JSON or XML. */
    public CommonResponse resourceManager(IAcsClient client, String action, Map<String, String> parameters,
                                          FormatType format) throws ClientException {
        CommonRequest request = resourceManagerRequest(action, format);
        parameters.forEach(request::putQueryParameter);
        return client.getCommonResponse(request);
    }

    /** A Resource Manager CommonRequest without business parameters: put them in the query or in a form body. */
    public CommonRequest resourceManagerRequest(String action, FormatType format) {
        CommonRequest request = commonRequest("ResourceManager", "2020-03-31", action);
        request.setSysAccept(format);
        return request;
    }

    /** Calls a RAM action with the root key and returns its JSON answer (to build a test's world as a user would). */
    public JsonNode ram(String action, Map<String, String> parameters) throws Exception {
        return rootJson("Ram", "2015-05-01", action, parameters);
    }

    /** Calls a Resource Manager action with the root key and returns its JSON answer. */
    public JsonNode resourceManager(String action, Map<String, String> parameters) throws Exception {
        return rootJson("ResourceManager", "2020-03-31", action, parameters);
    }

    private JsonNode rootJson(String product, String version, String action, Map<String, String> parameters)
            throws Exception {
        CommonRequest request = commonRequest(product, version, action);
        new HashMap<>(parameters).forEach(request::putQueryParameter);
        return JSON.readTree(root().getCommonResponse(request).getData());
    }

    private CommonRequest commonRequest(String product, String version, String action) {
        CommonRequest request = new CommonRequest();
        request.setSysMethod(MethodType.POST);
        request.setSysProtocol(ProtocolType.HTTP);
        request.setSysDomain(sandbox.endpoints().hostPort());
        request.setSysProduct(product);
        request.setSysVersion(version);
        request.setSysAction(action);
        return request;
    }

    public static <T extends AcsResponse> T call(IAcsClient client, AcsRequest<T> request) {
        try {
            return client.getAcsResponse(request);
        } catch (ClientException e) {
            throw new AssertionError("expected success but got " + e.getErrCode() + ": " + e.getErrMsg(), e);
        }
    }

    /** Runs {@code call}, expecting the cloud error {@code code}; returns the exception for further checks. */
    public static ClientException failsWith(String code, ThrowableAssert.ThrowingCallable call) {
        ClientException error = catchThrowableOfType(ClientException.class, call);
        assertThat(error).as("expected error " + code).isNotNull();
        assertThat(error.getErrCode()).as(error.getErrMsg()).isEqualTo(code);
        return error;
    }
}
