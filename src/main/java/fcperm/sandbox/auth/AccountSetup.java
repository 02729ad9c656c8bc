package fcperm.sandbox.auth;

import fcperm.sandbox.store.Database;
import fcperm.sandbox.store.RandomIds;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The sandbox's account: created on first start (a 16-digit id, the root AccessKey, the default resource group),
 * read back on every later start.
 */
public final class AccountSetup {

    /** The account and its root key. */
    public record Owner(Account account, Credentials rootCredentials) {
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
            }
            Credentials root = tx.queryOne("SELECT access_key_id, secret FROM access_key WHERE user_id IS NULL ORDER BY created_at LIMIT 1",
                            row -> Credentials.longTerm(row.getString(1), row.getString(2)))
                    .orElseThrow(() -> new IllegalStateException("the account has no root AccessKey"));
            return new Owner(account, root);
        });
    }
}
