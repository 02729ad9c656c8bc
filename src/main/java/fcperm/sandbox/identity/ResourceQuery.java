package fcperm.sandbox.identity;

import java.util.List;
import java.util.Optional;

/** ListResources' filters; {@code types} (service + resource type pairs) match when any pair does. */
public record ResourceQuery(Optional<String> resourceGroupId, Optional<String> service, Optional<String> regionId,
                     Optional<String> resourceType, Optional<String> resourceId, List<ResourceType> types) {

    /** One entry of {@code ResourceTypes.N}: a service code and, optionally, one of its resource types. */
    public record ResourceType(String service, Optional<String> resourceType) {
    }

    public ResourceQuery {
        types = List.copyOf(types);
    }
}
