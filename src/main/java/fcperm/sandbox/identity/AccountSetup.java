package fcperm.sandbox.identity;

import fcperm.sandbox.store.Database;
import fcperm.sandbox.store.RandomIds;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The sandbox's account: created on first start (a 16-digit id, the root AccessKey, the default resource group, and
 * AliyunFCDefaultRole as in an account that has activated Function Compute), read back on every later start.
 */
public final class AccountSetup {

    /** The service role FC activation creates: trusted by fc.aliyuncs.com, with AliyunFCDefaultRolePolicy. */
    public static final String FC_DEFAULT_ROLE = "AliyunFCDefaultRole";
    public static final String FC_DEFAULT_ROLE_POLICY = "AliyunFCDefaultRolePolicy";
    public static final String FC_TRUST_POLICY = "{\"Statement\":[{\"Action\":\"sts:AssumeRole\",\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":[\"fc.aliyuncs.com\"]}}],\"Version\":\"1\"}";

    /** The account and its root key. */
    public record Owner(Account account, AccessKeyPair rootCredentials) {
    }

    private AccountSetup() {
    }

    public static Owner ensure(Database database, Instant now) {
        String created = now.truncatedTo(ChronoUnit.SECONDS).toString();
        return database.transaction(tx -> {
            var existing = tx.queryOne("SELECT id, alias FROM account", row -> new Account(row.getString(1), row.getString(2)));
            Account account = existing.orElse(null);
            if (account == null) {
                String id = RandomIds.accountId();
                account = new Account(id, id);
                tx.update("INSERT INTO account (id, alias, created_at) VALUES (?, ?, ?)", id, id, created);
                tx.update("INSERT INTO access_key (access_key_id, secret, user_id, status, created_at) VALUES (?, ?, NULL, 'Active', ?)",
                        RandomIds.accessKeyId(), RandomIds.accessKeySecret(), created);
                tx.update("INSERT INTO resource_group (id, name, display_name, status, is_default, created_at)"
                        + " VALUES (?, 'default', 'Default Resource Group', 'OK', 1, ?)", RandomIds.resourceGroupId(), created);
                String roleId = RandomIds.numericId(18);
                tx.update("INSERT INTO ram_role (id, name, description, trust_policy, max_session_duration, created_at, updated_at)"
                                + " VALUES (?, ?, ?, ?, 3600, ?, ?)", roleId, FC_DEFAULT_ROLE,
                        "FC uses this role to access your resources in other cloud products and use it as the execution"
                                + " role of the function.", FC_TRUST_POLICY, created, created);
                tx.update("INSERT INTO policy_attachment (policy_type, policy_name, principal_type, principal_id, scope, attached_at)"
                        + " VALUES ('System', ?, 'Role', ?, ?, ?)", FC_DEFAULT_ROLE_POLICY, roleId, id, created);
            }
            AccessKeyPair root = tx.queryOne("SELECT access_key_id, secret FROM access_key WHERE user_id IS NULL ORDER BY created_at LIMIT 1",
                            row -> AccessKeyPair.longTerm(row.getString(1), row.getString(2)))
                    .orElseThrow(() -> new IllegalStateException("the account has no root AccessKey"));
            return new Owner(account, root);
        });
    }
}
