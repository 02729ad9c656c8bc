package fcperm.sandbox;

import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.fc.request.CreateServiceRequest;
import com.aliyuncs.fc.request.GetServiceRequest;
import com.aliyuncs.ram.model.v20150501.AttachPolicyToRoleRequest;
import com.aliyuncs.ram.model.v20150501.DeleteRoleRequest;
import com.aliyuncs.ram.model.v20150501.ListPoliciesForRoleRequest;
import com.aliyuncs.ram.model.v20150501.ListPoliciesForRoleResponse;
import com.aliyuncs.ram.model.v20150501.ListPoliciesForUserRequest;
import com.aliyuncs.ram.model.v20150501.ListPoliciesForUserResponse;
import com.fasterxml.jackson.databind.JsonNode;
import fcperm.sandbox.identity.AccessKeyPair;
import fcperm.testkit.FcClients;
import fcperm.testkit.TestSandbox;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static fcperm.sandbox.ResourceManagerCalls.grant;
import static fcperm.sandbox.ResourceManagerCalls.items;
import static fcperm.testkit.TestSandbox.call;
import static fcperm.testkit.TestSandbox.failsWith;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Policies attached through Resource Manager at account scope (ResourceGroupId = the account id) and at resource-group
 * scope land in the same attachments RAM and the authorizer read: RAM lists the account-scope ones, the authorizer
 * applies a group-scope one to the resources of that group only.
 */
class ResourceManagerAttachmentsTest {

    @RegisterExtension
    static final TestSandbox sandbox = new TestSandbox();
    private static final ResourceManagerCalls rm = new ResourceManagerCalls(sandbox);
    private static String apps;

    @BeforeAll
    static void prepare() throws Exception {
        apps = rm.createGroup("apps");
    }

    private static String role(String name) {
        call(sandbox.root(), sandbox.createRole(name));
        return rm.rolePrincipal(name);
    }

    private static List<JsonNode> attachments(Map<String, String> filters) throws ClientException {
        Map<String, String> parameters = new HashMap<>(filters);
        parameters.put("PageSize", "100");
        return items(rm.call("ListPolicyAttachments", parameters), "PolicyAttachments", "PolicyAttachment");
    }

    @Test
    void attachesASystemPolicyToARoleAtGroupScopeAndDetachesIt() throws Exception {
        String principal = role("group-scoped");
        Map<String, String> grant = grant("System", "AliyunOSSFullAccess", "ServiceRole", principal, apps);

        rm.call("AttachPolicy", grant);
        List<JsonNode> listed = attachments(Map.of("ResourceGroupId", apps, "PrincipalName", principal));

        assertThat(listed).singleElement().satisfies(attachment -> {
            assertThat(attachment.path("PolicyName").asText()).isEqualTo("AliyunOSSFullAccess");
            assertThat(attachment.path("PolicyType").asText()).isEqualTo("System");
            assertThat(attachment.path("PrincipalName").asText()).isEqualTo(principal);
            assertThat(attachment.path("PrincipalType").asText()).isEqualTo("ServiceRole");
            assertThat(attachment.path("ResourceGroupId").asText()).isEqualTo(apps);
            assertThat(attachment.path("Description").asText()).isNotBlank();
            assertThat(Instant.parse(attachment.path("AttachDate").asText())).isBeforeOrEqualTo(Instant.now());
        });

        rm.call("DetachPolicy", grant);
        assertThat(attachments(Map.of("ResourceGroupId", apps, "PrincipalName", principal))).isEmpty();
    }

    @Test
    void anAttachmentAtTheAccountIdIsWhatRamListsForTheRoleAndAGroupOneIsNot() throws Exception {
        String principal = role("account-scoped");

        rm.call("AttachPolicy", grant("System", "aliyunfcreadonlyaccess", "ServiceRole", principal, rm.accountId()));
        rm.call("AttachPolicy", grant("System", "AliyunLogFullAccess", "ServiceRole", principal, apps));
        ListPoliciesForRoleRequest request = sandbox.local(new ListPoliciesForRoleRequest());
        request.setRoleName("account-scoped");

        assertThat(call(sandbox.root(), request).getPolicies()).extracting(ListPoliciesForRoleResponse.Policy::getPolicyName)
                .containsExactly("AliyunFCReadOnlyAccess");
    }

