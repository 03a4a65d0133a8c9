-- tousu store schema, version 1 (the same tables as tousu-store-postgres).
-- Every key starts with the case id, so that a database can partition or
-- distribute the case tables by it.

-- Events, keyed by (case_id, version) for optimistic concurrency.
-- position: the global, gap-free order of commit ("events since N").
-- batch_end: the version of the last event of the write this event came in;
-- the last stored event of a case must end its batch (torn-write check).
CREATE TABLE tousu_events (
    case_id    TEXT    NOT NULL,
    version    INTEGER NOT NULL,
    position   INTEGER NOT NULL,
    batch_end  INTEGER NOT NULL,
    command_id TEXT,
    at         TEXT    NOT NULL,
    body       TEXT    NOT NULL,
    PRIMARY KEY (case_id, version)
);
CREATE INDEX tousu_events_position ON tousu_events (position);

-- Commands applied, for idempotent retries: the same id with another hash
-- is a different command.
CREATE TABLE tousu_commands (
    case_id       TEXT    NOT NULL,
    command_id    TEXT    NOT NULL,
    hash          TEXT    NOT NULL,
    first_version INTEGER NOT NULL,
    last_version  INTEGER NOT NULL,
    PRIMARY KEY (case_id, command_id)
);

-- One row per case: its version, whether it is open, and the next instant
-- (nanoseconds since 1970 UTC) at which time alone does anything to it.
CREATE TABLE tousu_cases (
    case_id  TEXT    NOT NULL PRIMARY KEY,
    version  INTEGER NOT NULL,
    open     INTEGER NOT NULL,
    next_due INTEGER
);
CREATE INDEX tousu_cases_due ON tousu_cases (next_due)
    WHERE open = 1 AND next_due IS NOT NULL;

-- The latest snapshot of a case (a cache: the events stay the truth).
CREATE TABLE tousu_snapshots (
    case_id TEXT    NOT NULL PRIMARY KEY,
    version INTEGER NOT NULL,
    body    TEXT    NOT NULL
);

-- Complaint numbers per month, taken in the registration's transaction.
CREATE TABLE tousu_sequences (
    year  INTEGER NOT NULL,
    month INTEGER NOT NULL,
    last  INTEGER NOT NULL,
    PRIMARY KEY (year, month)
);

-- The last global position handed out; one row.
CREATE TABLE tousu_position (
    id   INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    last INTEGER NOT NULL
);
INSERT INTO tousu_position (id, last) VALUES (1, 0);
