package fcperm.sandbox.auth;

import fcperm.sandbox.identity.Arn;
import java.util.List;
import java.util.Map;

/**
 * One permission an operation needs: the RAM action on the resource ARN, the resource group the resource is in
 * (null when it is not a grouped resource) and extra condition keys the operation knows (e.g. {@code acs:Service}).
 */
public record RequiredPermission(String action, String resource, String resourceGroupId,
                                 Map<String, List<String>> context) {

    public RequiredPermission {
        context = Map.copyOf(context);
    }

    public static RequiredPermission of(String action, String resource) {
        return new RequiredPermission(action, resource, null, Map.of());
    }

    public static RequiredPermission of(String action, Arn resource) {
        return of(action, resource.toString());
    }

    public static RequiredPermission inGroup(String action, String resource, String resourceGroupId) {
        return new RequiredPermission(action, resource, resourceGroupId, Map.of());
    }
}
