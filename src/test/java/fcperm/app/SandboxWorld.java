package fcperm.app;

import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSClientBuilder;
import com.aliyun.oss.model.CreateBucketRequest;
import com.aliyuncs.CommonRequest;
import com.aliyuncs.CommonResponse;
import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.IAcsClient;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.fc.client.FunctionComputeClient;
import com.aliyuncs.fc.config.Config;
import com.aliyuncs.fc.request.CreateServiceRequest;
import com.aliyuncs.http.MethodType;
import com.aliyuncs.http.ProtocolType;
import com.aliyuncs.profile.DefaultProfile;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fcperm.sandbox.Sandbox;

import java.util.Map;

/**
 * Builds a test's world in the sandbox the way a user would: through the official SDKs with the account's root
 * key (RAM and Resource Manager through the RPC core, OSS and Function Compute through their own SDKs).
 */
final class SandboxWorld {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Sandbox sandbox;
    private final IAcsClient rpc;

    SandboxWorld(Sandbox sandbox) {
        this.sandbox = sandbox;
        DefaultProfile profile = DefaultProfile.getProfile(sandbox.region(),
                sandbox.rootCredentials().accessKeyId(), sandbox.rootCredentials().accessKeySecret());
        this.rpc = new DefaultAcsClient(profile);
    }

    /** Calls an RPC operation (RAM 2015-05-01 or Resource Manager 2020-03-31) and returns its JSON answer. */
    JsonNode call(String product, String version, String action, Map<String, String> parameters) throws Exception {
        CommonRequest request = new CommonRequest();
        request.setSysMethod(MethodType.POST);
        request.setSysProtocol(ProtocolType.HTTP);
        request.setSysDomain(sandbox.endpoints().hostPort());
        request.setSysProduct(product);
        request.setSysVersion(version);
        request.setSysAction(action);
        parameters.forEach(request::putQueryParameter);
        CommonResponse response;
        try {
            response = rpc.getCommonResponse(request);
        } catch (ClientException e) {
            if (!"SDK.ServerUnreachable".equals(e.getErrCode())) {
                throw e;
            }
            // The SDK pools keep-alive connections across clients: after a sandbox restart on the same port the
            // first request may go out on a connection to the old server. A second one gets a fresh connection.
            response = rpc.getCommonResponse(request);
        }
        return JSON.readTree(response.getData());
    }

    JsonNode ram(String action, Map<String, String> parameters) throws Exception {
        return call("Ram", "2015-05-01", action, parameters);
    }

    JsonNode resourceManager(String action, Map<String, String> parameters) throws Exception {
        return call("ResourceManager", "2020-03-31", action, parameters);
    }

    /** A role that only the account itself may assume: Function Compute may not. */
    void createRoleNotTrustingFc(String name) throws Exception {
        String trust = "{\"Version\":\"1\",\"Statement\":[{\"Action\":\"sts:AssumeRole\",\"Effect\":\"Allow\","
                + "\"Principal\":{\"RAM\":[\"acs:ram::" + sandbox.accountId() + ":root\"]}}]}";
        ram("CreateRole", Map.of("RoleName", name, "AssumeRolePolicyDocument", trust));
    }

    /** A role that Function Compute may assume, as the wizard creates them; returns its ARN. */
    String createRoleTrustingFc(String name) throws Exception {
        String trust = "{\"Version\":\"1\",\"Statement\":[{\"Action\":\"sts:AssumeRole\",\"Effect\":\"Allow\","
                + "\"Principal\":{\"Service\":[\"fc.aliyuncs.com\"]}}]}";
        return ram("CreateRole", Map.of("RoleName", name, "AssumeRolePolicyDocument", trust))
                .path("Role").path("Arn").asText();
    }

    /** A Function Compute service in the sandbox's region; {@code roleArn} may be null (no role). */
    void createService(String name, String description, String roleArn) throws Exception {
        Config config = new Config(sandbox.region(), sandbox.accountId(), sandbox.rootCredentials().accessKeyId(),
                sandbox.rootCredentials().accessKeySecret(), null, false);
        config.setEndpoint(sandbox.endpoints().fc().toString());
        CreateServiceRequest request = new CreateServiceRequest();
        request.setServiceName(name);
        request.setDescription(description);
        if (roleArn != null) {
            request.setRole(roleArn);
        }
        new FunctionComputeClient(config).createService(request);
    }

    String trustPolicyOf(String role) throws Exception {
        return ram("GetRole", Map.of("RoleName", role)).path("Role").path("AssumeRolePolicyDocument").asText();
    }

    boolean roleExists(String role) throws Exception {
        JsonNode roles = ram("ListRoles", Map.of()).path("Roles").path("Role");
        for (JsonNode each : roles) {
            if (each.path("RoleName").asText().equalsIgnoreCase(role)) {
                return true;
            }
        }
        return false;
    }

    String createResourceGroup(String name) throws Exception {
        return resourceManager("CreateResourceGroup", Map.of("Name", name, "DisplayName", name))
                .path("ResourceGroup").path("Id").asText();
    }

    void createBucket(String bucket, String resourceGroupId) {
        OSS oss = oss();
        try {
            CreateBucketRequest request = new CreateBucketRequest(bucket);
            if (resourceGroupId != null) {
                request.setResourceGroupId(resourceGroupId);
            }
            oss.createBucket(request);
        } finally {
            oss.shutdown();
        }
    }

    private OSS oss() {
        return new OSSClientBuilder().build(sandbox.endpoints().oss().toString(),
                sandbox.rootCredentials().accessKeyId(), sandbox.rootCredentials().accessKeySecret());
    }
}
