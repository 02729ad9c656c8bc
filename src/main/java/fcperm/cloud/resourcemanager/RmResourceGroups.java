package fcperm.cloud.resourcemanager;

import com.fasterxml.jackson.databind.JsonNode;
import fcperm.cloud.Cancellation;
import fcperm.cloud.CloudException;
import fcperm.cloud.Progress;
import fcperm.cloud.ResourceGroup;
import fcperm.cloud.ResourceGroups;
import fcperm.cloud.sdk.Call;
import fcperm.cloud.sdk.Pager;
import fcperm.cloud.sdk.RpcClient;

import java.net.URI;
import java.util.List;
import java.util.Map;

/** The account's resource groups. */
public final class RmResourceGroups implements ResourceGroups {

    private final ResourceManager rm;

    public RmResourceGroups(RpcClient rpc, URI endpoint, int pageSize) {
        this.rm = new ResourceManager(rpc, endpoint, pageSize);
    }

    @Override
    public List<ResourceGroup> list() throws CloudException {
        Call call = Call.idempotent("resourcemanager:ListResourceGroups", "resourcegroup/*");
        List<JsonNode> groups = Pager.all(cursor -> rm.page(call, "ListResourceGroups", Map.of(), cursor,
                "ResourceGroups", "ResourceGroup"), Progress.NONE, Cancellation.NEVER);
        return groups.stream().map(group -> new ResourceGroup(group.path("Id").asText(),
                group.path("Name").asText(), group.path("DisplayName").asText(), group.path("Status").asText()))
                .toList();
    }
}
