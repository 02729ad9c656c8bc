package fcperm.policy.eval;

/**
 * The evaluation rules the reference marks as uncertain, as named choices with the documented default.
 *
 * @param scopeCombination how account-scope and resource-group-scope policies combine (ram-policy.md §2.2)
 */
public record EvaluationOptions(ScopeCombination scopeCombination) {

    public enum ScopeCombination {
        /** Current documentation (2025–2026): one set of policies, any explicit Deny wins. The default. */
        UNION_DENY_WINS,
        /** 2021 documentation: account scope decides when it allows or denies; resource-group scope only when it is silent. */
        ACCOUNT_SCOPE_FIRST
    }

    public static EvaluationOptions defaults() {
        return new EvaluationOptions(ScopeCombination.UNION_DENY_WINS);
    }
}
