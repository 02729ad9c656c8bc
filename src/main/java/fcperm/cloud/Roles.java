package fcperm.cloud;

import java.util.List;
import java.util.Optional;

/** RAM roles. Methods that change something return the request id of the call. */
public interface Roles {

    /**
     * Every role of the account, page by page, each with whether Function Compute may assume it. ListRoles does not
     * return trust policies, so this reads each role too; progress counts the pages, then the roles read.
     */
    List<RoleSummary> listWithTrust(Progress progress, Cancellation cancellation) throws CloudException;

    /** Only the roles that Function Compute may assume. */
    default List<RoleSummary> listTrustedByFunctionCompute(Progress progress, Cancellation cancellation)
            throws CloudException {
        return listWithTrust(progress, cancellation).stream().filter(RoleSummary::trustsFunctionCompute).toList();
    }

    Optional<RoleDetails> find(String name) throws CloudException;

    /** The ARN a role of this name has (or will have once created) in this account. */
    String arnOf(String name);

    String create(String name, String description, String trustPolicy) throws CloudException;

    /** Creates a role that Function Compute may assume. */
    default String createForFunctionCompute(String name, String description) throws CloudException {
        return create(name, description, TrustPolicies.FUNCTION_COMPUTE);
    }

    String updateTrustPolicy(String name, String trustPolicy) throws CloudException;

    String delete(String name) throws CloudException;

    /** {@code trustPolicy} with Function Compute added as a trusted service. */
    default String trustPolicyWithFunctionCompute(String trustPolicy) {
        return TrustPolicies.withFunctionCompute(trustPolicy);
    }
}
