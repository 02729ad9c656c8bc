package fcperm.sandbox.identity;

import fcperm.sandbox.store.Database;
import fcperm.sandbox.store.Tx;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Reads the identity tables shared by every service: AccessKeys with their owners, and roles as STS sees them. */
public final class Identities {

    private final Database database;
    private final Account account;

    public Identities(Database database, Account account) {
        this.database = database;
        this.account = account;
    }

    public Account account() {
        return account;
    }

    /** The key with this id: a long-term key (root or RAM user) or the temporary key of a role session. */
    public Optional<SigningKey> signingKey(String accessKeyId) {
        return database.read(tx -> accessKeyId.startsWith("STS.") ? sessionKey(tx, accessKeyId) : longTermKey(tx, accessKeyId));
    }

    private Optional<SigningKey> longTermKey(Tx tx, String accessKeyId) throws SQLException {
        return tx.queryOne("SELECT k.secret, k.status, k.user_id, u.name FROM access_key k"
                        + " LEFT JOIN ram_user u ON u.id = k.user_id WHERE k.access_key_id = ?",
                row -> {
                    String userId = row.getString(3);
                    Caller owner = userId == null
                            ? new Caller.AccountRoot(account.id())
                            : new Caller.RamUser(account.id(), userId, row.getString(4));
                    return new SigningKey(accessKeyId, row.getString(1), "Active".equals(row.getString(2)),
                            Optional.empty(), Optional.empty(), owner);
                }, accessKeyId);
    }

    private Optional<SigningKey> sessionKey(Tx tx, String accessKeyId) throws SQLException {
        return tx.queryOne("SELECT secret, security_token, role_id, role_name, session_name, session_policy, expires_at"
                        + " FROM sts_session WHERE access_key_id = ?",
                row -> {
                    Instant expiration = Instant.ofEpochSecond(row.getLong(7));
                    Caller owner = new Caller.RoleSession(account.id(), row.getString(3), row.getString(4),
                            row.getString(5), Optional.ofNullable(row.getString(6)), expiration);
                    return new SigningKey(accessKeyId, row.getString(1), true, Optional.of(row.getString(2)),
                            Optional.of(expiration), owner);
                }, accessKeyId);
    }

    /** The role with this name (names are case-insensitive). */
    public Optional<RoleTrust> role(String roleName) {
        return database.read(tx -> tx.queryOne(
                "SELECT id, name, trust_policy, max_session_duration FROM ram_role WHERE name = ?",
                row -> new RoleTrust(row.getString(1), row.getString(2), row.getString(3), row.getLong(4)), roleName));
    }

    /** Stores the temporary key of a new role session, and forgets sessions that expired over a day ago. */
    public void storeSession(AccessKeyPair key, RoleTrust role, String sessionName, Optional<String> sessionPolicy,
                             String issuedTo, Instant now) {
        database.transaction(tx -> {
            tx.update("DELETE FROM sts_session WHERE expires_at < ?", now.minus(Duration.ofDays(1)).getEpochSecond());
            return tx.update("INSERT INTO sts_session (access_key_id, secret, security_token, role_id, role_name,"
                            + " session_name, session_policy, issued_to, expires_at, created_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    key.accessKeyId(), key.accessKeySecret(), key.securityToken().orElseThrow(), role.roleId(),
                    role.roleName(), sessionName, sessionPolicy.orElse(null), issuedTo,
                    key.expiration().orElseThrow().getEpochSecond(), now.toString());
        });
    }
}
