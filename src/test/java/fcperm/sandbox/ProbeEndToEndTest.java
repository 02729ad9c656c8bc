package fcperm.sandbox;

import com.aliyun.oss.OSS;
import com.aliyun.oss.model.CreateBucketRequest;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.fc.client.FunctionComputeClient;
import com.aliyuncs.fc.model.Code;
import com.aliyuncs.fc.request.CreateFunctionRequest;
import com.aliyuncs.fc.request.CreateServiceRequest;
import com.aliyuncs.fc.request.InvokeFunctionRequest;
import com.aliyuncs.fc.request.UpdateServiceRequest;
import com.aliyuncs.fc.response.InvokeFunctionResponse;
import com.aliyuncs.http.FormatType;
import com.aliyuncs.ram.model.v20150501.AttachPolicyToRoleRequest;
import com.aliyuncs.ram.model.v20150501.AttachPolicyToUserRequest;
import com.aliyuncs.ram.model.v20150501.CreatePolicyRequest;
import com.aliyuncs.ram.model.v20150501.CreateRoleRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fcperm.probe.ProbePackage;
import fcperm.sandbox.identity.AccessKeyPair;
import fcperm.testkit.FcClients;
import fcperm.testkit.OssClients;
import fcperm.testkit.TestSandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static fcperm.testkit.TestSandbox.call;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The product's proof, end to end on the sandbox: the OSS probe runs as a function whose service has a role; FC
 * assumes the role as fc.aliyuncs.com, hands the function the credentials, and OSS allows or refuses the write
 * because the policy engine evaluated the role's policies.
 */
class ProbeEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] PROBE = ProbePackage.build();

    @RegisterExtension
    static final TestSandbox sandbox = new TestSandbox();

    static FunctionComputeClient fc;
    static OSS oss;

    @BeforeAll
    static void sandbox() {
        fc = FcClients.of(sandbox.sandbox(), sandbox.sandbox().rootCredentials());
        oss = OssClients.v1(sandbox.sandbox(), sandbox.sandbox().rootCredentials());
    }

    @AfterAll
    static void shutdown() {
        oss.shutdown();
    }

    private static String roleArn(String role) {
        return "acs:ram::" + sandbox.sandbox().accountId() + ":role/" + role;
    }

    private static void fcRole(String name) {
        call(sandbox.root(), sandbox.createRole(name));
    }

    private static void customPolicy(String name, String document) {
        CreatePolicyRequest create = sandbox.local(new CreatePolicyRequest());
        create.setPolicyName(name);
        create.setPolicyDocument(document);
        call(sandbox.root(), create);
    }

    private static void attachToRole(String type, String policy, String role) {
        AttachPolicyToRoleRequest attach = sandbox.local(new AttachPolicyToRoleRequest());
        attach.setPolicyType(type);
        attach.setPolicyName(policy);
        attach.setRoleName(role);
        call(sandbox.root(), attach);
    }

    /** A service bound to {@code role} with the probe deployed in it. */
    private static void deployProbe(String service, String role) {
        CreateServiceRequest create = new CreateServiceRequest();
        create.setServiceName(service);
        create.setRole(roleArn(role));
        fc.createService(create);
        fc.createFunction(new CreateFunctionRequest(service).setFunctionName("oss-probe").setRuntime("java11")
                .setHandler(ProbePackage.HANDLER).setMemorySize(256).setTimeout(60)
                .setCode(new Code().setZipFile(PROBE)));
    }

    private static JsonNode invokeProbe(String service, String bucket, String objectName, String message) throws IOException {
        InvokeFunctionRequest invoke = new InvokeFunctionRequest(service, "oss-probe");
        invoke.setLogType("Tail");
        invoke.setPayload(JSON.writeValueAsBytes(Map.of("endpoint", sandbox.sandbox().endpoints().oss().toString(),
                "bucket", bucket, "objectName", objectName, "message", message)));
        InvokeFunctionResponse response = fc.invokeFunction(invoke);
        assertThat(response.getHeader("X-Fc-Error-Type")).as(response.getLogResult()).isNull();
        return JSON.readTree(response.getPayload());
    }

    private static String readBack(String bucket, String key) throws IOException {
        try (var in = oss.getObject(bucket, key).getObjectContent()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aRoleAllowedToPutObjectsLetsTheProbeWriteWhatIsReadBack() throws IOException {
        oss.createBucket("e2e-allowed");
        fcRole("writer");
        customPolicy("put-e2e-allowed", "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"oss:PutObject\","
                + "\"Resource\":\"acs:oss:*:*:e2e-allowed/*\"}]}");
        attachToRole("Custom", "put-e2e-allowed", "writer");
        deployProbe("writer-service", "writer");

        JsonNode result = invokeProbe("writer-service", "e2e-allowed", "myObj", "your-message");
        assertThat(result.path("ok").asBoolean()).as(result.toString()).isTrue();
        assertThat(result.path("accessKeyId").asText()).startsWith("STS.");
        assertThat(readBack("e2e-allowed", "myObj")).isEqualTo("your-message");
    }

    @Test
    void aRoleWithoutAGrantIsRefusedByOss() throws IOException {
        oss.createBucket("e2e-no-grant");
        fcRole("powerless");
        deployProbe("powerless-service", "powerless");
        JsonNode result = invokeProbe("powerless-service", "e2e-no-grant", "k", "m");
        assertThat(result.path("ok").asBoolean()).isFalse();
        assertThat(result.path("errorCode").asText()).isEqualTo("AccessDenied");
        assertThat(result.path("errorMessage").asText()).contains("ImplicitDeny").contains("oss:PutObject");
        assertThat(oss.doesObjectExist("e2e-no-grant", "k")).isFalse();
    }

    @Test
    void aGrantAtResourceGroupScopeCoversOnlyBucketsInThatGroup() throws Exception {
        String group = resourceManager("CreateResourceGroup", Map.of("Name", "e2e-apps", "DisplayName", "apps"))
                .path("ResourceGroup").path("Id").asText();
        CreateBucketRequest inGroup = new CreateBucketRequest("e2e-in-group");
        oss.createBucket(inGroup);
        oss.setBucketResourceGroup(new com.aliyun.oss.model.SetBucketResourceGroupRequest("e2e-in-group", group));
        oss.createBucket("e2e-outside");
        fcRole("grouped");
        resourceManager("AttachPolicy", Map.of("PolicyType", "System", "PolicyName", "AliyunOSSFullAccess",
                "PrincipalType", "ServiceRole", "PrincipalName", "grouped@role." + sandbox.sandbox().accountId() + ".onaliyunservice.com",
                "ResourceGroupId", group));
        deployProbe("grouped-service", "grouped");

        assertThat(invokeProbe("grouped-service", "e2e-in-group", "k", "inside").path("ok").asBoolean()).isTrue();
        assertThat(readBack("e2e-in-group", "k")).isEqualTo("inside");
        JsonNode outside = invokeProbe("grouped-service", "e2e-outside", "k", "outside");
        assertThat(outside.path("errorCode").asText()).isEqualTo("AccessDenied");
    }

    @Test
    void anExplicitDenyBeatsAnAllow() throws IOException {
        oss.createBucket("e2e-deny");
        fcRole("denied-writer");
        attachToRole("System", "AliyunOSSFullAccess", "denied-writer");
        customPolicy("deny-secret", "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"oss:PutObject\","
                + "\"Resource\":\"acs:oss:*:*:e2e-deny/secret/*\"}]}");
        attachToRole("Custom", "deny-secret", "denied-writer");
        deployProbe("deny-service", "denied-writer");

        assertThat(invokeProbe("deny-service", "e2e-deny", "public/a", "ok").path("ok").asBoolean()).isTrue();
        JsonNode denied = invokeProbe("deny-service", "e2e-deny", "secret/a", "no");
        assertThat(denied.path("errorCode").asText()).isEqualTo("AccessDenied");
        assertThat(denied.path("errorMessage").asText()).contains("ExplicitDeny").contains("deny-secret");
    }

    @Test
    void fcRefusesARoleItCannotAssume() {
        CreateRoleRequest role = sandbox.local(new CreateRoleRequest());
        role.setRoleName("not-for-fc");
        role.setAssumeRolePolicyDocument("{\"Statement\":[{\"Action\":\"sts:AssumeRole\",\"Effect\":\"Allow\","
                + "\"Principal\":{\"RAM\":[\"acs:ram::" + sandbox.sandbox().accountId() + ":root\"]}}],\"Version\":\"1\"}");
        call(sandbox.root(), role);
        CreateServiceRequest create = new CreateServiceRequest();
        create.setServiceName("untrusting");
        create.setRole(roleArn("not-for-fc"));
        var error = FcClients.failsWith("AccessDenied", () -> fc.createService(create));
        assertThat(error.getErrorMessage()).contains("No permission to assume the role").contains("fc.aliyuncs.com");
    }

    @Test
    void bindingARoleNeedsRamPassRole() throws Exception {
        fcRole("to-pass");
        AccessKeyPair deployer = RamUsersTest.userWithKey(sandbox, "deployer");
        customPolicy("fc-only", "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"fc:*\",\"Resource\":\"*\"}]}");
        AttachPolicyToUserRequest attach = sandbox.local(new AttachPolicyToUserRequest());
        attach.setPolicyType("Custom");
        attach.setPolicyName("fc-only");
        attach.setUserName("deployer");
        call(sandbox.root(), attach);
        FunctionComputeClient asDeployer = FcClients.of(sandbox.sandbox(), deployer);
        CreateServiceRequest create = new CreateServiceRequest();
        create.setServiceName("pass-role");
        asDeployer.createService(create);

        UpdateServiceRequest bind = new UpdateServiceRequest("pass-role");
        bind.setRole(roleArn("to-pass"));
        var refused = FcClients.failsWith("AccessDenied", () -> asDeployer.updateService(bind));
        assertThat(refused.getErrorMessage()).contains("ram:PassRole");

        AttachPolicyToUserRequest full = sandbox.local(new AttachPolicyToUserRequest());
        full.setPolicyType("System");
        full.setPolicyName("AliyunFCFullAccess");
        full.setUserName("deployer");
        call(sandbox.root(), full);
        assertThat(asDeployer.updateService(bind).getRole()).isEqualTo(roleArn("to-pass"));
    }

    private static JsonNode resourceManager(String action, Map<String, String> parameters) throws ClientException, IOException {
        return JSON.readTree(sandbox.resourceManager(sandbox.root(), action, parameters, FormatType.JSON).getData());
    }
}