    @Test
    void attachesToAUserAtAccountScopeAsRamDoes() throws Exception {
        RamUsersTest.userWithKey(sandbox, "carol");

        rm.call("AttachPolicy", grant("System", "AliyunOSSReadOnlyAccess", "IMSUser", rm.userPrincipal("carol"), rm.accountId()));
        ListPoliciesForUserRequest request = sandbox.local(new ListPoliciesForUserRequest());
        request.setUserName("carol");

        assertThat(call(sandbox.root(), request).getPolicies()).extracting(ListPoliciesForUserResponse.Policy::getPolicyName)
                .containsExactly("AliyunOSSReadOnlyAccess");
        assertThat(attachments(Map.of("PrincipalName", rm.userPrincipal("carol")))).singleElement()
                .satisfies(attachment -> assertThat(attachment.path("PrincipalType").asText()).isEqualTo("IMSUser"));
    }

    @Test
    void listsWhatRamAttachedAsAccountScopeAttachments() throws Exception {
        String principal = role("ram-attached");
        AttachPolicyToRoleRequest attach = sandbox.local(new AttachPolicyToRoleRequest());
        attach.setPolicyType("System");
        attach.setPolicyName("AliyunVPCReadOnlyAccess");
        attach.setRoleName("ram-attached");
        call(sandbox.root(), attach);

        assertThat(attachments(Map.of("PrincipalType", "ServiceRole", "PrincipalName", principal))).singleElement()
                .satisfies(attachment -> {
                    assertThat(attachment.path("PolicyName").asText()).isEqualTo("AliyunVPCReadOnlyAccess");
                    assertThat(attachment.path("ResourceGroupId").asText()).isEqualTo(rm.accountId());
                });
    }

    @Test
    void attachesCustomPoliciesUnderTheNameTheyWereCreatedWith() throws Exception {
        String principal = role("custom-holder");
        RamPoliciesTest.createPolicy(sandbox, sandbox.root(), "ReadLogs", "{\"Version\":\"1\",\"Statement\":[{"
                + "\"Effect\":\"Allow\",\"Action\":\"log:Get*\",\"Resource\":\"*\"}]}");

        rm.call("AttachPolicy", grant("Custom", "readlogs", "ServiceRole", principal, apps));

        assertThat(attachments(Map.of("PolicyType", "Custom", "PolicyName", "READLOGS"))).singleElement()
                .satisfies(attachment -> assertThat(attachment.path("PolicyName").asText()).isEqualTo("ReadLogs"));
    }

    @Test
    void theSameGrantAtAnotherScopeIsAnotherAttachment() throws Exception {
        String principal = role("two-scopes");
        rm.call("AttachPolicy", grant("System", "AliyunOSSReadOnlyAccess", "ServiceRole", principal, rm.accountId()));
        rm.call("AttachPolicy", grant("System", "AliyunOSSReadOnlyAccess", "ServiceRole", principal, apps));

        rm.call("DetachPolicy", grant("System", "AliyunOSSReadOnlyAccess", "ServiceRole", principal, apps));

        assertThat(attachments(Map.of("PrincipalName", principal))).extracting(a -> a.path("ResourceGroupId").asText())
                .containsExactly(rm.accountId());
    }

    @Test
    void refusesDuplicatesAndDetachingWhatIsNotAttached() throws Exception {
        String principal = role("dupes");
        RamUsersTest.userWithKey(sandbox, "dave");
        Map<String, String> toRole = grant("System", "AliyunFCFullAccess", "ServiceRole", principal, apps);
        Map<String, String> toUser = grant("System", "AliyunFCFullAccess", "IMSUser", rm.userPrincipal("dave"), apps);
        rm.call("AttachPolicy", toRole);
        rm.call("AttachPolicy", toUser);

        failsWith("EntityAlreadyExists.Role.Policy", () -> rm.call("AttachPolicy", toRole));
        failsWith("EntityAlreadyExists.User.Policy", () -> rm.call("AttachPolicy", toUser));
        rm.call("DetachPolicy", toRole);
        rm.call("DetachPolicy", toUser);
        failsWith("EntityNotExist.Role.Policy", () -> rm.call("DetachPolicy", toRole));
        failsWith("EntityNotExist.User.Policy", () -> rm.call("DetachPolicy", toUser));
    }

