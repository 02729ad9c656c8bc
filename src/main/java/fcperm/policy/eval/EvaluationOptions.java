package fcperm.policy.eval;

/**
 * The evaluation rules the reference (ram-policy.md) marks as uncertain, as named choices with the documented
 * default, so that a user or a test can pick the other reading instead of living with a silent guess.
 *
 * @param scopeCombination how account-scope and resource-group-scope policies combine (§2.2, open question 1)
 * @param missingKey       what a condition on a key the request does not carry yields (§1.5 rule 5, open question 4)
 * @param ramArnCase       how Resource patterns compare with RAM ARNs such as role ARNs (§1.3, open question 5)
 */
public record EvaluationOptions(ScopeCombination scopeCombination, MissingKey missingKey, RamArnCase ramArnCase) {

    public enum ScopeCombination {
        /** Current documentation (2025–2026): one set of policies, any explicit Deny wins. The default. */
        UNION_DENY_WINS,
        /** 2021 documentation: account scope decides when it allows or denies; resource-group scope only when it is silent. */
        ACCOUNT_SCOPE_FIRST
    }

    public enum MissingKey {
        /** AWS-like, and what OSS' "not from a VPC" samples rely on: positive operators fail, negated ones pass. The default. */
        NEGATED_OPERATORS_PASS,
        /** Stricter reading: a condition on an absent key never passes, negated or not. */
        NEVER_PASSES
    }

    public enum RamArnCase {
        /** RAM compares role and user names without regard to case (role ARNs appear lower-cased in docs). The default. */
        IGNORE_CASE,
        /** Every Resource pattern, RAM ARNs included, is compared case-sensitively. */
        EXACT
    }

    /** The given scope combination with the default for everything else. */
    public EvaluationOptions(ScopeCombination scopeCombination) {
        this(scopeCombination, MissingKey.NEGATED_OPERATORS_PASS, RamArnCase.IGNORE_CASE);
    }

    public static EvaluationOptions defaults() {
        return new EvaluationOptions(ScopeCombination.UNION_DENY_WINS);
    }

    public EvaluationOptions withMissingKey(MissingKey rule) {
        return new EvaluationOptions(scopeCombination, rule, ramArnCase);
    }

    public EvaluationOptions withRamArnCase(RamArnCase rule) {
        return new EvaluationOptions(scopeCombination, missingKey, rule);
    }
}
