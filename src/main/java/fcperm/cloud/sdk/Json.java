package fcperm.cloud.sdk;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/** Reading RPC JSON answers, whose lists come wrapped ({@code "Roles": {"Role": [...]}}). */
public final class Json {

    private Json() {
    }

    /** The items of {@code outer.inner}: an array, a single object, or nothing. */
    public static List<JsonNode> list(JsonNode body, String outer, String inner) {
        JsonNode node = body.path(outer).path(inner);
        List<JsonNode> items = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(items::add);
        } else if (node.isObject()) {
            items.add(node);
        }
        return items;
    }
}
