package fcperm.sandbox.fc;

import fcperm.sandbox.store.Database;
import fcperm.sandbox.store.JsonColumns;
import fcperm.sandbox.store.Tx;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** FC services and functions in SQLite, and their services' resource-group membership. */
final class FcStore {

    private static final String SERVICE_COLUMNS = "s.region_id, s.name, s.id, s.description, s.role, s.log_project,"
            + " s.log_store, s.vpc_config, s.internet_access, m.resource_group_id, s.created_at, s.updated_at";
    private static final String SERVICE_FROM = " FROM fc_service s LEFT JOIN resource_membership m"
            + " ON m.service = 'fc' AND m.resource_type = 'service' AND m.region_id = s.region_id AND m.resource_id = s.name";
    private static final String FUNCTION_COLUMNS = "region_id, service_name, name, id, description, runtime, handler,"
            + " timeout_seconds, memory_mb, code_size, code_checksum, environment, created_at, updated_at";

    private final Database database;

    FcStore(Database database) {
        this.database = database;
    }

    <T> T transaction(Database.Work<T> work) {
        return database.transaction(work);
    }

    Optional<FcServiceRecord> service(Tx tx, String region, String name) throws SQLException {
        return tx.queryOne("SELECT " + SERVICE_COLUMNS + SERVICE_FROM + " WHERE s.region_id = ? AND s.name = ?",
                FcStore::service, region, name);
    }

    Optional<FcServiceRecord> service(String region, String name) {
        return database.read(tx -> service(tx, region, name));
    }

    /** Services of a region in name order, from {@code startAfterOrAt} (inclusive), at most {@code limit}. */
    List<FcServiceRecord> services(String region, String prefix, String from, int limit) {
        return database.read(tx -> tx.query("SELECT " + SERVICE_COLUMNS + SERVICE_FROM
                        + " WHERE s.region_id = ? AND s.name LIKE ? ESCAPE '\\' AND s.name >= ? ORDER BY s.name LIMIT ?",
                FcStore::service, region, likePrefix(prefix), from, limit));
    }

    void insertService(Tx tx, FcServiceRecord service) throws SQLException {
        tx.update("INSERT INTO fc_service (region_id, name, id, description, role, log_project, log_store, vpc_config,"
                        + " internet_access, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                service.region(), service.name(), service.id(), service.description(), service.role(),
                service.logProject(), service.logStore(), service.vpcConfigJson(), service.internetAccess() ? 1 : 0,
                service.createdTime(), service.lastModifiedTime());
        tx.update("INSERT INTO resource_membership (service, resource_type, region_id, resource_id, resource_group_id,"
                        + " created_at) VALUES ('fc', 'service', ?, ?, ?, ?)",
                service.region(), service.name(), service.resourceGroupId(), service.createdTime());
    }

    void updateService(Tx tx, FcServiceRecord service) throws SQLException {
        tx.update("UPDATE fc_service SET description = ?, role = ?, log_project = ?, log_store = ?, vpc_config = ?,"
                        + " internet_access = ?, updated_at = ? WHERE region_id = ? AND name = ?",
                service.description(), service.role(), service.logProject(), service.logStore(),
                service.vpcConfigJson(), service.internetAccess() ? 1 : 0, service.lastModifiedTime(),
                service.region(), service.name());
    }

    void deleteService(Tx tx, String region, String name) throws SQLException {
        tx.update("DELETE FROM resource_membership WHERE service = 'fc' AND resource_type = 'service'"
                + " AND region_id = ? AND resource_id = ?", region, name);
        tx.update("DELETE FROM fc_service WHERE region_id = ? AND name = ?", region, name);
    }

    long functionCount(Tx tx, String region, String service) throws SQLException {
        return tx.number("SELECT COUNT(*) FROM fc_function WHERE region_id = ? AND service_name = ?", region, service);
    }

    /** The account's default resource group, where new services are placed. */
    String defaultResourceGroup(Tx tx) throws SQLException {
        return tx.queryOne("SELECT id FROM resource_group WHERE is_default = 1", row -> row.getString(1))
                .orElseThrow(() -> new IllegalStateException("the account has no default resource group"));
    }

    Optional<FcFunctionRecord> function(Tx tx, String region, String service, String name) throws SQLException {
        return tx.queryOne("SELECT " + FUNCTION_COLUMNS + " FROM fc_function"
                + " WHERE region_id = ? AND service_name = ? AND name = ?", FcStore::function, region, service, name);
    }

    Optional<FcFunctionRecord> function(String region, String service, String name) {
        return database.read(tx -> function(tx, region, service, name));
    }

    List<FcFunctionRecord> functions(String region, String service, String prefix, String from, int limit) {
        return database.read(tx -> tx.query("SELECT " + FUNCTION_COLUMNS + " FROM fc_function"
                        + " WHERE region_id = ? AND service_name = ? AND name LIKE ? ESCAPE '\\' AND name >= ?"
                        + " ORDER BY name LIMIT ?",
                FcStore::function, region, service, likePrefix(prefix), from, limit));
    }

    /** Whether any function still uses the code package with this checksum. */
    boolean codeInUse(String checksum) {
        return database.read(tx -> tx.exists("SELECT 1 FROM fc_function WHERE code_checksum = ?", checksum));
    }

    void insertFunction(Tx tx, FcFunctionRecord function) throws SQLException {
        tx.update("INSERT INTO fc_function (" + FUNCTION_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                function.region(), function.serviceName(), function.name(), function.id(), function.description(),
                function.runtime(), function.handler(), function.timeout(), function.memorySize(), function.codeSize(),
                function.codeChecksum(), JsonColumns.write(function.environmentVariables()), function.createdTime(),
                function.lastModifiedTime());
    }

    void updateFunction(Tx tx, FcFunctionRecord function) throws SQLException {
        tx.update("UPDATE fc_function SET description = ?, runtime = ?, handler = ?, timeout_seconds = ?, memory_mb = ?,"
                        + " code_size = ?, code_checksum = ?, environment = ?, updated_at = ?"
                        + " WHERE region_id = ? AND service_name = ? AND name = ?",
                function.description(), function.runtime(), function.handler(), function.timeout(),
                function.memorySize(), function.codeSize(), function.codeChecksum(),
                JsonColumns.write(function.environmentVariables()), function.lastModifiedTime(),
                function.region(), function.serviceName(), function.name());
    }

    void deleteFunction(Tx tx, String region, String service, String name) throws SQLException {
        tx.update("DELETE FROM fc_function WHERE region_id = ? AND service_name = ? AND name = ?", region, service, name);
    }

    private static FcServiceRecord service(ResultSet row) throws SQLException {
        return new FcServiceRecord(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                row.getString(5), row.getString(6), row.getString(7), row.getString(8), row.getInt(9) != 0,
                row.getString(10), row.getString(11), row.getString(12));
    }

    private static FcFunctionRecord function(ResultSet row) throws SQLException {
        return new FcFunctionRecord(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                row.getString(5), row.getString(6), row.getString(7), row.getInt(8), row.getInt(9), row.getLong(10),
                row.getString(11), JsonColumns.read(row.getString(12)), row.getString(13), row.getString(14));
    }

    private static String likePrefix(String prefix) {
        return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
