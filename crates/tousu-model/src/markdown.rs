//! Text in the Markdown tables the crates render (penalty statements,
//! period reports): one escaper, so that every table treats a `|` or a line
//! break in a name or a reason alike.

/// Escapes text for a Markdown table cell: `|` would end the cell and a
/// line break (`\n`, `\r`) the row, so `|` becomes `\|` and breaks spaces.
///
/// ```
/// use tousu_model::markdown::table_cell;
/// assert_eq!(table_cell("A|B\r\nC"), "A\\|B  C");
/// ```
pub fn table_cell(text: &str) -> String {
    text.replace('|', "\\|").replace(['\r', '\n'], " ")
}
