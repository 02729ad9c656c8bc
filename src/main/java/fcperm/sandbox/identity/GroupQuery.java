package fcperm.sandbox.identity;

import java.util.List;
import java.util.Optional;

/**
 * ListResourceGroups' filters: the ids (empty = any), a fragment of the name and of the display name (the cloud's
 * fuzzy match), and the status.
 */
public record GroupQuery(List<String> ids, Optional<String> nameContains, Optional<String> displayNameContains,
                  Optional<String> status) {

    public GroupQuery {
        ids = List.copyOf(ids);
    }
}
