//! The report's charts, drawn with plotters' SVG backend.
//!
//! Every value is an integer (counts, tenths of a percent, hundredths of an
//! hour, fen), so no figure is rounded by floating point on its way to the
//! page; the text printed next to each bar is the exact figure from the
//! report. Colours are chosen for grey printing: one dark fill for single
//! series, and where two series meet they differ in lightness, line dash and
//! marker shape, never in hue alone.

use plotters::backend::SVGBackend;
use plotters::prelude::*;

/// Why a chart or a timeline could not be drawn.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("drawing {what}: {reason}")]
pub struct DrawError {
    /// Which chart.
    pub what: String,
    /// What the drawing library reported.
    pub reason: String,
}

impl DrawError {
    pub(crate) fn new(what: &str, reason: impl std::fmt::Display) -> DrawError {
        DrawError {
            what: what.to_owned(),
            reason: reason.to_string(),
        }
    }
}

/// The single-series fill: prints as a dark grey.
pub(crate) const INK: RGBColor = RGBColor(0x2f, 0x5f, 0x8f);
/// Text and axes.
pub(crate) const TEXT: RGBColor = RGBColor(0x22, 0x22, 0x22);
/// The second series of a pair: lighter than [`INK`] in grey as in colour.
pub(crate) const SECOND: RGBColor = RGBColor(0xe0, 0x8a, 0x1e);
/// Overrun and breaches: darker than [`SECOND`], distinct from [`INK`] by
/// its label and marker, not only its hue.
pub(crate) const ALERT: RGBColor = RGBColor(0xa8, 0x26, 0x1c);
/// The font family: the reader's own sans-serif (no font is embedded or fetched).
pub(crate) const FONT: &str = "sans-serif";

/// One bar: its label, its length and the text printed at its end.
#[derive(Clone, Debug)]
pub(crate) struct Bar {
    pub(crate) label: String,
    pub(crate) value: i64,
    pub(crate) text: String,
}

impl Bar {
    pub(crate) fn new(label: impl Into<String>, value: i64, text: impl Into<String>) -> Bar {
        Bar {
            label: label.into(),
            value,
            text: text.into(),
        }
    }
}

fn px(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

fn idx(n: usize) -> i32 {
    i32::try_from(n).unwrap_or(i32::MAX)
}

/// The upper end of a value axis: the largest value plus `1/part` of it,
/// room for the label printed past the longest bar or above the tallest
/// column.
fn headroom(max: i64, part: i64) -> i64 {
    let max = max.max(1);
    max.saturating_add(max / part).saturating_add(1)
}

/// Horizontal bars, one per row, top to bottom in the given order; `axis`
/// formats the value axis' ticks.
pub(crate) fn hbars(
    what: &str,
    bars: &[Bar],
    axis_desc: &str,
    axis: &dyn Fn(i64) -> String,
) -> Result<String, DrawError> {
    let err = |e: &dyn std::fmt::Display| DrawError::new(what, e);
    let n = bars.len().max(1);
    let (width, height) = (640, 56 + 30 * px(n));
    let max = headroom(bars.iter().map(|b| b.value).max().unwrap_or(0), 2);
    let rows = idx(n);
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (width, height)).into_drawing_area();
        root.fill(&WHITE).map_err(|e| err(&e))?;
        let mut chart = ChartBuilder::on(&root)
            .margin(10)
            .x_label_area_size(40)
            .y_label_area_size(170)
            .build_cartesian_2d(0..max, 0..rows)
            .map_err(|e| err(&e))?;
        // Row 0 at the top: plotters counts y upwards.
        let label_of = |y: &i32| {
            let row = rows - 1 - *y;
            usize::try_from(row)
                .ok()
                .and_then(|r| bars.get(r))
                .map(|b| b.label.clone())
                .unwrap_or_default()
        };
        chart
            .configure_mesh()
            .disable_y_mesh()
            .y_labels(n)
            .y_label_offset(-15)
            .y_label_formatter(&label_of)
            .x_label_formatter(&|v| axis(*v))
            .x_labels(6)
            .x_desc(axis_desc)
            .label_style((FONT, 15).into_font().color(&TEXT))
            .axis_desc_style((FONT, 14).into_font().color(&TEXT))
            .light_line_style(RGBColor(0xee, 0xee, 0xee))
            .bold_line_style(RGBColor(0xdd, 0xdd, 0xdd))
            .draw()
            .map_err(|e| err(&e))?;
        let area = chart.plotting_area();
        for (i, bar) in bars.iter().enumerate() {
            let y = rows - 1 - idx(i);
            let mut rect = Rectangle::new([(0, y), (bar.value.max(0), y + 1)], INK.filled());
            rect.set_margin(6, 6, 0, 0);
            area.draw(&rect).map_err(|e| err(&e))?;
            let label = EmptyElement::at((bar.value.max(0), y))
                + Text::new(
                    bar.text.clone(),
                    (6, -22),
                    (FONT, 15).into_font().color(&TEXT),
                );
            area.draw(&label).map_err(|e| err(&e))?;
        }
        root.present().map_err(|e| err(&e))?;
    }
    Ok(svg)
}

