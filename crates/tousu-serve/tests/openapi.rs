//! docs/openapi.json is the document the service serves. Run with
//! `TOUSU_BLESS=1` to rewrite it after changing a document or a route.

#[test]
fn docs_openapi_json_is_current() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/openapi.json");
    let text = serde_json::to_string_pretty(&tousu_serve::openapi::openapi()).unwrap() + "\n";
    if std::env::var_os("TOUSU_BLESS").is_some_and(|v| v == "1") {
        std::fs::write(path, &text).unwrap();
    }
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        committed == text,
        "docs/openapi.json is stale: run `TOUSU_BLESS=1 cargo test -p tousu-serve --test openapi` and commit it"
    );
}

#[test]
fn every_reference_resolves() {
    let doc = tousu_serve::openapi::openapi();
    let text = doc.to_string();
    for piece in text.split("\"$ref\":\"#/components/schemas/").skip(1) {
        let name = piece.split('"').next().unwrap();
        assert!(
            doc["components"]["schemas"].get(name).is_some(),
            "{name} is referenced but not defined"
        );
    }
}
