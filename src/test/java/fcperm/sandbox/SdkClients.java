package fcperm.sandbox;

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
import fcperm.sandbox.auth.Credentials;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Official Java SDK clients pointed at a sandbox, with the traps of sdk-capture.md §0 handled in one place:
 * typed RAM/STS requests default to HTTPS and need {@code setSysProtocol(HTTP)} and a scheme-less endpoint.
 */
final class SdkClients implements BeforeAllCallback, AfterAllCallback {

    static final String FC_TRUST = "{\"Statement\":[{\"Action\":\"sts:AssumeRole\",\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":[\"fc.aliyuncs.com\"]}}],\"Version\":\"1\"}";

    private Path dataDir;
    private Sandbox sandbox;
    private IAcsClient root;

    /** Clients of a sandbox the test class shares: started before its first test, closed after its last. */
    SdkClients() {
    }

    /** Clients of a sandbox the caller owns. */
    SdkClients(Sandbox sandbox) {
        this.sandbox = sandbox;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        dataDir = Files.createTempDirectory("sandbox-test");
        sandbox = Sandbox.start(SandboxOptions.of(dataDir));
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        sandbox.close();
        try (Stream<Path> files = Files.walk(dataDir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    Sandbox sandbox() {
        return sandbox;
    }

    /** A client signing with the account's root key (one per sandbox, reused). */
    IAcsClient root() {
        if (root == null) {
            root = of(sandbox.rootCredentials());
        }
        return root;
    }

    IAcsClient of(Credentials credentials) {
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
    CreateRoleRequest createRole(String name) {
        CreateRoleRequest request = local(new CreateRoleRequest());
        request.setRoleName(name);
        request.setAssumeRolePolicyDocument(FC_TRUST);
        return request;
    }

    /** Points a typed request at the sandbox over plain HTTP. */
    <R extends AcsRequest<?>> R local(R request) {
        request.setSysProtocol(ProtocolType.HTTP);
        request.setSysEndpoint(sandbox.endpoints().hostPort());
        return request;
    }

    /** The same, asking for XML responses. */
    <R extends AcsRequest<?>> R localXml(R request) {
        local(request).setSysAcceptFormat(FormatType.XML);
        return request;
    }

    /** A Resource Manager call through CommonRequest (the SDK has no typed client for it), POST, JSON or XML. */
    CommonResponse resourceManager(IAcsClient client, String action, Map<String, String> parameters, FormatType format)
            throws ClientException {
        CommonRequest request = resourceManagerRequest(action, format);
        parameters.forEach(request::putQueryParameter);
        return client.getCommonResponse(request);
    }

    /** A Resource Manager CommonRequest without business parameters: put them in the query or in a form body. */
    CommonRequest resourceManagerRequest(String action, FormatType format) {
        CommonRequest request = new CommonRequest();
        request.setSysDomain(sandbox.endpoints().hostPort());
        request.setSysProtocol(ProtocolType.HTTP);
        request.setSysProduct("ResourceManager");
        request.setSysVersion("2020-03-31");
        request.setSysAction(action);
        request.setSysMethod(MethodType.POST);
        request.setSysAccept(format);
        return request;
    }

    static <T extends AcsResponse> T call(IAcsClient client, AcsRequest<T> request) {
        try {
            return client.getAcsResponse(request);
        } catch (ClientException e) {
            throw new AssertionError("expected success but got " + e.getErrCode() + ": " + e.getErrMsg(), e);
        }
    }

    /** Runs {@code call}, expecting the cloud error {@code code}; returns the exception for further checks. */
    static ClientException failsWith(String code, ThrowableAssert.ThrowingCallable call) {
        ClientException error = catchThrowableOfType(ClientException.class, call);
        assertThat(error).as("expected error " + code).isNotNull();
        assertThat(error.getErrCode()).as(error.getErrMsg()).isEqualTo(code);
        return error;
    }
}
