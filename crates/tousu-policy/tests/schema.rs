//! `docs/policy.schema.json` is the generated JSON Schema, kept up to date.
//! Run with `TOUSU_BLESS=1` to rewrite it.

use tousu_policy::Policy;

#[test]
fn policy_schema_file_is_up_to_date() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/policy.schema.json");
    let generated = serde_json::to_string_pretty(&Policy::json_schema()).unwrap() + "\n";
    if std::env::var_os("TOUSU_BLESS").is_some_and(|v| v == "1") {
        std::fs::write(path, &generated).unwrap();
        return;
    }
    let on_disk = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        on_disk == generated,
        "docs/policy.schema.json is out of date; regenerate it with \
         `TOUSU_BLESS=1 cargo test -p tousu-policy --test schema` and commit it"
    );
}

#[test]
fn schema_describes_the_document() {
    let schema = Policy::json_schema();
    assert_eq!(schema["title"], "tousu policy");
    let required: Vec<&str> = schema["required"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    for field in ["schema_version", "id", "levels", "classification"] {
        assert!(
            required.contains(&field),
            "{field} not required: {required:?}"
        );
    }
    assert_eq!(schema["additionalProperties"], false);
    // Predicates are recursive, through a definition.
    assert!(schema["$defs"]["Predicate"].is_object());
}

#[test]
fn default_policy_as_json_validates_its_own_shape() {
    // A light structural check: every top-level key of the default policy's
    // JSON is a property of the schema.
    let p = Policy::default_policy().unwrap();
    let json: serde_json::Value = serde_json::from_str(&p.to_json_string().unwrap()).unwrap();
    let schema = Policy::json_schema();
    for key in json.as_object().unwrap().keys() {
        assert!(
            schema["properties"][key].is_object(),
            "{key} missing from the schema"
        );
    }
}
