package fcperm.sandbox.identity;

import java.util.Optional;

/**
 * ListPolicyAttachments' filters, already in the store's terms: the scope (account id or group id), the policy type
 * and name, and the principal as stored (type {@code User}/{@code Role}/{@code Group} and its short name).
 */
public record AttachmentQuery(Optional<String> scope, Optional<String> policyType, Optional<String> policyName,
                       Optional<String> principalType, Optional<String> principalName) {
}
