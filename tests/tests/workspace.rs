//! Cross-crate checks of the workspace as a whole.

/// The facade re-exports the model under `tousu::model`, so an integrator
/// needs one dependency.
#[test]
fn facade_reexports_model() {
    let m: tousu::model::Money = "12.5".parse().unwrap();
    assert_eq!(m.to_string(), "¥12.50");
}
