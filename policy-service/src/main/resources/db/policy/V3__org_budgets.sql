-- Organisations get budgets (shared by every team in them) and a source like other entries. The seeded 'default'
-- is built in: it has no budgets until the file or the API gives it some.

ALTER TABLE orgs
    ADD COLUMN budgets JSONB NOT NULL DEFAULT '[]',
    ADD COLUMN source  TEXT  NOT NULL DEFAULT 'API';
UPDATE orgs SET source = 'BUILT_IN' WHERE name = 'default';
