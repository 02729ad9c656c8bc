package fcperm.policy.eval;

import java.util.List;

/** Who wants to assume a role, as a trust policy's Principal element names it. */
public sealed interface TrustedPrincipal {

    /**
     * A RAM identity of account {@code accountId}: a user, or a role session. {@code arns} are every ARN that names
     * it ({@code acs:ram::<uid>:user/<name>}, or the role ARN and the assumed-role session ARN).
     */
    record Ram(String accountId, List<String> arns) implements TrustedPrincipal {
        public Ram {
            arns = List.copyOf(arns);
        }
    }

    /** A cloud service acting for the account, e.g. {@code fc.aliyuncs.com}. */
    record Service(String name) implements TrustedPrincipal {
    }

    /** A user signed in through an identity provider, e.g. {@code acs:ram::<uid>:saml-provider/<idp>}. */
    record Federated(String providerArn) implements TrustedPrincipal {
    }

    /** How an explanation names the caller. */
    default String describe() {
        if (this instanceof Service service) {
            return "the service " + service.name();
        }
        if (this instanceof Federated federated) {
            return "users of the identity provider " + federated.providerArn();
        }
        return ((Ram) this).arns().get(0);
    }
}
