package fcperm.sandbox.http.rpc;

import fcperm.sandbox.protocol.ApiError;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * One RPC call as a service sees it: the action and its business parameters (query and form body merged, decoded).
 * Common parameters (AccessKeyId, Signature, ...) are there too but services have no reason to read them.
 */
public final class RpcRequest {

    private final String action;
    private final String regionId;
    private final Map<String, String> parameters;

    public RpcRequest(String action, String regionId, Map<String, String> parameters) {
        this.action = action;
        this.regionId = regionId;
        this.parameters = Collections.unmodifiableMap(new TreeMap<>(parameters));
    }

    public String action() {
        return action;
    }

    /** The region the caller named ({@code RegionId}), or the sandbox's region when it named none. */
    public String regionId() {
        return regionId;
    }

    /** A parameter that must be present and non-empty, else {@code MissingParameter} naming it. */
    public String required(String name) {
        return optional(name).orElseThrow(() -> RpcErrors.missingParameter(name));
    }

    /** A parameter's value; an empty value counts as absent, as in the cloud. */
    public Optional<String> optional(String name) {
        String value = parameters.get(name);
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    /** A whole-number parameter; {@code invalid} is thrown when present but not a number. */
    public Optional<Long> optionalLong(String name, Supplier<ApiError> invalid) {
        Optional<String> value = optional(name);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(value.get().trim()));
        } catch (NumberFormatException e) {
            throw invalid.get();
        }
    }

    /** A boolean parameter ({@code true}/{@code false}, any case); {@code invalid} is thrown for anything else. */
    public Optional<Boolean> optionalBoolean(String name, Supplier<ApiError> invalid) {
        Optional<String> value = optional(name);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (value.get().equalsIgnoreCase("true")) {
            return Optional.of(true);
        }
        if (value.get().equalsIgnoreCase("false")) {
            return Optional.of(false);
        }
        throw invalid.get();
    }

    /** A flattened list {@code Name.1, Name.2, ...} in index order. */
    public List<String> indexed(String name) {
        List<String> values = new ArrayList<>();
        for (int i = 1; parameters.containsKey(name + "." + i); i++) {
            values.add(parameters.get(name + "." + i));
        }
        return values;
    }

    @Override
    public String toString() {
        return "RpcRequest[" + action + "]";
    }
}
