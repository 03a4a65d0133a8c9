//! Drawing a [`CaseTimeline`] as SVG with plotters.
//!
//! Time runs left to right, one column per local day of the calendar;
//! the layout is computed in whole pixels (integer arithmetic from whole
//! minutes), and plotters writes the elements. What tells things apart
//! survives grey printing: day marks 休 / 班 as Chinese calendars print
//! them, dashed outlines for pauses and provisional deadlines, marker shapes
//! for warnings and breaches, and words next to every bar.

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, Utc};
use plotters::backend::SVGBackend;
use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use tousu_policy::Calendar;
use tousu_policy::calendar::YearCoverage;

use super::charts::{ALERT, DrawError, FONT, INK, TEXT};
use super::timeline::{CaseTimeline, ClockTrack, DayKind, weekday_zh};

const WHAT: &str = "the case timeline";
/// Width of the clock names on the left.
const LEFT: i32 = 200;
/// Room on the right for the last bar's words.
const RIGHT: i32 = 190;
/// Title and day header.
const HEADER: i32 = 84;
/// The row of case events (escalations, rounds, closure).
const MARKS: i32 = 28;
/// One clock.
const ROW: i32 = 52;
/// The legend.
const LEGEND: i32 = 74;
/// The longest span drawn.
const MAX_DAYS: i64 = 1000;

const WEEKEND: RGBColor = RGBColor(0xe8, 0xe8, 0xe8);
const HOLIDAY: RGBColor = RGBColor(0xcc, 0xcc, 0xcc);
const UNCOVERED: RGBColor = RGBColor(0xf4, 0xf4, 0xf4);
const GRID: RGBColor = RGBColor(0xbb, 0xbb, 0xbb);

type Area<'a> = DrawingArea<SVGBackend<'a>, Shift>;

fn err(e: impl std::fmt::Display) -> DrawError {
    DrawError::new(WHAT, e)
}

fn to_i32(v: i64) -> i32 {
    i32::try_from(v).unwrap_or(if v < 0 { i32::MIN } else { i32::MAX })
}

fn font(size: i32, color: RGBColor) -> TextStyle<'static> {
    (FONT, size).into_font().color(&color)
}

fn anchored(size: i32, color: RGBColor, h: HPos, v: VPos) -> TextStyle<'static> {
    font(size, color).pos(Pos::new(h, v))
}

/// Maps instants to pixels: `days` local days from `start`, `width` pixels.
struct Scale {
    start: DateTime<Utc>,
    minutes: i64,
    width: i64,
    offset: FixedOffset,
}

impl Scale {
    fn x(&self, t: DateTime<Utc>) -> i32 {
        let m = (t - self.start).num_minutes().clamp(0, self.minutes);
        to_i32(i64::from(LEFT) + m * self.width / self.minutes.max(1))
    }

    fn local(&self, t: DateTime<Utc>) -> String {
        t.with_timezone(&self.offset)
            .format("%m-%d %H:%M")
            .to_string()
    }

    /// An exclusive deadline as people write it: `12-31 24:00` for the end
    /// of a day ([`crate::when::deadline_short`] without the year).
    fn deadline(&self, t: DateTime<Utc>) -> String {
        let full = crate::when::deadline_short(t, self.offset);
        match full.split_once('-') {
            Some((_, month_day_time)) => month_day_time.to_owned(),
            None => full,
        }
    }
}

