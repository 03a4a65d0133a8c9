//! What several policy tests share.

/// The default policy as a file of schema 1, for the tests of what such a
/// file may not say: the default is at schema 2 only for the `by` of its
/// manual escalation steps, so without them it is a valid schema-1 file.
pub(crate) fn default_at_schema_1() -> String {
    let text = tousu_policy::DEFAULT_POLICY_TOML;
    for by in ["by = [\"handler\"]\n", "by = [\"department_head\"]\n"] {
        assert!(text.contains(by), "the default's manual steps name {by}");
    }
    text.replacen("schema_version = 2", "schema_version = 1", 1)
        .replace("by = [\"handler\"]\n", "")
        .replace("by = [\"department_head\"]\n", "")
}
