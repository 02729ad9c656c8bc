package fcperm.sandbox.oss;

import fcperm.sandbox.http.oss.OssErrors;
import fcperm.sandbox.identity.ResourceMembership;
import fcperm.sandbox.protocol.Crc64;
import fcperm.sandbox.store.Database;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * OSS's rules: buckets (global names, a region, a resource group) and objects whose bytes are streamed to a file
 * (temporary file, fsync, atomic rename) while their MD5 and CRC-64 are computed, so an object of any size never sits
 * in memory. Metadata changes are one transaction each; a replaced object's old file is removed after the commit.
 */
public final class OssService {

    private static final Pattern BUCKET_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{1,61}[a-z0-9]");
    private static final int BUFFER = 64 * 1024;
    public static final int MAX_KEYS_DEFAULT = 100;
    public static final int MAX_KEYS_LIMIT = 1000;

    private final OssStore store;
    private final String accountId;
    private final Clock clock;

    public OssService(Database database, Path objectRoot, String accountId, Clock clock) {
        this.store = new OssStore(database, objectRoot);
        this.accountId = accountId;
        this.clock = clock;
    }

    public String accountId() {
        return accountId;
    }

    /** An object opened for reading: its metadata and a stream over its bytes (the caller closes it). */
    public record OpenedObject(OssObject object, FileChannel content) {
    }

    // ---- buckets

    public List<OssBucket> listBuckets(String prefix, String marker, String resourceGroup, int limit) {
        return store.buckets(prefix, marker, resourceGroup, limit);
    }

    public OssBucket bucket(String name) {
        return store.bucket(name).orElseThrow(() -> OssErrors.noSuchBucket(name));
    }

    /** The bucket's resource group, for authorization; empty when the bucket does not exist. */
    public Optional<String> resourceGroupOf(String bucket) {
        return store.bucket(bucket).map(OssBucket::resourceGroupId);
    }

    public OssBucket createBucket(String name, String region, String acl, String storageClass, Optional<String> resourceGroup) {
        if (!BUCKET_NAME.matcher(name).matches()) {
            throw OssErrors.invalidBucketName(name);
        }
        if (!Set.of("private", "public-read", "public-read-write").contains(acl)) {
            throw OssErrors.invalidArgument("x-oss-acl must be private, public-read or public-read-write");
        }
        return store.transaction(tx -> {
            if (store.bucket(tx, name).isPresent()) {
                throw OssErrors.bucketExists(name);
            }
            String group = resourceGroup.filter(id -> !id.isEmpty()).orElse(ResourceMembership.defaultGroupId(tx));
            if (!ResourceMembership.groupExists(tx, group)) {
                throw OssErrors.resourceGroupNotFound(group);
            }
            OssBucket bucket = new OssBucket(name, region, acl, storageClass,
                    clock.instant().truncatedTo(ChronoUnit.MILLIS).toString(), group);
            store.insertBucket(tx, bucket);
            return bucket;
        });
    }

    public void deleteBucket(String name) {
        store.transaction(tx -> {
            OssBucket bucket = store.bucket(tx, name).orElseThrow(() -> OssErrors.noSuchBucket(name));
            if (store.hasObjects(tx, name)) {
                throw OssErrors.bucketNotEmpty(name);
            }
            store.deleteBucket(tx, bucket);
            return null;
        });
    }

    /** Moves the bucket to another resource group; an empty id means the default group. */
    public void moveBucket(String name, String resourceGroup) {
        store.transaction(tx -> {
            OssBucket bucket = store.bucket(tx, name).orElseThrow(() -> OssErrors.noSuchBucket(name));
            String group = resourceGroup.isEmpty() ? ResourceMembership.defaultGroupId(tx) : resourceGroup;
            if (!ResourceMembership.groupExists(tx, group)) {
                throw OssErrors.resourceGroupNotFound(group);
            }
            store.moveBucket(tx, bucket, group);
            return null;
        });
    }

    // ---- objects

