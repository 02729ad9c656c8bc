package fcperm.cloud;

import java.util.List;

/** Resource Manager's resource groups. */
public interface ResourceGroups {

    List<ResourceGroup> list() throws CloudException;
}