impl CaseTimeline {
    /// The timeline as a standalone SVG document: one bar per clock from its
    /// start to its deadline over the local days of `calendar` (weekends
    /// shaded light, holidays darker and marked 休, make-up working days
    /// marked 班), running time filled, pauses dashed, time past the
    /// deadline hatched dark red and labelled, provisional deadlines dashed
    /// and labelled 暂定, warnings as triangles, breaches as crosses, and
    /// escalations, new rounds and the closure as lines across every clock.
    ///
    /// # Errors
    ///
    /// [`DrawError`] when the span exceeds 1,000 days or an instant is out
    /// of range.
    pub fn to_svg(&self, calendar: &Calendar) -> Result<String, DrawError> {
        let offset = calendar.offset();
        let (lo, hi) = self.span();
        let first = lo.with_timezone(&offset).date_naive();
        let last = hi.with_timezone(&offset).date_naive();
        let days = (last - first).num_days() + 1;
        if days > MAX_DAYS {
            return Err(err(format!(
                "the clocks span {days} days; at most {MAX_DAYS} can be drawn"
            )));
        }
        let start = midnight(first, offset)?;
        let width = (days * 40).clamp(640, 2000);
        let scale = Scale {
            start,
            minutes: days * 1440,
            width,
            offset,
        };
        let rows = i32::try_from(self.clocks.len().max(1)).unwrap_or(i32::MAX);
        let bottom = HEADER + MARKS + ROW * rows;
        let size = (
            u32::try_from(i64::from(LEFT + RIGHT) + width).unwrap_or(u32::MAX),
            u32::try_from(bottom + LEGEND).unwrap_or(u32::MAX),
        );
        let mut svg = String::new();
        {
            let root = SVGBackend::with_string(&mut svg, size).into_drawing_area();
            root.fill(&WHITE).map_err(err)?;
            let provisional: Vec<String> = (first.year()..=last.year())
                .filter(|y| matches!(calendar.coverage(*y), YearCoverage::Provisional))
                .map(|y| y.to_string())
                .collect();
            self.draw_title(&root, &scale, &provisional)?;
            draw_days(&root, calendar, &scale, first, days, bottom)?;
            self.draw_marks(&root, &scale, bottom)?;
            for (i, clock) in self.clocks.iter().enumerate() {
                let y0 = HEADER + MARKS + ROW * i32::try_from(i).unwrap_or(i32::MAX);
                draw_clock(&root, &scale, clock, self.as_of, y0)?;
            }
            if self.clocks.is_empty() {
                root.draw(&Text::new(
                    "无计时 No clocks",
                    (LEFT + 8, HEADER + MARKS + 16),
                    font(14, TEXT),
                ))
                .map_err(err)?;
            }
            draw_legend(&root, bottom + 12)?;
            root.present().map_err(err)?;
        }
        Ok(svg)
    }

    fn draw_title(
        &self,
        root: &Area<'_>,
        scale: &Scale,
        provisional: &[String],
    ) -> Result<(), DrawError> {
        let number = self
            .number
            .as_ref()
            .filter(|n| n.as_str() != self.case_id.as_str())
            .map(|n| format!(" {n}"))
            .unwrap_or_default();
        let title = format!("案件时间线 Case timeline: {}{number}", self.case_id);
        root.draw(&Text::new(
            title,
            (10, 8),
            (FONT, 19, FontStyle::Bold).into_font().color(&TEXT),
        ))
        .map_err(err)?;
        let mut sub = format!(
            "收到 Received {} · 统计时点 As of {} (UTC{})",
            scale.local(self.received_at),
            scale.local(self.as_of),
            scale.offset
        );
        if !provisional.is_empty() {
            sub.push_str(&format!(
                " · 暂定日历 provisional calendar {}: 无节假日数据，仅按周末 no holiday data, weekends only",
                provisional.join(", ")
            ));
        }
        root.draw(&Text::new(sub, (10, 30), font(14, TEXT)))
            .map_err(err)
    }

    fn draw_marks(&self, root: &Area<'_>, scale: &Scale, bottom: i32) -> Result<(), DrawError> {
        let top = HEADER;
        root.draw(&Text::new(
            "事件 Events",
            (LEFT - 8, top + MARKS / 2),
            anchored(14, TEXT, HPos::Right, VPos::Center),
        ))
        .map_err(err)?;
        let mut lines: Vec<(DateTime<Utc>, String, RGBColor)> = self
            .marks
            .iter()
            .map(|m| (m.at(), m.label(), TEXT))
            .collect();
        lines.push((self.as_of, "统计时点 as of".to_owned(), ALERT));
        lines.sort_by_key(|l| l.0);
        // Labels closer than their width alternate between two lines.
        let mut last_x = i32::MIN;
        let mut lower = false;
        for (at, label, color) in lines {
            let x = scale.x(at);
            lower = x.saturating_sub(last_x) < 120 && !lower;
            last_x = x;
            let dy = if lower { 14 } else { 0 };
            root.draw(&DashedPathElement::new(
                vec![(x, top + 4), (x, bottom)],
                4,
                3,
                color.stroke_width(1),
            ))
            .map_err(err)?;
            root.draw(&Text::new(
                label,
                (x + 3, top + 1 + dy),
                anchored(12, color, HPos::Left, VPos::Top),
            ))
            .map_err(err)?;
        }
        Ok(())
    }
}

