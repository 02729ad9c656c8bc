package fcperm.sandbox.fc;

import fcperm.sandbox.identity.ResourceMembership;
import fcperm.sandbox.store.Database;
import fcperm.sandbox.store.JsonColumns;
import fcperm.sandbox.store.Tx;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** FC services and functions in SQLite; a service's resource group is kept by the identity plane's membership. */
final class FcStore {

    private static final String SERVICE_SELECT = "SELECT region_id, name, id, description, role, log_project, log_store,"
            + " vpc_config, internet_access, created_at, updated_at FROM fc_service";
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
        Optional<FcServiceRecord> stored = tx.queryOne(SERVICE_SELECT + " WHERE region_id = ? AND name = ?",
                FcStore::service, region, name);
        return stored.isEmpty() ? stored : Optional.of(inGroup(tx, stored.get()));
    }

    Optional<FcServiceRecord> service(String region, String name) {
        return database.read(tx -> service(tx, region, name));
    }

    /** Services of a region in name order, from {@code startAfterOrAt} (inclusive), at most {@code limit}. */
    List<FcServiceRecord> services(String region, String prefix, String from, int limit) {
        return database.read(tx -> {
            List<FcServiceRecord> found = new ArrayList<>();
            for (FcServiceRecord stored : tx.query(SERVICE_SELECT
                            + " WHERE region_id = ? AND name LIKE ? ESCAPE '\\' AND name >= ? ORDER BY name LIMIT ?",
                    FcStore::service, region, likePrefix(prefix), from, limit)) {
                found.add(inGroup(tx, stored));
            }
            return found;
        });
    }

    void insertService(Tx tx, FcServiceRecord service) throws SQLException {
        tx.update("INSERT INTO fc_service (region_id, name, id, description, role, log_project, log_store, vpc_config,"
                        + " internet_access, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                service.region(), service.name(), service.id(), service.description(), service.role(),
                service.logProject(), service.logStore(), service.vpcConfigJson(), service.internetAccess() ? 1 : 0,
                service.createdTime(), service.lastModifiedTime());
        ResourceMembership.place(tx, grouped(service.region(), service.name()), service.resourceGroupId(),
                service.createdTime());
    }

    void updateService(Tx tx, FcServiceRecord service) throws SQLException {
        tx.update("UPDATE fc_service SET description = ?, role = ?, log_project = ?, log_store = ?, vpc_config = ?,"
                        + " internet_access = ?, updated_at = ? WHERE region_id = ? AND name = ?",
                service.description(), service.role(), service.logProject(), service.logStore(),
                service.vpcConfigJson(), service.internetAccess() ? 1 : 0, service.lastModifiedTime(),
                service.region(), service.name());
    }

    void deleteService(Tx tx, String region, String name) throws SQLException {
        ResourceMembership.remove(tx, grouped(region, name));
        tx.update("DELETE FROM fc_service WHERE region_id = ? AND name = ?", region, name);
    }

    long functionCount(Tx tx, String region, String service) throws SQLException {
        return tx.number("SELECT COUNT(*) FROM fc_function WHERE region_id = ? AND service_name = ?", region, service);
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
                null, row.getString(10), row.getString(11));
    }

    private static ResourceMembership.Resource grouped(String region, String serviceName) {
        return new ResourceMembership.Resource("fc", "service", region, serviceName);
    }

    private static FcServiceRecord inGroup(Tx tx, FcServiceRecord s) throws SQLException {
        return new FcServiceRecord(s.region(), s.name(), s.id(), s.description(), s.role(), s.logProject(),
                s.logStore(), s.vpcConfigJson(), s.internetAccess(),
                ResourceMembership.groupOf(tx, grouped(s.region(), s.name())).orElse(null),
                s.createdTime(), s.lastModifiedTime());
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