/// Vertical columns over ordered buckets (a distribution), left to right.
pub(crate) fn columns(what: &str, bars: &[Bar], axis_desc: &str) -> Result<String, DrawError> {
    let err = |e: &dyn std::fmt::Display| DrawError::new(what, e);
    let n = bars.len().max(1);
    let (width, height) = (640, 300);
    let max = headroom(bars.iter().map(|b| b.value).max().unwrap_or(0), 4);
    let cols = idx(n);
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (width, height)).into_drawing_area();
        root.fill(&WHITE).map_err(|e| err(&e))?;
        let mut chart = ChartBuilder::on(&root)
            .margin(10)
            .x_label_area_size(48)
            .y_label_area_size(48)
            .build_cartesian_2d((0..cols).into_segmented(), 0..max)
            .map_err(|e| err(&e))?;
        let label_of = |x: &SegmentValue<i32>| match x {
            SegmentValue::CenterOf(c) => usize::try_from(*c)
                .ok()
                .and_then(|c| bars.get(c))
                .map(|b| b.label.clone())
                .unwrap_or_default(),
            _ => String::new(),
        };
        chart
            .configure_mesh()
            .disable_x_mesh()
            .x_labels(n)
            .x_label_formatter(&label_of)
            .y_labels(5)
            .y_label_formatter(&|v| v.to_string())
            .x_desc(axis_desc)
            .label_style((FONT, 15).into_font().color(&TEXT))
            .axis_desc_style((FONT, 14).into_font().color(&TEXT))
            .light_line_style(RGBColor(0xee, 0xee, 0xee))
            .bold_line_style(RGBColor(0xdd, 0xdd, 0xdd))
            .draw()
            .map_err(|e| err(&e))?;
        let area = chart.plotting_area();
        for (i, bar) in bars.iter().enumerate() {
            let x = idx(i);
            let mut rect = Rectangle::new(
                [
                    (SegmentValue::Exact(x), 0),
                    (SegmentValue::Exact(x + 1), bar.value.max(0)),
                ],
                INK.filled(),
            );
            rect.set_margin(0, 0, 12, 12);
            area.draw(&rect).map_err(|e| err(&e))?;
            let label = EmptyElement::at((SegmentValue::CenterOf(x), bar.value.max(0)))
                + Text::new(
                    bar.text.clone(),
                    (0, -20),
                    (FONT, 15).into_font().color(&TEXT).pos(
                        plotters::style::text_anchor::Pos::new(
                            plotters::style::text_anchor::HPos::Center,
                            plotters::style::text_anchor::VPos::Top,
                        ),
                    ),
                );
            area.draw(&label).map_err(|e| err(&e))?;
        }
        root.present().map_err(|e| err(&e))?;
    }
    Ok(svg)
}

/// One series of a line chart.
pub(crate) struct Line<'a> {
    pub(crate) name: &'a str,
    pub(crate) values: Vec<i64>,
}

/// Lines over the days of the period (`labels` names each day); the first
/// series solid and dark with round markers, the second dashed and light
/// with triangles, so the two stay apart in grey.
pub(crate) fn lines(
    what: &str,
    labels: &[String],
    series: &[Line<'_>],
    axis_desc: &str,
) -> Result<String, DrawError> {
    let err = |e: &dyn std::fmt::Display| DrawError::new(what, e);
    let days = idx(labels.len().max(1));
    let max = headroom(
        series
            .iter()
            .flat_map(|s| s.values.iter().copied())
            .max()
            .unwrap_or(0),
        4,
    );
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (640, 300)).into_drawing_area();
        root.fill(&WHITE).map_err(|e| err(&e))?;
        let mut chart = ChartBuilder::on(&root)
            .margin(10)
            .x_label_area_size(40)
            .y_label_area_size(48)
            .build_cartesian_2d(0..days - 1, 0..max)
            .map_err(|e| err(&e))?;
        let day_label = |x: &i32| {
            usize::try_from(*x)
                .ok()
                .and_then(|i| labels.get(i))
                .cloned()
                .unwrap_or_default()
        };
        chart
            .configure_mesh()
            .x_labels(labels.len().clamp(2, 10))
            .x_label_formatter(&day_label)
            .y_labels(5)
            .x_desc(axis_desc)
            .label_style((FONT, 15).into_font().color(&TEXT))
            .axis_desc_style((FONT, 14).into_font().color(&TEXT))
            .light_line_style(RGBColor(0xee, 0xee, 0xee))
            .bold_line_style(RGBColor(0xdd, 0xdd, 0xdd))
            .draw()
            .map_err(|e| err(&e))?;
        for (k, s) in series.iter().enumerate() {
            let points: Vec<(i32, i64)> = s
                .values
                .iter()
                .enumerate()
                .map(|(i, v)| (idx(i), *v))
                .collect();
            let name = s.name.to_owned();
            if k == 0 {
                chart
                    .draw_series(LineSeries::new(points.clone(), INK.stroke_width(3)))
                    .map_err(|e| err(&e))?
                    .label(name)
                    .legend(|(x, y)| {
                        PathElement::new(vec![(x, y), (x + 20, y)], INK.stroke_width(3))
                    });
                chart
                    .draw_series(points.iter().map(|p| Circle::new(*p, 3, INK.filled())))
                    .map_err(|e| err(&e))?;
            } else {
                chart
                    .draw_series(DashedLineSeries::new(
                        points.clone(),
                        6,
                        4,
                        SECOND.stroke_width(2),
                    ))
                    .map_err(|e| err(&e))?
                    .label(name)
                    .legend(|(x, y)| {
                        PathElement::new(vec![(x, y), (x + 20, y)], SECOND.stroke_width(2))
                    });
                chart
                    .draw_series(
                        points
                            .iter()
                            .map(|p| TriangleMarker::new(*p, 4, SECOND.filled())),
                    )
                    .map_err(|e| err(&e))?;
            }
        }
        chart
            .configure_series_labels()
            .position(SeriesLabelPosition::UpperRight)
            .background_style(WHITE.mix(0.9))
            .border_style(TEXT)
            .label_font((FONT, 14).into_font().color(&TEXT))
            .draw()
            .map_err(|e| err(&e))?;
        root.present().map_err(|e| err(&e))?;
    }
    Ok(svg)
}
