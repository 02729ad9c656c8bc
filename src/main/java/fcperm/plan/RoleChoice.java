package fcperm.plan;

import fcperm.cloud.TrustPolicies;

/**
 * Which role the service gets: a new one (created with the given trust policy) or an existing one — and, for a
 * role Function Compute may not assume, whether the user accepted that explicitly ({@code untrustedAccepted}): the
 * plan then records the choice instead of refusing to go on.
 */
public sealed interface RoleChoice {

    String name();

    boolean untrustedAccepted();

    /** A role to create. {@code trustPolicy} is the document as the user saw it (FC's by default). */
    record NewRole(String name, String description, String trustPolicy, boolean untrustedAccepted)
            implements RoleChoice {

        public NewRole(String name, String description, String trustPolicy) {
            this(name, description, trustPolicy, false);
        }

        /** Judged by the policy engine on the document itself. */
        public boolean functionComputeMayAssume() {
            return TrustPolicies.trustsFunctionCompute(trustPolicy);
        }
    }

    /** A role that exists; {@code fixTrust}: also let FC assume it (the user accepted the one-click fix). */
    record ExistingRole(String name, String arn, boolean fixTrust, boolean untrustedAccepted) implements RoleChoice {

        public ExistingRole(String name, String arn, boolean fixTrust) {
            this(name, arn, fixTrust, false);
        }
    }
}
