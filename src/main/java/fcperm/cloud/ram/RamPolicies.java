package fcperm.cloud.ram;

import com.aliyuncs.ram.model.v20150501.AttachPolicyToRoleRequest;
import com.aliyuncs.ram.model.v20150501.CreatePolicyRequest;
import com.aliyuncs.ram.model.v20150501.CreatePolicyVersionRequest;
import com.aliyuncs.ram.model.v20150501.DeletePolicyRequest;
import com.aliyuncs.ram.model.v20150501.DetachPolicyFromRoleRequest;
import com.aliyuncs.ram.model.v20150501.GetPolicyRequest;
import com.aliyuncs.ram.model.v20150501.ListPoliciesForRoleRequest;
import com.aliyuncs.ram.model.v20150501.ListPoliciesRequest;
import com.fasterxml.jackson.databind.JsonNode;
import fcperm.cloud.Attachment;
import fcperm.cloud.Cancellation;
import fcperm.cloud.CloudException;
import fcperm.cloud.Policies;
import fcperm.cloud.PolicyKind;
import fcperm.cloud.PolicySummary;
import fcperm.cloud.Progress;
import fcperm.cloud.resourcemanager.GroupPolicyAttachments;
import fcperm.cloud.sdk.Call;
import fcperm.cloud.sdk.Json;
import fcperm.cloud.sdk.Pager;
import fcperm.cloud.sdk.RpcClient;
import fcperm.policy.eval.PolicyScope;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * RAM policies through aliyun-java-sdk-ram; attachments at account scope through RAM, at resource-group scope
 * through Resource Manager.
 */
public final class RamPolicies implements Policies {

    /** When a custom policy has its five versions, a new one replaces the oldest that is not in force. */
    private static final String ROTATE = "DeleteOldestNonDefaultVersionWhenLimitExceeded";

    private final RpcClient rpc;
    private final URI ram;
    private final GroupPolicyAttachments groups;
    private final int pageSize;

    public RamPolicies(RpcClient rpc, URI ram, GroupPolicyAttachments groups, int pageSize) {
        this.rpc = rpc;
        this.ram = ram;
        this.groups = groups;
        this.pageSize = pageSize;
    }

    @Override
    public List<PolicySummary> list(PolicyKind kind, Progress progress, Cancellation cancellation)
            throws CloudException {
        List<JsonNode> listed = Pager.all(marker -> {
            ListPoliciesRequest request = new ListPoliciesRequest();
            request.setPolicyType(kind.wireName());
            request.setMaxItems(pageSize);
            marker.ifPresent(request::setMarker);
            JsonNode body = rpc.call(Call.idempotent("ram:ListPolicies", "policy/*"), ram, request);
            return Pager.Page.of(Json.list(body, "Policies", "Policy"), RamPages.next(body));
        }, progress, cancellation);
        return listed.stream().map(policy -> new PolicySummary(policy.path("PolicyName").asText(), kind,
                policy.path("Description").asText(""), policy.path("DefaultVersion").asText())).toList();
    }

    @Override
    public List<PolicySummary> search(PolicyKind kind, String text, Progress progress, Cancellation cancellation)
            throws CloudException {
        // ListPolicies has no keyword parameter: the console also filters the listed pages.
        String needle = text.strip().toLowerCase(Locale.ROOT);
        return list(kind, progress, cancellation).stream()
                .filter(p -> p.name().toLowerCase(Locale.ROOT).contains(needle)
                        || p.description().toLowerCase(Locale.ROOT).contains(needle))
                .toList();
    }

    @Override
    public Optional<PolicySummary> find(String name, PolicyKind kind) throws CloudException {
        return get(name, kind).map(body -> new PolicySummary(name, kind,
                body.path("Policy").path("Description").asText(""),
                body.path("Policy").path("DefaultVersion").asText()));
    }

