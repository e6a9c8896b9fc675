-- Prompts and answers of teams whose request log keeps them (the completion event's optional bodies), written in the
-- same transaction as their completions row and only when that row is new. The retention job deletes a row once
-- expires_at has passed; the completions row (metadata) stays.
CREATE TABLE request_bodies (
    request_id    TEXT        PRIMARY KEY REFERENCES completions (request_id) ON DELETE CASCADE,
    request_body  TEXT        NOT NULL,   -- as received, UTF-8, at most 256 KiB
    response_body TEXT,                   -- the answer as sent (whole) or assembled (stream); NULL when none
    truncated     BOOLEAN     NOT NULL,   -- either body was cut at 256 KiB
    expires_at    TIMESTAMPTZ NOT NULL    -- the request's time plus the team's retention days
);
CREATE INDEX request_bodies_expires_at ON request_bodies (expires_at);
