package fcperm.policy.eval;

/** The kinds of policy Alibaba's access-denied diagnostics name. */
public enum PolicyType {
    AccountLevelIdentityBasedPolicy, ResourceGroupLevelIdentityBasedPolicy, SessionPolicy, AssumeRolePolicy
}
