package fcperm.sandbox.http.rpc;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The body of an RPC response as an ordered tree: members are strings, numbers, booleans, nested bodies and lists.
 * A list is written the way the cloud nests it: {@code "Roles":{"Role":[...]}} in JSON and
 * {@code <Roles><Role>…</Role></Roles>} in XML. {@code RequestId} is added by the codec.
 */
public final class RpcBody {

    /** A list member: the wrapper's items, each written under {@code itemName}. */
    public record Items(String itemName, List<Object> values) {
        public Items {
            values = Collections.unmodifiableList(new ArrayList<>(values));
        }
    }

    private final Map<String, Object> members = new LinkedHashMap<>();

    public static RpcBody create() {
        return new RpcBody();
    }

    /** Adds a member; a null value is left out (the cloud omits unset members). */
    public RpcBody put(String name, Object value) {
        if (value != null) {
            if (!(value instanceof String || value instanceof Number || value instanceof Boolean
                    || value instanceof RpcBody || value instanceof Items)) {
                throw new IllegalArgumentException("unsupported RPC body value for " + name + ": " + value.getClass());
            }
            members.put(name, value);
        }
        return this;
    }

    /** Adds a nested list {@code name: {itemName: [items]}}; items are RpcBody objects or plain values. */
    public RpcBody list(String name, String itemName, List<?> items) {
        members.put(name, new Items(itemName, new ArrayList<>(items)));
        return this;
    }

    public Map<String, Object> members() {
        return Collections.unmodifiableMap(members);
    }
}