fn midnight(date: NaiveDate, offset: FixedOffset) -> Result<DateTime<Utc>, DrawError> {
    date.and_hms_opt(0, 0, 0)
        .and_then(|d| d.checked_sub_offset(offset))
        .map(|n| DateTime::from_naive_utc_and_offset(n, Utc))
        .ok_or_else(|| err(format!("local midnight of {date} is out of range")))
}

/// Day columns: shading by kind, a line between days, the date, weekday and
/// 休 / 班 in the header.
fn draw_days(
    root: &Area<'_>,
    calendar: &Calendar,
    scale: &Scale,
    first: NaiveDate,
    days: i64,
    bottom: i32,
) -> Result<(), DrawError> {
    let px_per_day = scale.width / days.max(1);
    // Label every day when there is room, else every few days.
    let step = (44 / px_per_day.max(1)).max(1);
    let header_top = HEADER - 32;
    let kinds = DayKind::run(calendar, first, days);
    let mut date = first;
    for (i, kind) in (0..days).zip(kinds) {
        let next = date
            .succ_opt()
            .ok_or_else(|| err(format!("the day after {date} is out of range")))?;
        let (x0, x1) = (
            scale.x(midnight(date, scale.offset)?),
            scale.x(midnight(next, scale.offset)?),
        );
        let fill = match kind {
            DayKind::Weekend => Some(WEEKEND),
            DayKind::Holiday => Some(HOLIDAY),
            DayKind::Uncovered => Some(UNCOVERED),
            DayKind::Working | DayKind::MakeUp => None,
        };
        if let Some(color) = fill {
            root.draw(&Rectangle::new(
                [(x0, header_top), (x1, bottom)],
                color.filled(),
            ))
            .map_err(err)?;
        }
        root.draw(&PathElement::new(
            vec![(x0, header_top), (x0, bottom)],
            GRID.stroke_width(1),
        ))
        .map_err(err)?;
        let mid = (x0 + x1) / 2;
        if i % step == 0 {
            root.draw(&Text::new(
                date.format("%m-%d").to_string(),
                (x0 + 2, header_top + 2),
                anchored(12, TEXT, HPos::Left, VPos::Top),
            ))
            .map_err(err)?;
        }
        let line = if px_per_day >= 22 {
            format!("{}{}", weekday_zh(date.weekday()), kind.mark())
        } else {
            kind.mark().to_owned()
        };
        if !line.is_empty() && px_per_day >= 10 {
            root.draw(&Text::new(
                line,
                (mid, header_top + 17),
                anchored(12, TEXT, HPos::Center, VPos::Top),
            ))
            .map_err(err)?;
        }
        date = next;
    }
    root.draw(&PathElement::new(
        vec![(LEFT, HEADER), (LEFT + to_i32(scale.width), HEADER)],
        GRID.stroke_width(1),
    ))
    .map_err(err)
}

/// Time past the deadline: filled dark red and hatched with white
/// diagonals, so that it stays apart from the running time in grey.
fn overrun(root: &Area<'_>, (x0, y0): (i32, i32), (x1, y1): (i32, i32)) -> Result<(), DrawError> {
    root.draw(&Rectangle::new([(x0, y0), (x1, y1)], ALERT.filled()))
        .map_err(err)?;
    let h = y1 - y0;
    // Each stripe rises 45° from (x, y1) to (x + h, y0), clipped to [x0, x1].
    let mut x = x0 - h;
    while x < x1 {
        let (a, b) = (x.max(x0), (x + h).min(x1));
        if a < b {
            root.draw(&PathElement::new(
                vec![(a, y1 - (a - x)), (b, y1 - (b - x))],
                WHITE.stroke_width(2),
            ))
            .map_err(err)?;
        }
        x += 7;
    }
    Ok(())
}

/// A rectangle outlined with dashes (plotters' rectangles only stroke solid).
fn dashed_box(
    root: &Area<'_>,
    (x0, y0): (i32, i32),
    (x1, y1): (i32, i32),
) -> Result<(), DrawError> {
    root.draw(&DashedPathElement::new(
        vec![(x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)],
        4,
        3,
        TEXT.stroke_width(1),
    ))
    .map_err(err)
}

