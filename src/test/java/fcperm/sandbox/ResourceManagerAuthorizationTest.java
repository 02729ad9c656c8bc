package fcperm.sandbox;

import com.aliyuncs.IAcsClient;
import com.aliyuncs.ram.model.v20150501.CreateRoleRequest;
import com.aliyuncs.sts.model.v20150401.AssumeRoleRequest;
import com.aliyuncs.sts.model.v20150401.AssumeRoleResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fcperm.sandbox.identity.AccessKeyPair;
import fcperm.testkit.TestSandbox;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;
import java.util.Optional;

import static fcperm.sandbox.ResourceManagerCalls.grant;
import static fcperm.testkit.TestSandbox.call;
import static fcperm.testkit.TestSandbox.failsWith;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * RAM users and role sessions are held to their policies on every Resource Manager call. Its resource-group
 * operations are RAM actions (ram:ListResourceGroups, ram:AttachPolicy, ...) on acs:ram resources, granted at account
 * scope; AttachPolicy needs the action on the policy and on the principal.
 */
class ResourceManagerAuthorizationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final TestSandbox sandbox = new TestSandbox();
    private static final ResourceManagerCalls rm = new ResourceManagerCalls(sandbox);
    private static AccessKeyPair readerKey;
    private static IAcsClient reader;

    @BeforeAll
    static void prepare() {
        readerKey = RamUsersTest.userWithKey(sandbox, "reader");
        reader = sandbox.of(readerKey);
        StsSessionsTest.attachSystemPolicyToUser(sandbox, "AliyunRAMReadOnlyAccess", "reader");
    }

    @Test
    void ramReadOnlyAccessMayReadGroupsAttachmentsAndResourcesButNotChangeThem() throws Exception {
        call(sandbox.root(), sandbox.createRole("app-reader-target"));
        String group = rm.defaultGroup();

        assertThat(rm.call(reader, "ListResourceGroups", Map.of()).path("TotalCount").asInt()).isPositive();
        assertThat(rm.call(reader, "GetResourceGroup", Map.of("ResourceGroupId", group)).path("ResourceGroup")
                .path("Name").asText()).isEqualTo("default");
        assertThat(rm.call(reader, "ListPolicyAttachments", Map.of("PrincipalName", rm.userPrincipal("reader")))
                .path("TotalCount").asInt()).isEqualTo(1);
        assertThat(rm.call(reader, "ListResources", Map.of("ResourceGroupId", group)).path("TotalCount").asInt()).isZero();

        failsWith("NoPermission", () -> rm.call(reader, "CreateResourceGroup", Map.of("Name", "by-reader", "DisplayName", "x")));
        failsWith("NoPermission", () -> rm.call(reader, "UpdateResourceGroup",
                Map.of("ResourceGroupId", group, "NewDisplayName", "x")));
        failsWith("NoPermission", () -> rm.call(reader, "AttachPolicy", grant("System", "AliyunOSSReadOnlyAccess",
                "ServiceRole", rm.rolePrincipal("app-reader-target"), group)));
        assertThat(rm.call("ListResourceGroups", Map.of("Name", "by-reader")).path("TotalCount").asInt()).isZero();
    }

    @Test
    void theRefusalNamesTheRamActionAndTheResourceGroupArn() throws Exception {
        Map<String, String> parameters = RawRpc.common("2020-03-31", "CreateResourceGroup", readerKey);
        parameters.put("Name", "by-reader");
        parameters.put("DisplayName", "by reader");

        RawRpc.Reply reply = new RawRpc(sandbox.sandbox().endpoints().resourceManager())
                .get(RawRpc.sign("GET", parameters, readerKey.accessKeySecret()));

        assertThat(reply.status()).isEqualTo(403);
        JsonNode detail = JSON.readTree(reply.body()).path("AccessDeniedDetail");
        assertThat(detail.path("AuthAction").asText()).isEqualTo("ram:CreateResourceGroup");
        assertThat(detail.path("AuthResource").asText()).isEqualTo("acs:ram::" + rm.accountId() + ":resourcegroup/*");
    }

    @Test
    void attachingNeedsThePermissionOnThePolicyAndOnThePrincipal() throws Exception {
        RamPoliciesTest.createPolicy(sandbox, sandbox.root(), "grant-oss-read-to-apps", "{\"Version\":\"1\",\"Statement\":[{"
                + "\"Effect\":\"Allow\",\"Action\":[\"ram:AttachPolicy\",\"ram:DetachPolicy\"],\"Resource\":["
                + "\"acs:ram:*:*:policy/AliyunOSSReadOnlyAccess\",\"acs:ram:*:*:role/app-*\"]}]}");
        IAcsClient granter = sandbox.of(RamUsersTest.userWithKey(sandbox, "granter"));
        rm.call("AttachPolicy", grant("Custom", "grant-oss-read-to-apps", "IMSUser", rm.userPrincipal("granter"),
                rm.accountId()));
        call(sandbox.root(), sandbox.createRole("app-web"));
        call(sandbox.root(), sandbox.createRole("ops"));
        String group = rm.defaultGroup();
        Map<String, String> allowed = grant("System", "AliyunOSSReadOnlyAccess", "ServiceRole", rm.rolePrincipal("app-web"),
                group);

        rm.call(granter, "AttachPolicy", allowed);
        failsWith("NoPermission", () -> rm.call(granter, "AttachPolicy", grant("System", "AliyunOSSFullAccess",
                "ServiceRole", rm.rolePrincipal("app-web"), group)));
        failsWith("NoPermission", () -> rm.call(granter, "AttachPolicy", grant("System", "AliyunOSSReadOnlyAccess",
                "ServiceRole", rm.rolePrincipal("ops"), group)));
        rm.call(granter, "DetachPolicy", allowed);

        assertThat(rm.call("ListPolicyAttachments", Map.of("ResourceGroupId", group)).path("TotalCount").asInt()).isZero();
    }

    @Test
    void aRoleSessionIsHeldToTheGrantsMadeThroughResourceManager() throws Exception {
        AccessKeyPair alice = RamUsersTest.userWithKey(sandbox, "alice");
        StsSessionsTest.attachSystemPolicyToUser(sandbox, "AliyunSTSAssumeRoleAccess", "alice");
        CreateRoleRequest role = sandbox.local(new CreateRoleRequest());
        role.setRoleName("group-viewer");
        role.setAssumeRolePolicyDocument(StsSessionsTest.accountTrust(sandbox));
        AssumeRoleRequest assume = sandbox.local(new AssumeRoleRequest());
        assume.setRoleArn(call(sandbox.root(), role).getRole().getArn());
        assume.setRoleSessionName("viewing");
        AssumeRoleResponse.Credentials issued = call(sandbox.of(alice), assume).getCredentials();
        IAcsClient session = sandbox.of(new AccessKeyPair(issued.getAccessKeyId(), issued.getAccessKeySecret(),
                Optional.of(issued.getSecurityToken()), Optional.empty()));
        String viewer = rm.rolePrincipal("group-viewer");

        failsWith("NoPermission", () -> rm.call(session, "ListResourceGroups", Map.of()));
        rm.call("AttachPolicy", grant("System", "AliyunRAMFullAccess", "ServiceRole", viewer, rm.createGroup("viewed")));
        failsWith("NoPermission", () -> rm.call(session, "ListResourceGroups", Map.of()));
        rm.call("AttachPolicy", grant("System", "AliyunRAMReadOnlyAccess", "ServiceRole", viewer, rm.accountId()));

        assertThat(rm.call(session, "ListResourceGroups", Map.of()).path("TotalCount").asInt()).isPositive();
        failsWith("NoPermission", () -> rm.call(session, "CreateResourceGroup",
                Map.of("Name", "by-session", "DisplayName", "x")));
    }
}