    @Test
    void refusesUnknownPoliciesPrincipalsAndScopesAndChangesNothing() throws Exception {
        String principal = role("checked");
        int before = attachments(Map.of()).size();

        failsWith("EntityNotExist.Policy", () -> rm.call("AttachPolicy", grant("Custom", "nope", "ServiceRole",
                principal, apps)));
        failsWith("EntityNotExist.Policy", () -> rm.call("AttachPolicy", grant("System", "AliyunNothingAccess", "ServiceRole",
                principal, apps)));
        failsWith("EntityNotExist.Role", () -> rm.call("AttachPolicy", grant("System", "AliyunOSSFullAccess", "ServiceRole",
                rm.rolePrincipal("ghost"), apps)));
        failsWith("EntityNotExist.User", () -> rm.call("AttachPolicy", grant("System", "AliyunOSSFullAccess", "IMSUser",
                rm.userPrincipal("ghost"), apps)));
        failsWith("EntityNotExist.Group", () -> rm.call("AttachPolicy", grant("System", "AliyunOSSFullAccess", "IMSGroup",
                "devs@group." + rm.accountId() + ".onaliyun.com", apps)));
        failsWith("InvalidParameter.PrincipalName", () -> rm.call("AttachPolicy", grant("System", "AliyunOSSFullAccess",
                "ServiceRole", "checked@role.other-alias.onaliyunservice.com", apps)));
        failsWith("InvalidParameter.PrincipalName", () -> rm.call("AttachPolicy", grant("System", "AliyunOSSFullAccess",
                "ServiceRole", rm.userPrincipal("checked"), apps)));
        failsWith("InvalidParameter.PrincipalType", () -> rm.call("AttachPolicy", grant("System", "AliyunOSSFullAccess",
                "RamRole", principal, apps)));
        failsWith("InvalidParameter.PolicyType", () -> rm.call("AttachPolicy", grant("Managed", "AliyunOSSFullAccess",
                "ServiceRole", principal, apps)));
        failsWith("InvalidParameter.ResourceGroupId", () -> rm.call("AttachPolicy", grant("System", "AliyunOSSFullAccess",
                "ServiceRole", principal, "group-1")));
        failsWith("InvalidParameter.ResourceGroupId", () -> rm.call("AttachPolicy", grant("System", "AliyunOSSFullAccess",
                "ServiceRole", principal, "1234567890123456")));
        failsWith("EntityNotExists.ResourceGroup", () -> rm.call("AttachPolicy", grant("System", "AliyunOSSFullAccess",
                "ServiceRole", principal, "rg-missing")));
        assertThat(failsWith("MissingParameter", () -> rm.call("AttachPolicy", Map.of("PolicyType", "System",
                "PolicyName", "AliyunOSSFullAccess", "PrincipalType", "ServiceRole", "ResourceGroupId", apps))).getErrMsg())
                .contains("PrincipalName");

        assertThat(attachments(Map.of())).hasSize(before);
    }

    @Test
    void filtersAttachmentsByScopePolicyAndPrincipal() throws Exception {
        String web = role("filter-web");
        String db = role("filter-db");
        String other = rm.createGroup("filtering");
        rm.call("AttachPolicy", grant("System", "AliyunOSSReadOnlyAccess", "ServiceRole", web, other));
        rm.call("AttachPolicy", grant("System", "AliyunLogReadOnlyAccess", "ServiceRole", web, other));
        rm.call("AttachPolicy", grant("System", "AliyunOSSReadOnlyAccess", "ServiceRole", db, other));

        assertThat(attachments(Map.of("ResourceGroupId", other))).hasSize(3);
        assertThat(attachments(Map.of("ResourceGroupId", other, "PolicyName", "aliyunossreadonlyaccess"))).hasSize(2);
        assertThat(attachments(Map.of("ResourceGroupId", other, "PrincipalName", web))).hasSize(2);
        assertThat(attachments(Map.of("ResourceGroupId", other, "PrincipalType", "IMSUser"))).isEmpty();
        assertThat(attachments(Map.of("ResourceGroupId", other, "PolicyType", "Custom"))).isEmpty();
        assertThat(attachments(Map.of("PrincipalName", rm.rolePrincipal("nobody")))).isEmpty();
        assertThat(attachments(Map.of("PrincipalName", "filter-web@elsewhere.onaliyun.com"))).isEmpty();
        failsWith("InvalidParameter.PolicyType", () -> attachments(Map.of("PolicyType", "system")));
        failsWith("InvalidParameter.PrincipalType", () -> attachments(Map.of("PrincipalType", "Role")));
        failsWith("InvalidParameter.ResourceGroupId", () -> attachments(Map.of("ResourceGroupId", "filtering")));
    }