fn draw_clock(
    root: &Area<'_>,
    scale: &Scale,
    clock: &ClockTrack,
    as_of: DateTime<Utc>,
    y0: i32,
) -> Result<(), DrawError> {
    let (top, low) = (y0 + 14, y0 + ROW - 16);
    root.draw(&Text::new(
        format!("{}（第{}轮）", clock.name_zh, clock.round),
        (LEFT - 8, y0 + 14),
        anchored(14, TEXT, HPos::Right, VPos::Top),
    ))
    .map_err(err)?;
    root.draw(&Text::new(
        format!("{} round {}", clock.milestone, clock.round),
        (LEFT - 8, y0 + 31),
        anchored(11, TEXT, HPos::Right, VPos::Top),
    ))
    .map_err(err)?;
    let Some(deadline) = clock.deadline() else {
        // The calendar could not count one (a year without a notice that
        // the policy refuses): say so rather than draw a bar to nowhere.
        return root
            .draw(&Text::new(
                "无时限 no deadline (calendar)",
                (scale.x(clock.started_at) + 8, (top + low) / 2),
                anchored(12, TEXT, HPos::Left, VPos::Center),
            ))
            .map_err(err);
    };
    let (xs, xd) = (scale.x(clock.started_at), scale.x(deadline.at));
    // The time allowed: an outline from start to the deadline in force.
    root.draw(&Rectangle::new(
        [(xs, top), (xd.max(xs + 1), low)],
        INK.stroke_width(1),
    ))
    .map_err(err)?;
    // The time it ran: dark up to the deadline, alert colour past it.
    for (a, b) in clock.running(as_of) {
        let (xa, xb) = (scale.x(a), scale.x(b));
        if xa < xd {
            root.draw(&Rectangle::new(
                [(xa, top), (xb.min(xd).max(xa + 1), low)],
                INK.filled(),
            ))
            .map_err(err)?;
        }
        if xb > xd {
            overrun(root, (xa.max(xd), top), (xb, low))?;
        }
    }
    let end = clock.stopped.map_or(as_of, |(at, _)| at);
    for p in &clock.pauses {
        let (xa, xb) = (
            scale.x(p.from),
            scale.x(p.to.unwrap_or(end)).max(scale.x(p.from) + 2),
        );
        root.draw(&Rectangle::new([(xa, top), (xb, low)], WHITE.filled()))
            .map_err(err)?;
        dashed_box(root, (xa, top), (xb, low))?;
        if xb - xa > 80 {
            root.draw(&Text::new(
                "暂停 paused",
                ((xa + xb) / 2, (top + low) / 2),
                anchored(12, TEXT, HPos::Center, VPos::Center),
            ))
            .map_err(err)?;
        }
    }
    draw_deadlines(root, scale, clock, top, low)?;
    for w in &clock.warnings {
        let x = scale.x(w.at);
        root.draw(&TriangleMarker::new((x, top - 5), 5, TEXT.filled()))
            .map_err(err)?;
    }
    if let Some(at) = clock.breached_at {
        let x = scale.x(at);
        root.draw(&Cross::new((x, low + 7), 5, ALERT.stroke_width(2)))
            .map_err(err)?;
    }
    let state = match clock.stopped {
        Some((_, true)) => "按时 met",
        Some((_, false)) => "超时 missed",
        None if clock.pauses.last().is_some_and(|p| p.to.is_none()) => "暂停 paused",
        None if as_of >= deadline.at => "逾期 overdue",
        None => "计时中 running",
    };
    let provisional = if deadline.provisional { " 暂定" } else { "" };
    let words = format!(
        "时限 due {}{provisional} · {state}",
        scale.deadline(deadline.at)
    );
    root.draw(&Text::new(
        words,
        (xd.max(scale.x(end)) + 8, (top + low) / 2),
        anchored(12, TEXT, HPos::Left, VPos::Center),
    ))
    .map_err(err)
}

