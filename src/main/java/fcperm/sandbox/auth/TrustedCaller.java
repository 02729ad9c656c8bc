package fcperm.sandbox.auth;

import fcperm.sandbox.identity.Caller;
/** Who wants to assume a role: a principal of the account (a RAM user or a role session) or a cloud service. */
public sealed interface TrustedCaller {

    /** A RAM user or role session calling STS AssumeRole with its own key. */
    record Of(Caller principal) implements TrustedCaller {
        @Override
        public String describe() {
            return principal.arn();
        }
    }

    /** A cloud service acting on the account's behalf, e.g. {@code fc.aliyuncs.com} starting a function. */
    record Service(String name) implements TrustedCaller {
        @Override
        public String describe() {
            return name;
        }
    }

    String describe();
}
