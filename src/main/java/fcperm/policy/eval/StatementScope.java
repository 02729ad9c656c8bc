package fcperm.policy.eval;

/**
 * Where the policy of a deciding statement applies: attached at a scope (the account or a resource group), or given
 * inline with the request (a role session's policy, a role's trust policy).
 */
public sealed interface StatementScope {

    /** "account", the resource group id, "session" or "trust": how diagnostics and the CLI's output name it. */
    String label();

    static StatementScope attached(PolicyScope scope) {
        return new Attached(scope);
    }

    record Attached(PolicyScope scope) implements StatementScope {
        @Override
        public String label() {
            return scope.label();
        }
    }

    enum Inline implements StatementScope {
        SESSION("session"), TRUST("trust");

        private final String label;

        Inline(String label) {
            this.label = label;
        }

        @Override
        public String label() {
            return label;
        }
    }
}
