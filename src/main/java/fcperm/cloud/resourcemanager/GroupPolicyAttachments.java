package fcperm.cloud.resourcemanager;

import com.fasterxml.jackson.databind.JsonNode;
import fcperm.cloud.Cancellation;
import fcperm.cloud.CloudException;
import fcperm.cloud.PolicyKind;
import fcperm.cloud.Progress;
import fcperm.cloud.sdk.Call;
import fcperm.cloud.sdk.Pager;
import fcperm.cloud.sdk.RpcClient;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Policies attached to a role at the scope of a resource group (Resource Manager AttachPolicy, DetachPolicy,
 * ListPolicyAttachments). Resource Manager names a role as the principal {@code <role>@role.<uid>.onaliyunservice.com}
 * of type {@code ServiceRole}.
 */
public final class GroupPolicyAttachments {

    /** A policy attached to the role in one resource group. */
    public record GroupAttachment(String policyName, PolicyKind kind, String resourceGroupId) {
    }

    private final ResourceManager rm;
    private final String accountId;

    public GroupPolicyAttachments(RpcClient rpc, URI endpoint, String accountId, int pageSize) {
        this.rm = new ResourceManager(rpc, endpoint, pageSize);
        this.accountId = accountId;
    }

    /** The role's attachments in resource groups; those Resource Manager reports at account scope are left out. */
    public List<GroupAttachment> of(String role) throws CloudException {
        Call call = Call.idempotent("resourcemanager:ListPolicyAttachments", "role/" + role);
        Map<String, String> filter = Map.of("PrincipalType", "ServiceRole", "PrincipalName", principal(role));
        List<JsonNode> listed = Pager.all(cursor -> rm.page(call, "ListPolicyAttachments", filter, cursor,
                "PolicyAttachments", "PolicyAttachment"), Progress.NONE, Cancellation.NEVER);
        return listed.stream()
                .filter(a -> !a.path("ResourceGroupId").asText().equals(accountId))
                .map(a -> new GroupAttachment(a.path("PolicyName").asText(),
                        PolicyKind.fromWire(a.path("PolicyType").asText()), a.path("ResourceGroupId").asText()))
                .toList();
    }

    public String attach(String policy, PolicyKind kind, String role, String resourceGroupId) throws CloudException {
        return change("AttachPolicy", policy, kind, role, resourceGroupId);
    }

    public String detach(String policy, PolicyKind kind, String role, String resourceGroupId) throws CloudException {
        return change("DetachPolicy", policy, kind, role, resourceGroupId);
    }

    private String change(String action, String policy, PolicyKind kind, String role, String resourceGroupId)
            throws CloudException {
        Call call = Call.once("resourcemanager:" + action, "resourcegroup/" + resourceGroupId + " policy/" + policy
                + " role/" + role);
        JsonNode body = rm.call(call, action, Map.of("PolicyType", kind.wireName(), "PolicyName", policy,
                "PrincipalType", "ServiceRole", "PrincipalName", principal(role), "ResourceGroupId", resourceGroupId));
        return body.path("RequestId").asText("");
    }

    private String principal(String role) {
        return role + "@role." + accountId + ".onaliyunservice.com";
    }
}
