-- Function Compute 2.0: services and functions, per region (the account is the sandbox's one account).
-- Code packages are files named by their checksum under <data>/fc/packages/; the table keeps the checksum.

CREATE TABLE fc_service (
    region_id         TEXT NOT NULL,
    name              TEXT NOT NULL,
    id                TEXT NOT NULL UNIQUE,
    description       TEXT NOT NULL DEFAULT '',
    role              TEXT NOT NULL DEFAULT '',   -- role ARN, '' when none
    log_project       TEXT NOT NULL DEFAULT '',
    log_store         TEXT NOT NULL DEFAULT '',
    vpc_config        TEXT NOT NULL DEFAULT '{}', -- JSON as given
    internet_access   INTEGER NOT NULL DEFAULT 1,
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    PRIMARY KEY (region_id, name)
);

CREATE TABLE fc_function (
    region_id         TEXT NOT NULL,
    service_name      TEXT NOT NULL,
    name              TEXT NOT NULL,
    id                TEXT NOT NULL UNIQUE,
    description       TEXT NOT NULL DEFAULT '',
    runtime           TEXT NOT NULL,
    handler           TEXT NOT NULL,
    timeout_seconds   INTEGER NOT NULL,
    memory_mb         INTEGER NOT NULL,
    code_size         INTEGER NOT NULL,
    code_checksum     TEXT NOT NULL,
    environment       TEXT NOT NULL DEFAULT '{}', -- JSON object of strings
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    PRIMARY KEY (region_id, service_name, name),
    FOREIGN KEY (region_id, service_name) REFERENCES fc_service (region_id, name)
);
