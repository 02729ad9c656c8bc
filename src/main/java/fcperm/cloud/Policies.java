package fcperm.cloud;

import fcperm.policy.eval.PolicyScope;

import java.util.List;
import java.util.Optional;

/**
 * RAM policies and where they are attached to roles: at account scope through RAM, at the scope of a resource group
 * through Resource Manager. Methods that change something return the request id of the call.
 */
public interface Policies {

    List<PolicySummary> list(PolicyKind kind, Progress progress, Cancellation cancellation) throws CloudException;

    /** The policies of {@code kind} whose name or description contains {@code text} (ignoring case). */
    List<PolicySummary> search(PolicyKind kind, String text, Progress progress, Cancellation cancellation)
            throws CloudException;

    Optional<PolicySummary> find(String name, PolicyKind kind) throws CloudException;

    /** The document of the policy's default version. */
    String document(String name, PolicyKind kind) throws CloudException;

    String createCustom(String name, String document) throws CloudException;

    /** Adds a version to a custom policy and makes it the default. */
    String createVersion(String name, String document) throws CloudException;

    String deleteCustom(String name) throws CloudException;

    /** The policies attached to the role, at account scope and in every resource group. */
    List<Attachment> attachmentsOf(String role) throws CloudException;

    String attach(String policy, PolicyKind kind, String role, PolicyScope scope) throws CloudException;

    String detach(String policy, PolicyKind kind, String role, PolicyScope scope) throws CloudException;
}
