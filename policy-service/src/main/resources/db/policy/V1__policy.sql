-- The policy service's schema: governance entries and the outbox of their changes.

CREATE TABLE orgs (
    name       TEXT PRIMARY KEY,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
INSERT INTO orgs (name) VALUES ('default');

CREATE TABLE teams (
    id         TEXT PRIMARY KEY,
    org        TEXT NOT NULL REFERENCES orgs (name),
    name       TEXT NOT NULL,
    models     JSONB NOT NULL DEFAULT '[]',
    data_class TEXT NOT NULL,
    rpm        BIGINT,
    tpm        BIGINT,
    budgets    JSONB NOT NULL DEFAULT '[]',
    source     TEXT NOT NULL
);

CREATE TABLE users (
    id       TEXT PRIMARY KEY,
    username TEXT NOT NULL UNIQUE,
    email    TEXT,
    team     TEXT,
    roles    JSONB NOT NULL DEFAULT '[]'
);

CREATE TABLE keys (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    team       TEXT,
    prefix     TEXT NOT NULL,
    sha256     TEXT NOT NULL UNIQUE,
    models     JSONB NOT NULL DEFAULT '[]',
    data_class TEXT,
    rpm        BIGINT,
    tpm        BIGINT,
    budgets    JSONB NOT NULL DEFAULT '[]',
    roles      JSONB NOT NULL DEFAULT '[]',
    expires_at TIMESTAMPTZ,
    revoked_at TIMESTAMPTZ,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    source     TEXT NOT NULL
);
CREATE INDEX keys_team ON keys (team);

CREATE TABLE credentials (
    name       TEXT PRIMARY KEY,
    sealed     TEXT NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    source     TEXT NOT NULL
);

CREATE TABLE provider_policies (
    provider       TEXT PRIMARY KEY,
    retention_days INTEGER,
    trains_on_data BOOLEAN NOT NULL,
    zero_retention BOOLEAN NOT NULL,
    region         TEXT NOT NULL,
    source         TEXT NOT NULL
);

-- The outbox: written in the transaction of the change it records, published to policy-changes in seq order.
CREATE TABLE changes (
    seq          BIGSERIAL PRIMARY KEY,
    entity       TEXT NOT NULL,
    entity_id    TEXT NOT NULL,
    body         JSONB,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    published_at TIMESTAMPTZ
);
CREATE INDEX changes_unpublished ON changes (seq) WHERE published_at IS NULL;
