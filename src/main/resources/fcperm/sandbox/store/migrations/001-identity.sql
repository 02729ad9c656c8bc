-- The identity plane: the account, its keys, RAM users/roles/policies, attachments, resource groups, STS sessions.
-- Times are ISO-8601 UTC text ('2024-01-01T12:00:00Z'); expiry instants are epoch seconds.

CREATE TABLE account (
    id          TEXT PRIMARY KEY,         -- 16 digits; the table holds exactly one row
    alias       TEXT NOT NULL,            -- used in principal names like r@role.<alias>.onaliyunservice.com
    created_at  TEXT NOT NULL
);

CREATE TABLE ram_user (
    id            TEXT PRIMARY KEY,       -- numeric string
    name          TEXT NOT NULL UNIQUE COLLATE NOCASE,
    display_name  TEXT NOT NULL,
    comments      TEXT NOT NULL DEFAULT '',
    email         TEXT NOT NULL DEFAULT '',
    mobile_phone  TEXT NOT NULL DEFAULT '',
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);

-- AccessKey pairs: user_id NULL is the account's root key.
CREATE TABLE access_key (
    access_key_id  TEXT PRIMARY KEY,
    secret         TEXT NOT NULL,
    user_id        TEXT REFERENCES ram_user (id),
    status         TEXT NOT NULL,         -- Active | Inactive
    created_at     TEXT NOT NULL
);
CREATE INDEX access_key_by_user ON access_key (user_id);

CREATE TABLE ram_role (
    id                    TEXT PRIMARY KEY,
    name                  TEXT NOT NULL UNIQUE COLLATE NOCASE,
    description           TEXT NOT NULL DEFAULT '',
    trust_policy          TEXT NOT NULL,
    max_session_duration  INTEGER NOT NULL,
    created_at            TEXT NOT NULL,
    updated_at            TEXT NOT NULL
);

-- Custom policies only; System policies are read from the policy engine's catalog.
CREATE TABLE ram_policy (
    name             TEXT PRIMARY KEY COLLATE NOCASE,
    description      TEXT NOT NULL DEFAULT '',
    default_version  TEXT NOT NULL,
    next_version     INTEGER NOT NULL,    -- v<n> of the next CreatePolicyVersion
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
);

CREATE TABLE ram_policy_version (
    policy_name  TEXT NOT NULL COLLATE NOCASE REFERENCES ram_policy (name) ON DELETE CASCADE,
    version_id   TEXT NOT NULL,
    number       INTEGER NOT NULL,        -- n of v<n>, for ordering
    document     TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    PRIMARY KEY (policy_name, version_id)
);

CREATE TABLE resource_group (
    id            TEXT PRIMARY KEY,       -- rg-…
    name          TEXT NOT NULL UNIQUE,
    display_name  TEXT NOT NULL,
    status        TEXT NOT NULL,          -- OK | Creating | Deleting | PendingDelete
    is_default    INTEGER NOT NULL DEFAULT 0,
    created_at    TEXT NOT NULL
);

-- A policy granted to a user or role, at account scope (scope = the account id) or resource-group scope (scope = rg id).
CREATE TABLE policy_attachment (
    policy_type     TEXT NOT NULL,        -- System | Custom
    policy_name     TEXT NOT NULL COLLATE NOCASE,
    principal_type  TEXT NOT NULL,        -- User | Role
    principal_id    TEXT NOT NULL,        -- ram_user.id | ram_role.id
    scope           TEXT NOT NULL,
    attached_at     TEXT NOT NULL,
    PRIMARY KEY (policy_type, policy_name, principal_type, principal_id, scope)
);
CREATE INDEX policy_attachment_by_principal ON policy_attachment (principal_type, principal_id);

-- Which resource group each grouped resource (an OSS bucket, an FC service, ...) belongs to.
CREATE TABLE resource_membership (
    service            TEXT NOT NULL,     -- oss | fc | ...
    resource_type      TEXT NOT NULL,     -- bucket | service | ...
    region_id          TEXT NOT NULL,
    resource_id        TEXT NOT NULL,
    resource_group_id  TEXT NOT NULL REFERENCES resource_group (id),
    created_at         TEXT NOT NULL,
    PRIMARY KEY (service, resource_type, region_id, resource_id)
);
CREATE INDEX resource_membership_by_group ON resource_membership (resource_group_id);

-- Temporary credentials of role sessions (STS AssumeRole and the FC runtime).
CREATE TABLE sts_session (
    access_key_id   TEXT PRIMARY KEY,     -- STS.…
    secret          TEXT NOT NULL,
    security_token  TEXT NOT NULL,
    role_id         TEXT NOT NULL,
    role_name       TEXT NOT NULL,
    session_name    TEXT NOT NULL,
    session_policy  TEXT,                 -- NULL: the session has all the role's permissions
    issued_to       TEXT NOT NULL,        -- ARN of the caller, or the service name that assumed the role
    expires_at      INTEGER NOT NULL,     -- epoch seconds
    created_at      TEXT NOT NULL
);
