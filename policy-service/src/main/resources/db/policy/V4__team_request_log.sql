-- A team's request log policy: whether prompts and answers are kept, and for how many days (0 when not kept).
-- Existing teams keep metadata only.
ALTER TABLE teams
    ADD COLUMN request_log_bodies         BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN request_log_retention_days INTEGER NOT NULL DEFAULT 0
        CHECK (request_log_retention_days BETWEEN 0 AND 3650);
