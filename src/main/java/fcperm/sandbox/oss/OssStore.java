package fcperm.sandbox.oss;

import fcperm.sandbox.store.Database;
import fcperm.sandbox.store.JsonColumns;
import fcperm.sandbox.store.Tx;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Bucket and object metadata in SQLite; a bucket's resource group lives in the shared resource_membership table. */
final class OssStore {

    private static final String BUCKET_SELECT = "SELECT b.name, b.region_id, b.acl, b.storage_class, b.created_at,"
            + " m.resource_group_id FROM oss_bucket b LEFT JOIN resource_membership m ON m.service = 'oss'"
            + " AND m.resource_type = 'bucket' AND m.resource_id = b.name";
    private static final String OBJECT_SELECT = "SELECT bucket, object_key, size, etag, crc64, content_type, metadata,"
            + " data_file, last_modified FROM oss_object";

    private final Database database;
    private final Path objectRoot;

    OssStore(Database database, Path objectRoot) {
        this.database = database;
        this.objectRoot = objectRoot;
    }

    <T> T transaction(Database.Work<T> work) {
        return database.transaction(work);
    }

    Optional<OssBucket> bucket(Tx tx, String name) throws SQLException {
        return tx.queryOne(BUCKET_SELECT + " WHERE b.name = ?", OssStore::bucket, name);
    }

    Optional<OssBucket> bucket(String name) {
        return database.read(tx -> bucket(tx, name));
    }

    List<OssBucket> buckets(String prefix, String marker, String resourceGroup, int limit) {
        return database.read(tx -> tx.query(BUCKET_SELECT + " WHERE b.name > ? AND substr(b.name, 1, ?) = ?"
                        + " AND (? = '' OR m.resource_group_id = ?) ORDER BY b.name LIMIT ?",
                OssStore::bucket, marker, prefix.length(), prefix, resourceGroup, resourceGroup, limit));
    }

    void insertBucket(Tx tx, OssBucket bucket) throws SQLException {
        tx.update("INSERT INTO oss_bucket (name, region_id, acl, storage_class, created_at) VALUES (?, ?, ?, ?, ?)",
                bucket.name(), bucket.region(), bucket.acl(), bucket.storageClass(), bucket.createdAt());
        tx.update("INSERT INTO resource_membership (service, resource_type, region_id, resource_id, resource_group_id,"
                        + " created_at) VALUES ('oss', 'bucket', ?, ?, ?, ?)",
                bucket.region(), bucket.name(), bucket.resourceGroupId(), bucket.createdAt());
    }

    void moveBucket(Tx tx, String bucket, String resourceGroup) throws SQLException {
        tx.update("UPDATE resource_membership SET resource_group_id = ? WHERE service = 'oss' AND resource_type = 'bucket'"
                + " AND resource_id = ?", resourceGroup, bucket);
    }

    void deleteBucket(Tx tx, String bucket) throws SQLException {
        tx.update("DELETE FROM resource_membership WHERE service = 'oss' AND resource_type = 'bucket' AND resource_id = ?", bucket);
        tx.update("DELETE FROM oss_bucket WHERE name = ?", bucket);
    }

    boolean hasObjects(Tx tx, String bucket) throws SQLException {
        return tx.exists("SELECT 1 FROM oss_object WHERE bucket = ? LIMIT 1", bucket);
    }

    boolean resourceGroupExists(Tx tx, String id) throws SQLException {
        return tx.exists("SELECT 1 FROM resource_group WHERE id = ?", id);
    }

    String defaultResourceGroup(Tx tx) throws SQLException {
        return tx.queryOne("SELECT id FROM resource_group WHERE is_default = 1", row -> row.getString(1))
                .orElseThrow(() -> new IllegalStateException("the account has no default resource group"));
    }

    Optional<OssObject> object(Tx tx, String bucket, String key) throws SQLException {
        return tx.queryOne(OBJECT_SELECT + " WHERE bucket = ? AND object_key = ?", this::object, bucket, key);
    }

    Optional<OssObject> object(String bucket, String key) {
        return database.read(tx -> object(tx, bucket, key));
    }

    /** Objects after {@code marker} whose key starts with {@code prefix}, in key order. */
    List<OssObject> objects(String bucket, String prefix, String marker, int limit) {
        return database.read(tx -> tx.query(OBJECT_SELECT + " WHERE bucket = ? AND object_key > ?"
                        + " AND substr(object_key, 1, ?) = ? ORDER BY object_key LIMIT ?",
                this::object, bucket, marker, prefix.length(), prefix, limit));
    }

    /** Inserts or replaces the object; returns the data file it had before, if any. */
    Optional<Path> putObject(Tx tx, OssObject object) throws SQLException {
        Optional<Path> previous = object(tx, object.bucket(), object.key()).map(OssObject::file);
        tx.update("INSERT OR REPLACE INTO oss_object (bucket, object_key, size, etag, crc64, content_type, metadata,"
                        + " data_file, last_modified) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                object.bucket(), object.key(), object.size(), object.etag(), object.crc64(), object.contentType(),
                JsonColumns.write(object.metadata()), object.file().getFileName().toString(), object.lastModified());
        return previous;
    }

    Optional<Path> deleteObject(Tx tx, String bucket, String key) throws SQLException {
        Optional<Path> file = object(tx, bucket, key).map(OssObject::file);
        tx.update("DELETE FROM oss_object WHERE bucket = ? AND object_key = ?", bucket, key);
        return file;
    }

    Path bucketFolder(String bucket) {
        return objectRoot.resolve(bucket);
    }

    private static OssBucket bucket(ResultSet row) throws SQLException {
        return new OssBucket(row.getString(1), row.getString(2), row.getString(3), row.getString(4), row.getString(5),
                row.getString(6));
    }

    private OssObject object(ResultSet row) throws SQLException {
        return new OssObject(row.getString(1), row.getString(2), row.getLong(3), row.getString(4), row.getString(5),
                row.getString(6), JsonColumns.read(row.getString(7)), bucketFolder(row.getString(1)).resolve(row.getString(8)),
                row.getString(9));
    }
}
