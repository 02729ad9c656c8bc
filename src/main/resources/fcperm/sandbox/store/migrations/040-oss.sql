-- OSS: buckets (names are global to the sandbox, as in OSS) and object metadata; object bytes live in files
-- under <data>/oss/objects/<bucket>/, named by data_file.

CREATE TABLE oss_bucket (
    name               TEXT PRIMARY KEY,
    region_id          TEXT NOT NULL,
    acl                TEXT NOT NULL DEFAULT 'private',
    storage_class      TEXT NOT NULL DEFAULT 'Standard',
    created_at         TEXT NOT NULL            -- ISO-8601 with milliseconds, as OSS prints it
);

CREATE TABLE oss_object (
    bucket          TEXT NOT NULL REFERENCES oss_bucket (name),
    object_key      TEXT NOT NULL,
    size            INTEGER NOT NULL,
    etag            TEXT NOT NULL,              -- upper-case hex MD5, without quotes
    crc64           TEXT NOT NULL,              -- unsigned decimal CRC-64/ECMA
    content_type    TEXT NOT NULL,
    metadata        TEXT NOT NULL DEFAULT '{}', -- x-oss-meta-* as a JSON object
    data_file       TEXT NOT NULL,
    last_modified   TEXT NOT NULL,
    PRIMARY KEY (bucket, object_key)
);