    @Override
    public String document(String name, PolicyKind kind) throws CloudException {
        JsonNode body = get(name, kind).orElseThrow(() -> CloudException.notFound("Policy", name));
        return body.path("DefaultPolicyVersion").path("PolicyDocument").asText();
    }

    private Optional<JsonNode> get(String name, PolicyKind kind) throws CloudException {
        GetPolicyRequest request = new GetPolicyRequest();
        request.setPolicyName(name);
        request.setPolicyType(kind.wireName());
        try {
            return Optional.of(rpc.call(Call.idempotent("ram:GetPolicy", "policy/" + name), ram, request));
        } catch (CloudException e) {
            if (e.code().equals("EntityNotExist.Policy")) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public String createCustom(String name, String document) throws CloudException {
        CreatePolicyRequest request = new CreatePolicyRequest();
        request.setPolicyName(name);
        request.setPolicyDocument(document);
        return RamRoles.requestId(rpc.call(Call.once("ram:CreatePolicy", "policy/" + name), ram, request));
    }

    @Override
    public String createVersion(String name, String document) throws CloudException {
        CreatePolicyVersionRequest request = new CreatePolicyVersionRequest();
        request.setPolicyName(name);
        request.setPolicyDocument(document);
        request.setSetAsDefault(true);
        request.setRotateStrategy(ROTATE);
        return RamRoles.requestId(rpc.call(Call.once("ram:CreatePolicyVersion", "policy/" + name), ram, request));
    }

    @Override
    public String deleteCustom(String name) throws CloudException {
        DeletePolicyRequest request = new DeletePolicyRequest();
        request.setPolicyName(name);
        return RamRoles.requestId(rpc.call(Call.once("ram:DeletePolicy", "policy/" + name), ram, request));
    }

    @Override
    public List<Attachment> attachmentsOf(String role) throws CloudException {
        ListPoliciesForRoleRequest request = new ListPoliciesForRoleRequest();
        request.setRoleName(role);
        JsonNode body = rpc.call(Call.idempotent("ram:ListPoliciesForRole", "role/" + role), ram, request);
        List<Attachment> attachments = new ArrayList<>();
        for (JsonNode policy : Json.list(body, "Policies", "Policy")) {
            attachments.add(new Attachment(policy.path("PolicyName").asText(),
                    PolicyKind.fromWire(policy.path("PolicyType").asText()), policy.path("DefaultVersion").asText(),
                    PolicyScope.account()));
        }
        for (GroupPolicyAttachments.GroupAttachment attached : groups.of(role)) {
            String version = find(attached.policyName(), attached.kind()).map(PolicySummary::defaultVersion)
                    .orElse("");
            attachments.add(new Attachment(attached.policyName(), attached.kind(), version,
                    PolicyScope.resourceGroup(attached.resourceGroupId())));
        }
        return attachments;
    }

    @Override
    public String attach(String policy, PolicyKind kind, String role, PolicyScope scope) throws CloudException {
        if (scope instanceof PolicyScope.ResourceGroup group) {
            return groups.attach(policy, kind, role, group.id());
        }
        AttachPolicyToRoleRequest request = new AttachPolicyToRoleRequest();
        request.setPolicyName(policy);
        request.setPolicyType(kind.wireName());
        request.setRoleName(role);
        return RamRoles.requestId(rpc.call(Call.once("ram:AttachPolicyToRole", "policy/" + policy + " role/" + role),
                ram, request));
    }

    @Override
    public String detach(String policy, PolicyKind kind, String role, PolicyScope scope) throws CloudException {
        if (scope instanceof PolicyScope.ResourceGroup group) {
            return groups.detach(policy, kind, role, group.id());
        }
        DetachPolicyFromRoleRequest request = new DetachPolicyFromRoleRequest();
        request.setPolicyName(policy);
        request.setPolicyType(kind.wireName());
        request.setRoleName(role);
        return RamRoles.requestId(rpc.call(Call.once("ram:DetachPolicyFromRole",
                "policy/" + policy + " role/" + role), ram, request));
    }
}
