//! Text in the Markdown tables the crates render (penalty statements,
//! period reports): one escaper, so that every table treats a `|` or a line
//! break in a name or a reason alike.

use std::fmt;

/// Escapes text for a Markdown table cell: `|` would end the cell and a
/// line break (`\n`, `\r`) the row, so `|` becomes `\|` and breaks spaces.
///
/// ```
/// use tousu_model::markdown::table_cell;
/// assert_eq!(table_cell("A|B\r\nC"), "A\\|B  C");
/// ```
pub fn table_cell(text: &str) -> String {
    Cell(text).to_string()
}

/// [`table_cell`] as it writes: `Cell(value)` displays `value` escaped for a
/// table cell without building the unescaped text first (penalty statements
/// write their explanations straight into the page this way).
///
/// ```
/// use tousu_model::markdown::Cell;
/// assert_eq!(Cell(format_args!("{}|{}", 1, 2)).to_string(), "1\\|2");
/// ```
#[derive(Clone, Copy, Debug)]
pub struct Cell<T>(pub T);

impl<T: fmt::Display> fmt::Display for Cell<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        struct Escape<'a, 'b>(&'a mut fmt::Formatter<'b>);
        impl fmt::Write for Escape<'_, '_> {
            fn write_str(&mut self, s: &str) -> fmt::Result {
                let mut rest = s;
                while let Some(i) = rest.find(['|', '\n', '\r']) {
                    let (head, tail) = rest.split_at(i);
                    self.0.write_str(head)?;
                    let mut chars = tail.chars();
                    self.0.write_str(match chars.next() {
                        Some('|') => "\\|",
                        _ => " ",
                    })?;
                    rest = chars.as_str();
                }
                self.0.write_str(rest)
            }
        }
        fmt::write(&mut Escape(f), format_args!("{}", self.0))
    }
}