    public OssObject putObject(String bucket, String key, InputStream body, String contentType,
                               Optional<String> contentMd5, Map<String, String> metadata, boolean forbidOverwrite) {
        bucket(bucket);
        requireKey(key);
        Path folder = store.bucketFolder(bucket);
        Path temporary = null;
        try {
            Files.createDirectories(folder);
            temporary = Files.createTempFile(folder, ".upload-", "");
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            Crc64 crc = new Crc64();
            long size = 0;
            try (FileChannel out = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                byte[] buffer = new byte[BUFFER];
                for (int read; (read = body.read(buffer)) >= 0; ) {
                    md5.update(buffer, 0, read);
                    crc.update(buffer, 0, read);
                    ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, read);
                    while (chunk.hasRemaining()) {
                        out.write(chunk);
                    }
                    size += read;
                }
                out.force(true);
            }
            byte[] digest = md5.digest();
            if (contentMd5.isPresent() && !contentMd5.get().equals(Base64.getEncoder().encodeToString(digest))) {
                throw OssErrors.invalidDigest();
            }
            Path file = folder.resolve(UUID.randomUUID().toString());
            move(temporary, file);
            temporary = null;
            OssObject object = new OssObject(bucket, key, size, HexFormat.of().withUpperCase().formatHex(digest),
                    crc.decimal(), contentType, metadata, file, clock.instant().truncatedTo(ChronoUnit.MILLIS).toString());
            commit(object, forbidOverwrite);
            return object;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store " + bucket + "/" + key, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            if (temporary != null) {
                deleteQuietly(temporary);
            }
        }
    }

    private void commit(OssObject object, boolean forbidOverwrite) {
        Optional<Path> replaced;
        try {
            replaced = store.transaction(tx -> {
                store.bucket(tx, object.bucket()).orElseThrow(() -> OssErrors.noSuchBucket(object.bucket()));
                if (forbidOverwrite && store.object(tx, object.bucket(), object.key()).isPresent()) {
                    throw OssErrors.fileAlreadyExists(object.key());
                }
                return store.putObject(tx, object);
            });
        } catch (RuntimeException e) {
            deleteQuietly(object.file());
            throw e;
        }
        replaced.filter(file -> !file.equals(object.file())).ifPresent(OssService::deleteQuietly);
    }

    /** Opens the object for reading while its metadata is read, so a concurrent overwrite cannot remove it first. */
    public OpenedObject openObject(String bucket, String key) {
        return store.transaction(tx -> {
            store.bucket(tx, bucket).orElseThrow(() -> OssErrors.noSuchBucket(bucket));
            OssObject object = store.object(tx, bucket, key).orElseThrow(() -> OssErrors.noSuchKey(key));
            try {
                return new OpenedObject(object, FileChannel.open(object.file(), StandardOpenOption.READ));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + bucket + "/" + key, e);
            }
        });
    }

    public OssObject headObject(String bucket, String key) {
        bucket(bucket);
        return store.object(bucket, key).orElseThrow(() -> OssErrors.noSuchKey(key));
    }

    /** Deleting a key that does not exist succeeds, as in OSS. */
    public void deleteObject(String bucket, String key) {
        Optional<Path> file = store.transaction(tx -> {
            store.bucket(tx, bucket).orElseThrow(() -> OssErrors.noSuchBucket(bucket));
            return store.deleteObject(tx, bucket, key);
        });
        file.ifPresent(OssService::deleteQuietly);
    }

    public List<String> deleteObjects(String bucket, List<String> keys) {
        List<Path> files = new ArrayList<>();
        store.transaction(tx -> {
            store.bucket(tx, bucket).orElseThrow(() -> OssErrors.noSuchBucket(bucket));
            for (String key : keys) {
                store.deleteObject(tx, bucket, key).ifPresent(files::add);
            }
            return null;
        });
        files.forEach(OssService::deleteQuietly);
        return keys;
    }

    /** Copies an object; {@code metadata} empty keeps the source's metadata and content type (COPY directive). */
    public OssObject copyObject(String sourceBucket, String sourceKey, String bucket, String key,
                                Optional<Map<String, String>> metadata, Optional<String> contentType) {
        OpenedObject source = openObject(sourceBucket, sourceKey);
        try (InputStream in = Channels.newInputStream(source.content())) {
            return putObject(bucket, key, in, contentType.orElse(source.object().contentType()), Optional.empty(),
                    metadata.orElse(source.object().metadata()), false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * ListObjects: keys after {@code marker} under {@code prefix}; with a delimiter, keys that have it after the
     * prefix are rolled up into common prefixes. Objects and prefixes together count towards {@code maxKeys}.
     */
    public ObjectListing listObjects(String bucket, String prefix, String delimiter, String marker, int maxKeys) {
        bucket(bucket);
        List<OssObject> objects = new ArrayList<>();
        Set<String> prefixes = new LinkedHashSet<>();
        String after = marker;
        String last = "";
        while (true) {
            List<OssObject> batch = store.objects(bucket, prefix, after, MAX_KEYS_LIMIT);
            for (OssObject object : batch) {
                String rolledUp = rollUp(object.key(), prefix, delimiter);
                // a prefix already listed (on this page, or up to the marker on an earlier one) is not listed again
                if (rolledUp != null && (prefixes.contains(rolledUp) || rolledUp.compareTo(marker) <= 0)) {
                    after = object.key();
                    continue;
                }
                if (objects.size() + prefixes.size() == maxKeys) {
                    return new ObjectListing(objects, new ArrayList<>(prefixes), true, last);
                }
                if (rolledUp != null) {
                    prefixes.add(rolledUp);
                    last = rolledUp;
                } else {
                    objects.add(object);
                    last = object.key();
                }
                after = object.key();
            }
            if (batch.size() < MAX_KEYS_LIMIT) {
                return new ObjectListing(objects, new ArrayList<>(prefixes), false, "");
            }
        }
    }

    private static String rollUp(String key, String prefix, String delimiter) {
        if (delimiter.isEmpty()) {
            return null;
        }
        int at = key.indexOf(delimiter, prefix.length());
        return at < 0 ? null : key.substring(0, at + delimiter.length());
    }

    private static void requireKey(String key) {
        int bytes = key.getBytes(StandardCharsets.UTF_8).length;
        if (bytes < 1 || bytes > 1023 || key.startsWith("/") || key.startsWith("\\")) {
            throw OssErrors.invalidObjectName(key);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // an orphaned file wastes space but holds no state: metadata lives in the database
        }
    }
}
