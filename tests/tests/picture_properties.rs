//! Laws of the pictures over any command sequence (the workflow's proptest
//! strategies, feature `proptest`): the timeline read from the events agrees
//! with the case they rebuild, its stretches never overlap, it always draws;
//! the HTML page's series agree with the report's totals.

mod support;

use chrono::{DateTime, TimeZone, Utc};
use proptest::prelude::*;
use tousu::report::{CaseTimeline, PeriodSeries, ReportPeriod, period_report};
use tousu_model::*;
use tousu_policy::Policy;
use tousu_workflow::{ClockState, PolicyRuntime, strategies};

fn roster() -> Roster {
    support::default_cast(&[
        ("gm", "hq", "general_manager", None),
        ("kf", "cs", "complaint_manager", Some("gm")),
        ("head", "eng", "department_head", Some("gm")),
        ("h1", "eng", "handler", Some("head")),
    ])
}

fn runtime() -> PolicyRuntime {
    PolicyRuntime::new(Policy::default_policy().unwrap()).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn timeline_laws(steps in strategies::steps(&runtime().policy, &roster(), 1..40)) {
        let rt = runtime();
        let roster = roster();
        // Five days before National Day, so that clocks cross it.
        let start = Utc.with_ymd_and_hms(2025, 9, 25, 1, 0, 0).unwrap();
        let run = strategies::drive(&rt, &roster, "kf", start, &steps).unwrap();
        let last: DateTime<Utc> = run.events.iter().map(|e| e.at).max().unwrap();
        let t = CaseTimeline::from_events(&rt.policy, &run.events, last).unwrap();

        // One track per clock of the case, agreeing on where it stands.
        prop_assert_eq!(t.clocks.len(), run.case.clocks.len());
        for c in &run.case.clocks {
            let track = t.clocks.iter().find(|k| k.milestone == c.milestone && k.round == c.round).unwrap();
            prop_assert_eq!(track.started_at, c.started_at);
            prop_assert_eq!(track.deadline(), c.deadline.as_deref());
            prop_assert_eq!(track.breached_at.is_some(), c.breached);
            match c.state {
                ClockState::Stopped { at, met, .. } => prop_assert_eq!(track.stopped, Some((at, met))),
                ClockState::Paused { since, .. } => {
                    prop_assert_eq!(track.stopped, None);
                    let open = track.pauses.last().unwrap();
                    prop_assert_eq!((open.from, open.to), (since, None));
                }
                ClockState::Running => {
                    prop_assert_eq!(track.stopped, None);
                    prop_assert!(track.pauses.iter().all(|p| p.to.is_some()));
                }
            }
            // Running stretches: ordered, disjoint, inside the clock's life,
            // and never inside a pause.
            let end = track.stopped.map_or(last, |s| s.0);
            let runs = track.running(last);
            for (a, b) in &runs {
                prop_assert!(track.started_at <= *a && a < b && *b <= end, "{:?}", runs);
                for p in &track.pauses {
                    let p_end = p.to.unwrap_or(end);
                    prop_assert!(*b <= p.from || *a >= p_end, "{:?} overlaps {:?}", (a, b), p);
                }
            }
            for w in runs.windows(2) {
                prop_assert!(w[0].1 <= w[1].0);
            }
        }
        let svg = t.to_svg(&rt.calendar).unwrap();
        prop_assert!(svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"));
        prop_assert_eq!(svg.matches("<text").count(), svg.matches("</text>").count());
    }

    #[test]
    fn series_agree_with_the_report(steps in strategies::steps(&runtime().policy, &roster(), 1..40)) {
        let rt = runtime();
        let roster = roster();
        let start = Utc.with_ymd_and_hms(2025, 9, 25, 1, 0, 0).unwrap();
        let run = strategies::drive(&rt, &roster, "kf", start, &steps).unwrap();
        let cases = vec![run.case];
        let period = ReportPeriod::month(2025, 9).unwrap();
        let as_of = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap();
        let report = period_report(&rt.policy, &rt.calendar, &cases, &period, as_of, None).unwrap();
        let series = PeriodSeries::from_cases(&rt.policy, &rt.calendar, &cases, &period).unwrap();
        prop_assert_eq!(series.days.len(), 30);
        prop_assert_eq!(series.days.iter().map(|d| d.received).sum::<u32>(), report.summary.received);
        prop_assert_eq!(series.handling_hours.len(), report.handling_time.cases as usize);
        prop_assert_eq!(series.handling_hours.last().copied(), report.handling_time.max_hours);
        let html = report.to_html(&series, &rt.calendar, &[]).unwrap();
        prop_assert_eq!(html.matches("<figure class=\"chart-figure\"").count(), 8);
    }
}