    @Test
    void pagesThroughAttachmentsWithoutRepeatsOrGaps() throws Exception {
        String principal = role("many-grants");
        List<String> policies = List.of("AliyunOSSReadOnlyAccess", "AliyunLogReadOnlyAccess", "AliyunVPCReadOnlyAccess",
                "AliyunFCReadOnlyAccess", "AliyunMNSReadOnlyAccess", "AliyunRAMReadOnlyAccess", "AliyunSTSAssumeRoleAccess");
        for (String policy : policies) {
            rm.call("AttachPolicy", grant("System", policy, "ServiceRole", principal, apps));
        }

        List<String> listed = rm.allPages("ListPolicyAttachments", Map.of("PrincipalName", principal), 3,
                "PolicyAttachments", "PolicyAttachment").stream().map(a -> a.path("PolicyName").asText()).toList();

        assertThat(listed).containsExactlyInAnyOrderElementsOf(policies);
    }

    @Test
    void answersAttachmentListsInXml() throws Exception {
        String principal = role("xml-listed");
        rm.call("AttachPolicy", grant("System", "AliyunOSSReadOnlyAccess", "ServiceRole", principal, apps));

        assertThat(rm.xml("ListPolicyAttachments", Map.of("PrincipalName", principal)))
                .contains("<PolicyAttachments><PolicyAttachment>")
                .contains("<PrincipalName>" + principal + "</PrincipalName>")
                .contains("<ResourceGroupId>" + apps + "</ResourceGroupId>");
    }

    @Test
    void ramRefusesToDeleteARoleThatHoldsAGroupScopeGrant() throws Exception {
        String principal = role("still-granted");
        rm.call("AttachPolicy", grant("System", "AliyunOSSReadOnlyAccess", "ServiceRole", principal, apps));
        DeleteRoleRequest delete = sandbox.local(new DeleteRoleRequest());
        delete.setRoleName("still-granted");

        failsWith("DeleteConflict.Role.Policy", () -> sandbox.root().getAcsResponse(delete));
        rm.call("DetachPolicy", grant("System", "AliyunOSSReadOnlyAccess", "ServiceRole", principal, apps));
        call(sandbox.root(), delete);
    }

    @Test
    void aGroupScopeGrantAppliesOnlyToResourcesInThatGroup() throws Exception {
        AccessKeyPair bob = RamUsersTest.userWithKey(sandbox, "bob");
        var fcRoot = FcClients.of(sandbox.sandbox(), sandbox.sandbox().rootCredentials());
        CreateServiceRequest service = new CreateServiceRequest();
        service.setServiceName("grouped-service");
        fcRoot.createService(service);
        var fcBob = FcClients.of(sandbox.sandbox(), bob);
        String elsewhere = rm.createGroup("elsewhere");

        rm.call("AttachPolicy", grant("System", "AliyunFCReadOnlyAccess", "IMSUser", rm.userPrincipal("bob"), elsewhere));
        var denied = FcClients.failsWith("AccessDenied", () -> fcBob.getService(new GetServiceRequest("grouped-service")));
        assertThat(denied.getErrorMessage()).contains("ImplicitDeny").contains("fc:GetService");

        rm.call("AttachPolicy", grant("System", "AliyunFCReadOnlyAccess", "IMSUser", rm.userPrincipal("bob"), rm.defaultGroup()));
        assertThat(fcBob.getService(new GetServiceRequest("grouped-service")).getServiceName()).isEqualTo("grouped-service");
    }
}
