package fcperm.sandbox.auth;

import fcperm.sandbox.store.Database;
import fcperm.sandbox.store.Tx;

import java.sql.SQLException;
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
                    Principal owner = userId == null
                            ? new Principal.AccountRoot(account.id())
                            : new Principal.RamUser(account.id(), userId, row.getString(4));
                    return new SigningKey(accessKeyId, row.getString(1), "Active".equals(row.getString(2)),
                            Optional.empty(), Optional.empty(), owner);
                }, accessKeyId);
    }

    private Optional<SigningKey> sessionKey(Tx tx, String accessKeyId) throws SQLException {
        return tx.queryOne("SELECT secret, security_token, role_id, role_name, session_name, session_policy, expires_at"
                        + " FROM sts_session WHERE access_key_id = ?",
                row -> {
                    Instant expiration = Instant.ofEpochSecond(row.getLong(7));
                    Principal owner = new Principal.RoleSession(account.id(), row.getString(3), row.getString(4),
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
}
