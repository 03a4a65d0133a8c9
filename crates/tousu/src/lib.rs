//! tousu (投诉): complaint handling by written regulation.
//!
//! This is the crate an application adds to its `Cargo.toml`. It re-exports
//! the parts, as ICU4X's `icu` and ripgrep's `grep` do, and will add only what
//! needs all of them (the engine, the store trait, period reports).
//!
//! - [`model`] — the nouns: complaints, parties, staff, departments, money.
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![cfg_attr(
    not(test),
    deny(
        clippy::indexing_slicing,
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::print_stdout,
        clippy::print_stderr
    )
)]
#![doc(test(attr(deny(warnings))))]

#[doc(inline)]
pub use tousu_model as model;