/// Superseded deadlines thin and dashed; the one in force solid, or dashed
/// and labelled 暂定 when provisional (a year without holiday data).
fn draw_deadlines(
    root: &Area<'_>,
    scale: &Scale,
    clock: &ClockTrack,
    top: i32,
    low: i32,
) -> Result<(), DrawError> {
    let n = clock.deadlines.len();
    for (i, change) in clock.deadlines.iter().enumerate() {
        let x = scale.x(change.deadline.at);
        let current = i + 1 == n;
        if !current {
            root.draw(&DashedPathElement::new(
                vec![(x, top - 4), (x, low + 4)],
                3,
                3,
                GRID.stroke_width(1),
            ))
            .map_err(err)?;
        } else if change.deadline.provisional {
            root.draw(&DashedPathElement::new(
                vec![(x, top - 8), (x, low + 8)],
                4,
                3,
                TEXT.stroke_width(3),
            ))
            .map_err(err)?;
            root.draw(&Text::new(
                "暂定 provisional",
                (x + 3, low + 2),
                anchored(11, TEXT, HPos::Left, VPos::Top),
            ))
            .map_err(err)?;
        } else {
            root.draw(&PathElement::new(
                vec![(x, top - 8), (x, low + 8)],
                TEXT.stroke_width(3),
            ))
            .map_err(err)?;
        }
    }
    Ok(())
}

fn draw_legend(root: &Area<'_>, y: i32) -> Result<(), DrawError> {
    let text = |s: &str, x: i32, y: i32| {
        Text::new(
            s.to_owned(),
            (x, y),
            anchored(12, TEXT, HPos::Left, VPos::Center),
        )
    };
    let mut x = 10;
    let mid = y + 8;
    let mut entry = |root: &Area<'_>, label: &str, width: i32| -> Result<i32, DrawError> {
        root.draw(&text(label, x + 26, mid)).map_err(err)?;
        let at = x;
        x += width;
        Ok(at)
    };
    let at = entry(root, "计时 running", 110)?;
    root.draw(&Rectangle::new(
        [(at, mid - 6), (at + 20, mid + 6)],
        INK.filled(),
    ))
    .map_err(err)?;
    let at = entry(root, "超时 past deadline", 150)?;
    overrun(root, (at, mid - 6), (at + 20, mid + 6))?;
    let at = entry(root, "暂停 paused (extension)", 190)?;
    dashed_box(root, (at, mid - 6), (at + 20, mid + 6))?;
    let at = entry(root, "时限 deadline", 120)?;
    root.draw(&PathElement::new(
        vec![(at + 10, mid - 8), (at + 10, mid + 8)],
        TEXT.stroke_width(3),
    ))
    .map_err(err)?;
    let at = entry(root, "暂定时限 provisional", 160)?;
    root.draw(&DashedPathElement::new(
        vec![(at + 10, mid - 8), (at + 10, mid + 8)],
        4,
        3,
        TEXT.stroke_width(3),
    ))
    .map_err(err)?;
    // Second line: markers and day shading.
    let mid = y + 34;
    x = 10;
    let mut entry = |root: &Area<'_>, label: &str, width: i32| -> Result<i32, DrawError> {
        root.draw(&text(label, x + 26, mid)).map_err(err)?;
        let at = x;
        x += width;
        Ok(at)
    };
    let at = entry(root, "预警 warning", 110)?;
    root.draw(&TriangleMarker::new((at + 10, mid), 5, TEXT.filled()))
        .map_err(err)?;
    let at = entry(root, "违约 breach", 110)?;
    root.draw(&Cross::new((at + 10, mid), 5, ALERT.stroke_width(2)))
        .map_err(err)?;
    let at = entry(root, "周末 weekend", 120)?;
    root.draw(&Rectangle::new(
        [(at, mid - 8), (at + 20, mid + 8)],
        WEEKEND.filled(),
    ))
    .map_err(err)?;
    let at = entry(root, "休 holiday", 110)?;
    root.draw(&Rectangle::new(
        [(at, mid - 8), (at + 20, mid + 8)],
        HOLIDAY.filled(),
    ))
    .map_err(err)?;
    let at = entry(root, "调休上班 make-up working day", 240)?;
    root.draw(&Rectangle::new(
        [(at, mid - 8), (at + 20, mid + 8)],
        GRID.stroke_width(1),
    ))
    .map_err(err)?;
    root.draw(&Text::new(
        "班",
        (at + 10, mid),
        anchored(12, TEXT, HPos::Center, VPos::Center),
    ))
    .map_err(err)?;
    Ok(())
}
