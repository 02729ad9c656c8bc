package fcperm.cloud.resourcemanager;

import com.fasterxml.jackson.databind.JsonNode;
import fcperm.cloud.CloudException;
import fcperm.cloud.sdk.Call;
import fcperm.cloud.sdk.Json;
import fcperm.cloud.sdk.Pager;
import fcperm.cloud.sdk.RpcClient;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Resource Manager 2020-03-31 over the core's CommonRequest (there is no typed Java SDK for it in our set), with its
 * PageNumber/PageSize paging.
 */
final class ResourceManager {

    static final String PRODUCT = "ResourceManager";
    static final String VERSION = "2020-03-31";

    private final RpcClient rpc;
    private final URI endpoint;
    private final int pageSize;

    ResourceManager(RpcClient rpc, URI endpoint, int pageSize) {
        this.rpc = rpc;
        this.endpoint = endpoint;
        this.pageSize = pageSize;
    }

    JsonNode call(Call call, String action, Map<String, String> parameters) throws CloudException {
        return rpc.call(call, endpoint, PRODUCT, VERSION, action, parameters);
    }

    /** One page of a listing: {@code cursor} is the page number, the next cursor is absent after the last page. */
    Pager.Page<JsonNode> page(Call call, String action, Map<String, String> parameters, Optional<String> cursor,
                              String outer, String inner) throws CloudException {
        int number = cursor.map(Integer::parseInt).orElse(1);
        Map<String, String> paged = new HashMap<>(parameters);
        paged.put("PageNumber", Integer.toString(number));
        paged.put("PageSize", Integer.toString(pageSize));
        JsonNode body = call(call, action, paged);
        List<JsonNode> items = Json.list(body, outer, inner);
        long total = body.path("TotalCount").asLong(-1);
        boolean more = !items.isEmpty() && (long) number * pageSize < total;
        return new Pager.Page<>(items, more ? Optional.of(Integer.toString(number + 1)) : Optional.empty(), total);
    }
}
