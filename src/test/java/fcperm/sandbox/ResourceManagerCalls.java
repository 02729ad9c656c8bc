package fcperm.sandbox;

import com.aliyuncs.CommonRequest;
import com.aliyuncs.IAcsClient;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.http.FormatType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fcperm.testkit.TestSandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Resource Manager 2020-03-31 as a Java user calls it (it has no typed SDK on Maven Central): CommonRequest of
 * aliyun-java-sdk-core, POST, over HTTP to the sandbox (sdk-capture.md §2.1).
 */
final class ResourceManagerCalls {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TestSandbox sandbox;

    ResourceManagerCalls(TestSandbox sandbox) {
        this.sandbox = sandbox;
    }

    /** A call with its parameters in the query string, signed by {@code client}; the JSON answer. */
    JsonNode call(IAcsClient client, String action, Map<String, String> parameters) throws ClientException {
        return json(sandbox.resourceManager(client, action, parameters, FormatType.JSON).getData());
    }

    /** The same call by the account's root key. */
    JsonNode call(String action, Map<String, String> parameters) throws ClientException {
        return call(sandbox.root(), action, parameters);
    }

    /** The same call with its parameters in a form body (CommonRequest#putBodyParameter). */
    JsonNode callWithBody(String action, Map<String, String> parameters) throws ClientException {
        CommonRequest request = sandbox.resourceManagerRequest(action, FormatType.JSON);
        parameters.forEach(request::putBodyParameter);
        return json(sandbox.root().getCommonResponse(request).getData());
    }

    /** The raw XML answer of a root call made with {@code Format=XML}. */
    String xml(String action, Map<String, String> parameters) throws ClientException {
        return sandbox.resourceManager(sandbox.root(), action, parameters, FormatType.XML).getData();
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String createGroup(String name) throws ClientException {
        return call("CreateResourceGroup", Map.of("Name", name, "DisplayName", "Group " + name))
                .path("ResourceGroup").path("Id").asText();
    }

    String defaultGroup() throws ClientException {
        return call("ListResourceGroups", Map.of("Name", "default")).path("ResourceGroups").path("ResourceGroup")
                .findValuesAsText("Id").get(0);
    }

    String accountId() {
        return sandbox.sandbox().accountId();
    }

    String rolePrincipal(String role) {
        return role + "@role." + accountId() + ".onaliyunservice.com";
    }

    String userPrincipal(String user) {
        return user + "@" + accountId() + ".onaliyun.com";
    }

    /** AttachPolicy / DetachPolicy parameters. */
    static Map<String, String> grant(String policyType, String policyName, String principalType, String principalName,
                                     String scope) {
        return Map.of("PolicyType", policyType, "PolicyName", policyName, "PrincipalType", principalType,
                "PrincipalName", principalName, "ResourceGroupId", scope);
    }

    /** The items of a nested list, e.g. {@code items(body, "ResourceGroups", "ResourceGroup")}. */
    static List<JsonNode> items(JsonNode body, String list, String item) {
        List<JsonNode> items = new ArrayList<>();
        body.path(list).path(item).forEach(items::add);
        return items;
    }

    /** Every item of a listing, read page after page with PageSize {@code size}. */
    List<JsonNode> allPages(String action, Map<String, String> filters, int size, String list, String item)
            throws ClientException {
        List<JsonNode> all = new ArrayList<>();
        for (int page = 1; ; page++) {
            Map<String, String> parameters = new HashMap<>(filters);
            parameters.put("PageNumber", Integer.toString(page));
            parameters.put("PageSize", Integer.toString(size));
            JsonNode body = call(action, parameters);
            List<JsonNode> items = items(body, list, item);
            all.addAll(items);
            if (items.isEmpty() || all.size() >= body.path("TotalCount").asLong()) {
                return all;
            }
        }
    }
}
