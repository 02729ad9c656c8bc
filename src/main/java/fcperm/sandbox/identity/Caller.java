package fcperm.sandbox.identity;

import java.time.Instant;
import java.util.Optional;

/** Who signed a request: the account's root key, a RAM user's key, or the temporary key of a role session. */
public sealed interface Caller {

    String accountId();

    /** The ARN as GetCallerIdentity reports it. */
    String arn();

    /** GetCallerIdentity's {@code IdentityType}: Account, RAMUser or AssumedRoleUser. */
    String identityType();

    /** GetCallerIdentity's {@code PrincipalId}. */
    String principalId();

    /** The account's owner: not subject to RAM policies. */
    public record AccountRoot(String accountId) implements Caller {
        @Override
        public String arn() {
            return Arn.ram(accountId, "root").toString();
        }

        @Override
        public String identityType() {
            return "Account";
        }

        @Override
        public String principalId() {
            return accountId;
        }
    }

    public record RamUser(String accountId, String userId, String userName) implements Caller {
        @Override
        public String arn() {
            return Arn.ram(accountId, "user/" + userName).toString();
        }

        @Override
        public String identityType() {
            return "RAMUser";
        }

        @Override
        public String principalId() {
            return userId;
        }
    }

    /** A session of an assumed role; {@code sessionPolicy} (JSON) narrows the role's permissions when present. */
    public record RoleSession(String accountId, String roleId, String roleName, String sessionName,
                       Optional<String> sessionPolicy, Instant expiration) implements Caller {
        @Override
        public String arn() {
            return Arn.ram(accountId, "assumed-role/" + roleName + "/" + sessionName).toString();
        }

        /** The role's ARN (what a trust policy or a policy Resource names). */
        public String roleArn() {
            return Arn.role(accountId, roleName).toString();
        }

        @Override
        public String identityType() {
            return "AssumedRoleUser";
        }

        @Override
        public String principalId() {
            return roleId + ":" + sessionName;
        }
    }
}
