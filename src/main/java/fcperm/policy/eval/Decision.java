package fcperm.policy.eval;

import java.util.List;

/**
 * The answer to an access request: the outcome, the statements that decided it (the matching Deny statements for an
 * explicit deny, the matching Allow statements for an allow, none for an implicit deny), the kind of policy that
 * decided, and one sentence for a person.
 */
public record Decision(Outcome outcome, List<DecidingStatement> deciding, PolicyType policyType, String explanation) {

    public Decision {
        deciding = List.copyOf(deciding);
    }

    public boolean allowed() {
        return outcome == Outcome.ALLOW;
    }
}
