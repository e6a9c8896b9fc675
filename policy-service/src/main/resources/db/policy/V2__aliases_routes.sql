-- Model aliases (another name for a model or route) and routes defined through the API.

CREATE TABLE aliases (
    alias  TEXT PRIMARY KEY,
    target TEXT NOT NULL,
    source TEXT NOT NULL
);

-- definition: JSON text in the shape of one models: entry of switchboard.yaml, kept as written (compacted) so what
-- is published is exactly what is stored.
CREATE TABLE routes (
    name       TEXT PRIMARY KEY,
    definition TEXT NOT NULL,
    source     TEXT NOT NULL
);
