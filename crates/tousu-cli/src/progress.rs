//! Progress on long work: an indicatif bar on stderr when stderr is a
//! terminal and `--quiet` was not given; otherwise nothing at all, so that
//! pipes, files and CI logs get only the command's own output.

use std::io::IsTerminal as _;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// A bar that may be hidden.
pub(crate) struct Progress {
    bar: Option<ProgressBar>,
}

impl Progress {
    /// A bar of `len` units, shown only on a terminal and without `quiet`;
    /// `bytes` formats the counts as sizes.
    pub(crate) fn new(quiet: bool, len: u64, message: &'static str, bytes: bool) -> Progress {
        if quiet || !std::io::stderr().is_terminal() {
            return Progress { bar: None };
        }
        let template = if bytes {
            "{msg:>12} [{bar:40}] {bytes}/{total_bytes} ({eta})"
        } else {
            "{msg:>12} [{bar:40}] {pos}/{len} ({eta})"
        };
        let style = ProgressStyle::with_template(template)
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> ");
        let bar = ProgressBar::with_draw_target(Some(len), ProgressDrawTarget::stderr())
            .with_style(style)
            .with_message(message);
        Progress { bar: Some(bar) }
    }

    /// Advances by `n` units.
    pub(crate) fn inc(&self, n: u64) {
        if let Some(bar) = &self.bar {
            bar.inc(n);
        }
    }

    /// Removes the bar from the terminal.
    pub(crate) fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
