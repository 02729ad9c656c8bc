package fcperm.policy.eval;

/** Where a policy is attached: the whole account, or one resource group (it then applies to that group's resources). */
public sealed interface PolicyScope {

    /** "account", or the resource group id. */
    String label();

    static PolicyScope account() {
        return Account.INSTANCE;
    }

    static PolicyScope resourceGroup(String id) {
        return new ResourceGroup(id);
    }

    enum Account implements PolicyScope {
        INSTANCE;

        @Override
        public String label() {
            return "account";
        }
    }

    record ResourceGroup(String id) implements PolicyScope {
        @Override
        public String label() {
            return id;
        }
    }
}
