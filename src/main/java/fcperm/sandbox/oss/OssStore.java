package fcperm.sandbox.oss;

import fcperm.sandbox.identity.ResourceMembership;
import fcperm.sandbox.store.Database;
import fcperm.sandbox.store.JsonColumns;
import fcperm.sandbox.store.Tx;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Bucket and object metadata in SQLite; a bucket's resource group is kept by the identity plane's membership. */
final class OssStore {

    private static final String BUCKET_SELECT = "SELECT name, region_id, acl, storage_class, created_at FROM oss_bucket";
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
        Optional<OssBucket> stored = tx.queryOne(BUCKET_SELECT + " WHERE name = ?", OssStore::bucket, name);
        return stored.isEmpty() ? stored : Optional.of(inGroup(tx, stored.get()));
    }

    Optional<OssBucket> bucket(String name) {
        return database.read(tx -> bucket(tx, name));
    }

    /** Buckets after {@code marker} whose name starts with {@code prefix}, in name order; "" = any group. */
    List<OssBucket> buckets(String prefix, String marker, String resourceGroup, int limit) {
        return database.read(tx -> {
            List<OssBucket> found = new ArrayList<>();
            // a group filter is applied after the membership is read, so the query itself cannot stop at the limit
            int rows = resourceGroup.isEmpty() ? limit : -1;
            for (OssBucket stored : tx.query(BUCKET_SELECT + " WHERE name > ? AND substr(name, 1, ?) = ?"
                    + " ORDER BY name LIMIT ?", OssStore::bucket, marker, prefix.length(), prefix, rows)) {
                OssBucket bucket = inGroup(tx, stored);
                if (found.size() < limit && (resourceGroup.isEmpty() || resourceGroup.equals(bucket.resourceGroupId()))) {
                    found.add(bucket);
                }
            }
            return found;
        });
    }

    void insertBucket(Tx tx, OssBucket bucket) throws SQLException {
        tx.update("INSERT INTO oss_bucket (name, region_id, acl, storage_class, created_at) VALUES (?, ?, ?, ?, ?)",
                bucket.name(), bucket.region(), bucket.acl(), bucket.storageClass(), bucket.createdAt());
        ResourceMembership.place(tx, grouped(bucket), bucket.resourceGroupId(), bucket.createdAt());
    }

    void moveBucket(Tx tx, OssBucket bucket, String resourceGroup) throws SQLException {
        ResourceMembership.place(tx, grouped(bucket), resourceGroup, bucket.createdAt());
    }

    void deleteBucket(Tx tx, OssBucket bucket) throws SQLException {
        ResourceMembership.remove(tx, grouped(bucket));
        tx.update("DELETE FROM oss_bucket WHERE name = ?", bucket.name());
    }

    private static ResourceMembership.Resource grouped(OssBucket bucket) {
        return new ResourceMembership.Resource("oss", "bucket", bucket.region(), bucket.name());
    }

    private static OssBucket inGroup(Tx tx, OssBucket bucket) throws SQLException {
        return new OssBucket(bucket.name(), bucket.region(), bucket.acl(), bucket.storageClass(), bucket.createdAt(),
                ResourceMembership.groupOf(tx, grouped(bucket)).orElse(null));
    }

    boolean hasObjects(Tx tx, String bucket) throws SQLException {
        return tx.exists("SELECT 1 FROM oss_object WHERE bucket = ? LIMIT 1", bucket);
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
                null);
    }

    private OssObject object(ResultSet row) throws SQLException {
        return new OssObject(row.getString(1), row.getString(2), row.getLong(3), row.getString(4), row.getString(5),
                row.getString(6), JsonColumns.read(row.getString(7)), bucketFolder(row.getString(1)).resolve(row.getString(8)),
                row.getString(9));
    }
}
