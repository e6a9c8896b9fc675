-- The cost service's read models. Only the cost service writes this schema.

-- One row per request (the request log), inserted once: redelivered events hit the primary key and change nothing.
CREATE TABLE completions (
    request_id          TEXT        PRIMARY KEY,
    time                TIMESTAMPTZ NOT NULL,
    key_name            TEXT        NOT NULL,
    team                TEXT,
    user_id             TEXT,
    ingress             TEXT        NOT NULL,
    requested_model     TEXT        NOT NULL,
    stream              BOOLEAN     NOT NULL,
    route               TEXT        NOT NULL,
    strategy            TEXT        NOT NULL,
    provider            TEXT,                 -- the configured provider name that served it; NULL when none did
    provider_model      TEXT,
    status              INTEGER     NOT NULL,
    error_category      TEXT,
    finish_reason       TEXT,
    -- the served attempt's usage (OpenAI convention); NULL when it reported none
    input_tokens        BIGINT,
    output_tokens       BIGINT,
    cached_input_tokens BIGINT,
    cache_write_tokens  BIGINT,
    reasoning_tokens    BIGINT,
    -- served attempt plus billed race losers, USD, rounded half up to 9 places; NULL when a price was unknown
    cost_usd            NUMERIC(20, 9),
    latency_ms          BIGINT      NOT NULL,
    first_token_ms      BIGINT,               -- NULL when there was no output
    tags                JSONB       NOT NULL DEFAULT '{}',
    attempts            JSONB       NOT NULL DEFAULT '[]',  -- every upstream call with its own cost
    experiment_arm      TEXT,
    recorded_at         TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX completions_time ON completions (time DESC, request_id DESC);
CREATE INDEX completions_key_time ON completions (key_name, time DESC);

-- Daily totals, updated by upsert in the same transaction as the completions insert. '' stands for "none"
-- (no team, no served provider, no feature tag) so that every grouping column can be in the primary key.
CREATE TABLE spend_daily (
    day                 DATE           NOT NULL,  -- UTC
    key_name            TEXT           NOT NULL,
    team                TEXT           NOT NULL,
    provider            TEXT           NOT NULL,
    model               TEXT           NOT NULL,  -- the served provider model
    feature             TEXT           NOT NULL,  -- the value of the request's feature tag (cost.feature-tag)
    requests            BIGINT         NOT NULL,
    errors              BIGINT         NOT NULL,
    input_tokens        BIGINT         NOT NULL,
    output_tokens       BIGINT         NOT NULL,
    cached_input_tokens BIGINT         NOT NULL,
    cache_write_tokens  BIGINT         NOT NULL,
    reasoning_tokens    BIGINT         NOT NULL,
    cost_usd            NUMERIC(20, 9) NOT NULL,  -- priced requests only
    unpriced_requests   BIGINT         NOT NULL,  -- requests whose cost is unknown (not in cost_usd)
    PRIMARY KEY (day, key_name, team, provider, model, feature)
);

-- Admin overrides of the catalog, USD per million tokens, keyed by the provider name and model id events carry.
-- NULL cached / cache-write: billed at the input price.
CREATE TABLE price_overrides (
    provider              TEXT        NOT NULL,
    model                 TEXT        NOT NULL,
    input_per_mtok        NUMERIC     NOT NULL CHECK (input_per_mtok >= 0),
    output_per_mtok       NUMERIC     NOT NULL CHECK (output_per_mtok >= 0),
    cached_input_per_mtok NUMERIC     CHECK (cached_input_per_mtok >= 0),
    cache_write_per_mtok  NUMERIC     CHECK (cache_write_per_mtok >= 0),
    updated_at            TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (provider, model)
);
