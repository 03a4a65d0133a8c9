//! proptest strategies for policy values (feature `proptest`): durations in
//! every unit, and ids drawn from a given policy.
//!
//! Available with the `proptest` feature.

use proptest::prelude::*;
use tousu_model::{CategoryId, LevelId};

use crate::{Duration, DurationUnit, Policy};

/// Any duration: 1 to 500 of any unit.
pub fn duration() -> impl Strategy<Value = Duration> {
    let units = vec![
        DurationUnit::Seconds,
        DurationUnit::Minutes,
        DurationUnit::Hours,
        DurationUnit::CalendarDays,
        DurationUnit::WorkingDays,
        DurationUnit::WorkingHours,
        DurationUnit::Months,
    ];
    (1u32..=500, prop::sample::select(units))
        .prop_filter_map("valid duration", |(n, u)| Duration::new(n, u).ok())
}

/// One of the policy's levels.
pub fn level(policy: &Policy) -> impl Strategy<Value = LevelId> + use<> {
    let ids: Vec<LevelId> = policy.levels.iter().map(|l| l.id.clone()).collect();
    prop::sample::select(ids)
}

/// One of the policy's categories, or none. A policy without categories gives none.
pub fn category(policy: &Policy) -> impl Strategy<Value = Option<CategoryId>> + use<> {
    let ids: Vec<Option<CategoryId>> = std::iter::once(None)
        .chain(policy.categories.iter().map(|c| Some(c.id.clone())))
        .collect();
    prop::sample::select(ids)
}
