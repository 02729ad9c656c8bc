package fcperm.sandbox;

import com.aliyuncs.CommonResponse;
import com.aliyuncs.IAcsClient;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.http.FormatType;
import com.aliyuncs.ram.model.v20150501.ListPoliciesForRoleRequest;
import com.aliyuncs.ram.model.v20150501.ListPoliciesForRoleResponse;
import com.aliyuncs.fc.request.CreateServiceRequest;
import com.aliyuncs.fc.request.GetServiceRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fcperm.sandbox.auth.Credentials;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static fcperm.sandbox.SdkClients.call;
import static fcperm.sandbox.SdkClients.failsWith;
import static org.assertj.core.api.Assertions.assertThat;

/** Resource Manager 2020-03-31 through CommonRequest of aliyun-java-sdk-core, as the cloud layer calls it. */
class ResourceManagerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final SdkClients clients = new SdkClients();

    private static JsonNode rm(IAcsClient client, String action, Map<String, String> parameters) throws Exception {
        return JSON.readTree(response(client, action, parameters, FormatType.JSON).getData());
    }

    private static CommonResponse response(IAcsClient client, String action, Map<String, String> parameters,
                                           FormatType format) throws ClientException {
        return clients.resourceManager(client, action, parameters, format);
    }

    private static JsonNode rm(String action, Map<String, String> parameters) throws Exception {
        return rm(clients.root(), action, parameters);
    }

    private static String accountId() {
        return clients.sandbox().accountId();
    }

    private static String rolePrincipal(String role) {
        return role + "@role." + accountId() + ".onaliyunservice.com";
    }

    private static String createGroup(String name) throws Exception {
        return rm("CreateResourceGroup", Map.of("Name", name, "DisplayName", "Group " + name))
                .path("ResourceGroup").path("Id").asText();
    }

    private static String defaultGroup() throws Exception {
        for (JsonNode group : rm("ListResourceGroups", Map.of("PageSize", "100")).path("ResourceGroups").path("ResourceGroup")) {
            if (group.path("Name").asText().equals("default")) {
                return group.path("Id").asText();
            }
        }
        throw new AssertionError("no default resource group");
    }

    @Test
    void theAccountStartsWithItsDefaultGroup() throws Exception {
        JsonNode group = rm("GetResourceGroup", Map.of("ResourceGroupId", defaultGroup())).path("ResourceGroup");
        assertThat(group.path("Name").asText()).isEqualTo("default");
        assertThat(group.path("Status").asText()).isEqualTo("OK");
        assertThat(group.path("AccountId").asText()).isEqualTo(accountId());
        assertThat(group.path("Id").asText()).startsWith("rg-");
    }

    @Test
    void createsGroupsAndPagesThroughThem() throws Exception {
        for (int i = 0; i < 11; i++) {
            createGroup("paging-" + i);
        }
        List<String> names = new ArrayList<>();
        long total = 0;
        for (int page = 1; ; page++) {
            JsonNode body = rm("ListResourceGroups", Map.of("PageNumber", Integer.toString(page), "PageSize", "5"));
            total = body.path("TotalCount").asLong();
            JsonNode items = body.path("ResourceGroups").path("ResourceGroup");
            items.forEach(group -> names.add(group.path("Name").asText()));
            if (page * 5L >= total) {
                break;
            }
        }
        assertThat(names).hasSize((int) total).doesNotHaveDuplicates();
        assertThat(names).contains("default", "paging-0", "paging-10");
    }

    @Test
    void refusesBadOrDuplicateGroupsAndUnknownIds() throws Exception {
        createGroup("unique-name");
        assertThat(failsWith("EntityAlreadyExists.ResourceGroup", () -> createGroup("unique-name")).getErrMsg())
                .contains("unique-name");
        failsWith("InvalidParameter.Name", () -> createGroup("x"));
        failsWith("EntityNotExists.ResourceGroup", () -> rm("GetResourceGroup", Map.of("ResourceGroupId", "rg-missing")));
        assertThat(failsWith("MissingParameter", () -> rm("GetResourceGroup", Map.of())).getErrMsg()).contains("ResourceGroupId");
    }

    @Test
    void attachesAPolicyToARoleAtGroupScopeAndDetachesIt() throws Exception {
        call(clients.root(), clients.createRole("rg-scoped"));
        String group = createGroup("apps");
        Map<String, String> attachment = Map.of("PolicyType", "System", "PolicyName", "AliyunOSSFullAccess",
                "PrincipalType", "ServiceRole", "PrincipalName", rolePrincipal("rg-scoped"), "ResourceGroupId", group);
        rm("AttachPolicy", attachment);
        failsWith("EntityAlreadyExists.PolicyAttachment", () -> rm("AttachPolicy", attachment));

        JsonNode listed = rm("ListPolicyAttachments", Map.of("ResourceGroupId", group)).path("PolicyAttachments").path("PolicyAttachment");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).path("PolicyName").asText()).isEqualTo("AliyunOSSFullAccess");
        assertThat(listed.get(0).path("PrincipalName").asText()).isEqualTo(rolePrincipal("rg-scoped"));
        assertThat(listed.get(0).path("PrincipalType").asText()).isEqualTo("ServiceRole");
        assertThat(listed.get(0).path("Description").asText()).isNotBlank();

        rm("DetachPolicy", attachment);
        failsWith("EntityNotExist.PolicyAttachment", () -> rm("DetachPolicy", attachment));
        assertThat(rm("ListPolicyAttachments", Map.of("ResourceGroupId", group)).path("TotalCount").asInt()).isZero();
    }

    @Test
    void anAttachmentAtTheAccountIdIsAnAccountScopeGrantThatRamSees() throws Exception {
        call(clients.root(), clients.createRole("account-scoped"));
        rm("AttachPolicy", Map.of("PolicyType", "System", "PolicyName", "aliyunfcreadonlyaccess",
                "PrincipalType", "ServiceRole", "PrincipalName", rolePrincipal("account-scoped"), "ResourceGroupId", accountId()));
        ListPoliciesForRoleRequest request = clients.local(new ListPoliciesForRoleRequest());
        request.setRoleName("account-scoped");
        ListPoliciesForRoleResponse policies = call(clients.root(), request);
        assertThat(policies.getPolicies()).extracting(ListPoliciesForRoleResponse.Policy::getPolicyName)
                .containsExactly("AliyunFCReadOnlyAccess");
    }

    @Test
    void refusesUnknownPoliciesPrincipalsAndScopes() throws Exception {
        call(clients.root(), clients.createRole("checked"));
        failsWith("EntityNotExist.Policy", () -> rm("AttachPolicy", Map.of("PolicyType", "Custom", "PolicyName", "nope",
                "PrincipalType", "ServiceRole", "PrincipalName", rolePrincipal("checked"), "ResourceGroupId", accountId())));
        failsWith("EntityNotExist.Role", () -> rm("AttachPolicy", Map.of("PolicyType", "System", "PolicyName", "AliyunOSSFullAccess",
                "PrincipalType", "ServiceRole", "PrincipalName", rolePrincipal("ghost"), "ResourceGroupId", accountId())));
        failsWith("InvalidResourceGroupId.Malformed", () -> rm("AttachPolicy", Map.of("PolicyType", "System",
                "PolicyName", "AliyunOSSFullAccess", "PrincipalType", "ServiceRole", "PrincipalName", rolePrincipal("checked"),
                "ResourceGroupId", "group-1")));
        failsWith("InvalidParameter.PrincipalType", () -> rm("AttachPolicy", Map.of("PolicyType", "System",
                "PolicyName", "AliyunOSSFullAccess", "PrincipalType", "IMSGroup", "PrincipalName", "devs@group.x",
                "ResourceGroupId", accountId())));
    }

    @Test
    void answersInXmlWhenAsked() throws Exception {
        String xml = response(clients.root(), "ListResourceGroups", Map.of(), FormatType.XML).getData();
        assertThat(xml).contains("<ListResourceGroupsResponse>").contains("<ResourceGroups><ResourceGroup>")
                .contains("<Name>default</Name>");
    }

    @Test
    void aGroupScopeGrantAppliesOnlyToResourcesInThatGroup() throws Exception {
        Credentials bob = RamUsersTest.userWithKey(clients, "bob");
        var fcRoot = FcClients.of(clients.sandbox(), clients.sandbox().rootCredentials());
        CreateServiceRequest service = new CreateServiceRequest();
        service.setServiceName("grouped-service");
        fcRoot.createService(service);
        assertThat(rm("ListResources", Map.of("Service", "fc", "ResourceId", "grouped-service"))
                .path("Resources").path("Resource").get(0).path("ResourceGroupId").asText()).isEqualTo(defaultGroup());

        var fcBob = FcClients.of(clients.sandbox(), bob);
        String other = createGroup("elsewhere");
        String bobName = "bob@" + accountId() + ".onaliyun.com";
        rm("AttachPolicy", Map.of("PolicyType", "System", "PolicyName", "AliyunFCReadOnlyAccess",
                "PrincipalType", "IMSUser", "PrincipalName", bobName, "ResourceGroupId", other));
        var denied = FcClients.failsWith("AccessDenied", () -> fcBob.getService(new GetServiceRequest("grouped-service")));
        assertThat(denied.getErrorMessage()).contains("ImplicitDeny").contains("fc:GetService");

        rm("AttachPolicy", Map.of("PolicyType", "System", "PolicyName", "AliyunFCReadOnlyAccess",
                "PrincipalType", "IMSUser", "PrincipalName", bobName, "ResourceGroupId", defaultGroup()));
        assertThat(fcBob.getService(new GetServiceRequest("grouped-service")).getServiceName()).isEqualTo("grouped-service");
    }
}
