-- tousu store schema, version 2: registrations by command id.
-- A filing is idempotent by its command id (the store picks the case id, so
-- the case's own command records cannot tell a retry): Store::registered_by
-- looks the command up here, and Store::file refuses a command id that
-- already opened a case. Partial: only the commands that opened a case.
CREATE INDEX tousu_commands_registrations ON tousu_commands (command_id)
    WHERE first_version = 1;
