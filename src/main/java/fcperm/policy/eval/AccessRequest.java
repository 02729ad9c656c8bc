package fcperm.policy.eval;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What is asked: the action, the resource ARN, who asks, the resource group the resource is in (null when it is not
 * a grouped resource) and the request context for conditions ({@code acs:SourceIp}, {@code oss:Prefix}, ...; a key
 * may carry several values). Context keys are compared case-insensitively.
 */
public record AccessRequest(String action, String resourceArn, String principalArn, String resourceGroupId,
                            Map<String, List<String>> context) {

    public AccessRequest {
        Map<String, List<String>> normalized = new HashMap<>();
        context.forEach((key, values) -> normalized.merge(key.toLowerCase(Locale.ROOT), List.copyOf(values),
                (a, b) -> {
                    List<String> both = new java.util.ArrayList<>(a);
                    both.addAll(b);
                    return List.copyOf(both);
                }));
        context = Map.copyOf(normalized);
    }

    public static AccessRequest of(String action, String resourceArn) {
        return new AccessRequest(action, resourceArn, "", null, Map.of());
    }

    /** The request's values of {@code key} (empty when the request does not carry it). */
    public List<String> values(String key) {
        return context.getOrDefault(key.toLowerCase(Locale.ROOT), List.of());
    }
}
