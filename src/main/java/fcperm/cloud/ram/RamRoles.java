package fcperm.cloud.ram;

import com.aliyuncs.ram.model.v20150501.CreateRoleRequest;
import com.aliyuncs.ram.model.v20150501.DeleteRoleRequest;
import com.aliyuncs.ram.model.v20150501.GetRoleRequest;
import com.aliyuncs.ram.model.v20150501.ListRolesRequest;
import com.aliyuncs.ram.model.v20150501.UpdateRoleRequest;
import com.fasterxml.jackson.databind.JsonNode;
import fcperm.cloud.Cancellation;
import fcperm.cloud.CloudException;
import fcperm.cloud.Progress;
import fcperm.cloud.RoleDetails;
import fcperm.cloud.RoleSummary;
import fcperm.cloud.Roles;
import fcperm.cloud.TrustPolicies;
import fcperm.cloud.sdk.Call;
import fcperm.cloud.sdk.Json;
import fcperm.cloud.sdk.Pager;
import fcperm.cloud.sdk.RpcClient;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** RAM roles through the typed requests of aliyun-java-sdk-ram. */
public final class RamRoles implements Roles {

    private final RpcClient rpc;
    private final URI ram;
    private final String accountId;
    private final int pageSize;

    public RamRoles(RpcClient rpc, URI ram, String accountId, int pageSize) {
        this.rpc = rpc;
        this.ram = ram;
        this.accountId = accountId;
        this.pageSize = pageSize;
    }

    @Override
    public List<RoleSummary> listWithTrust(Progress progress, Cancellation cancellation) throws CloudException {
        List<JsonNode> listed = Pager.all(marker -> {
            ListRolesRequest request = new ListRolesRequest();
            request.setMaxItems(pageSize);
            marker.ifPresent(request::setMarker);
            JsonNode body = rpc.call(Call.idempotent("ram:ListRoles", "role/*"), ram, request);
            return Pager.Page.of(Json.list(body, "Roles", "Role"), RamPages.next(body));
        }, progress, cancellation);
        List<RoleSummary> roles = new ArrayList<>();
        for (JsonNode role : listed) {
            Pager.stopIfCancelled(cancellation);
            RoleDetails details = find(role.path("RoleName").asText()).orElse(null);
            if (details != null) {
                roles.add(new RoleSummary(details.name(), details.arn(), details.description(), details.trustPolicy(),
                        details.trustsFunctionCompute()));
            }
            progress.update(roles.size(), listed.size());
        }
        return roles;
    }

    @Override
    public Optional<RoleDetails> find(String name) throws CloudException {
        GetRoleRequest request = new GetRoleRequest();
        request.setRoleName(name);
        JsonNode role;
        try {
            role = rpc.call(Call.idempotent("ram:GetRole", "role/" + name), ram, request).path("Role");
        } catch (CloudException e) {
            if (e.code().equals("EntityNotExist.Role")) {
                return Optional.empty();
            }
            throw e;
        }
        String trust = role.path("AssumeRolePolicyDocument").asText();
        return Optional.of(new RoleDetails(role.path("RoleName").asText(), role.path("Arn").asText(),
                role.path("Description").asText(""), trust, TrustPolicies.trustsFunctionCompute(trust)));
    }

    @Override
    public String arnOf(String name) {
        return "acs:ram::" + accountId + ":role/" + name;
    }

    @Override
    public String create(String name, String description, String trustPolicy) throws CloudException {
        CreateRoleRequest request = new CreateRoleRequest();
        request.setRoleName(name);
        request.setDescription(description);
        request.setAssumeRolePolicyDocument(trustPolicy);
        return requestId(rpc.call(Call.once("ram:CreateRole", "role/" + name), ram, request));
    }

    @Override
    public String updateTrustPolicy(String name, String trustPolicy) throws CloudException {
        UpdateRoleRequest request = new UpdateRoleRequest();
        request.setRoleName(name);
        request.setNewAssumeRolePolicyDocument(trustPolicy);
        return requestId(rpc.call(Call.idempotent("ram:UpdateRole", "role/" + name), ram, request));
    }

    @Override
    public String delete(String name) throws CloudException {
        DeleteRoleRequest request = new DeleteRoleRequest();
        request.setRoleName(name);
        return requestId(rpc.call(Call.once("ram:DeleteRole", "role/" + name), ram, request));
    }

    static String requestId(JsonNode body) {
        return body.path("RequestId").asText("");
    }
}
