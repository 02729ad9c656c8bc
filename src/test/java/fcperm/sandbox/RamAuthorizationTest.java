package fcperm.sandbox;

import com.aliyuncs.IAcsClient;
import com.aliyuncs.ram.model.v20150501.AttachPolicyToRoleRequest;
import com.aliyuncs.ram.model.v20150501.AttachPolicyToUserRequest;
import com.aliyuncs.ram.model.v20150501.GetPolicyRequest;
import com.aliyuncs.ram.model.v20150501.GetRoleRequest;
import com.aliyuncs.ram.model.v20150501.ListPoliciesForRoleRequest;
import com.aliyuncs.ram.model.v20150501.ListPoliciesRequest;
import com.aliyuncs.ram.model.v20150501.ListPoliciesResponse;
import com.aliyuncs.ram.model.v20150501.ListRolesRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fcperm.sandbox.identity.AccessKeyPair;
import fcperm.testkit.TestSandbox;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import static fcperm.testkit.TestSandbox.call;
import static fcperm.testkit.TestSandbox.failsWith;
import static org.assertj.core.api.Assertions.assertThat;

/** RAM users are held to their policies on every RAM call, by the policy engine; system policies are the catalog's. */
class RamAuthorizationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final TestSandbox sandbox = new TestSandbox();
    private static AccessKeyPair readerKey;
    private static IAcsClient reader;
    private static IAcsClient builder;

    @BeforeAll
    static void prepare() {
        readerKey = RamUsersTest.userWithKey(sandbox, "reader");
        reader = sandbox.of(readerKey);
        StsSessionsTest.attachSystemPolicyToUser(sandbox, "AliyunRAMReadOnlyAccess", "reader");

        builder = sandbox.of(RamUsersTest.userWithKey(sandbox, "builder"));
        RamPoliciesTest.createPolicy(sandbox, sandbox.root(), "all-ram", "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Action\":\"ram:*\",\"Resource\":\"*\"}]}");
        RamPoliciesTest.createPolicy(sandbox, sandbox.root(), "hands-off-protected", "{\"Version\":\"1\",\"Statement\":[{"
                + "\"Effect\":\"Deny\",\"Action\":\"ram:*\",\"Resource\":\"acs:ram:*:*:role/protected-*\"}]}");
        attachCustomToUser("all-ram", "builder");
        attachCustomToUser("hands-off-protected", "builder");
    }

    private static void attachCustomToUser(String policyName, String userName) {
        AttachPolicyToUserRequest attach = sandbox.local(new AttachPolicyToUserRequest());
        attach.setPolicyType("Custom");
        attach.setPolicyName(policyName);
        attach.setUserName(userName);
        call(sandbox.root(), attach);
    }

    @Test
    void readOnlyAccessAllowsReadingButNotWriting() {
        assertThat(call(reader, sandbox.local(new ListRolesRequest())).getRoles()).isNotNull();

        failsWith("NoPermission", () -> reader.getAcsResponse(sandbox.createRole("by-reader")));
    }

    @Test
    void theRefusalSaysWhichActionOnWhichResourceAndWhy() throws Exception {
        Map<String, String> parameters = RawRpc.common("2015-05-01", "CreateRole", readerKey);
        parameters.put("RoleName", "by-reader");
        parameters.put("AssumeRolePolicyDocument", TestSandbox.FC_TRUST);

        RawRpc.Reply reply = new RawRpc(sandbox.sandbox().endpoints().ram())
                .get(RawRpc.sign("GET", parameters, readerKey.accessKeySecret()));

        assertThat(reply.status()).isEqualTo(403);
        JsonNode detail = JSON.readTree(reply.body()).path("AccessDeniedDetail");
        assertThat(detail.path("AuthAction").asText()).isEqualTo("ram:CreateRole");
        assertThat(detail.path("AuthResource").asText())
                .isEqualTo("acs:ram::" + sandbox.sandbox().accountId() + ":role/by-reader");
        assertThat(detail.path("NoPermissionType").asText()).isEqualTo("ImplicitDeny");
        assertThat(detail.path("AuthPrincipalType").asText()).isEqualTo("SubUser");
        assertThat(detail.path("AuthPrincipalDisplayName").asText()).isEqualTo("reader");
        assertThat(new String(Base64.getDecoder().decode(detail.path("EncodedDiagnosticMessage").asText()),
                StandardCharsets.UTF_8)).contains("ram:CreateRole");
    }

    @Test
    void anExplicitDenyBeatsAnAllow() {
        call(builder, sandbox.createRole("ordinary-role"));

        failsWith("NoPermission", () -> builder.getAcsResponse(sandbox.createRole("protected-role")));
    }

    @Test
    void attachingNeedsThePermissionOnBothThePolicyAndTheRole() {
        call(sandbox.root(), sandbox.createRole("target"));
        IAcsClient attacher = sandbox.of(RamUsersTest.userWithKey(sandbox, "attacher"));
        RamPoliciesTest.createPolicy(sandbox, sandbox.root(), "attach-to-target-only", "{\"Version\":\"1\","
                + "\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"ram:AttachPolicyToRole\","
                + "\"Resource\":\"acs:ram:*:*:role/target\"}]}");
        attachCustomToUser("attach-to-target-only", "attacher");
        AttachPolicyToRoleRequest attach = sandbox.local(new AttachPolicyToRoleRequest());
        attach.setPolicyType("System");
        attach.setPolicyName("AliyunOSSReadOnlyAccess");
        attach.setRoleName("target");

        failsWith("NoPermission", () -> attacher.getAcsResponse(attach));
    }

    @Test
    void systemPoliciesComeFromTheCatalogWithTheirDocuments() {
        GetPolicyRequest get = sandbox.local(new GetPolicyRequest());
        get.setPolicyType("System");
        get.setPolicyName("AliyunOSSReadOnlyAccess");
        ListPoliciesRequest list = sandbox.local(new ListPoliciesRequest());
        list.setPolicyType("System");
        list.setMaxItems(1000);

        assertThat(call(sandbox.root(), get).getPolicy().getPolicyDocument()).contains("oss:Get*");
        assertThat(call(sandbox.root(), list).getPolicies()).extracting(ListPoliciesResponse.Policy::getPolicyName)
                .contains("AliyunOSSFullAccess", "AliyunFCFullAccess", "AliyunSTSAssumeRoleAccess", "AdministratorAccess",
                        "AliyunFCDefaultRolePolicy", "AliyunLogFullAccess", "AliyunVPCFullAccess");
    }

    @Test
    void theAccountHasAliyunFCDefaultRoleAsIfFunctionComputeWereActivated() {
        GetRoleRequest get = sandbox.local(new GetRoleRequest());
        get.setRoleName("AliyunFCDefaultRole");
        ListPoliciesForRoleRequest policies = sandbox.local(new ListPoliciesForRoleRequest());
        policies.setRoleName("AliyunFCDefaultRole");

        assertThat(call(sandbox.root(), get).getRole().getAssumeRolePolicyDocument()).contains("fc.aliyuncs.com");
        assertThat(call(sandbox.root(), policies).getPolicies()).singleElement().satisfies(policy -> {
            assertThat(policy.getPolicyName()).isEqualTo("AliyunFCDefaultRolePolicy");
            assertThat(policy.getPolicyType()).isEqualTo("System");
        });
    }
}
