//! The seed regulations S01–S44 as policy files under `policies/`, each
//! loaded and checked, then run end to end: one module per seed, each a
//! realistic case (and its non-happy paths) from registration to closure.
//! Timelines and, where the regulation has money rules, the month's
//! statements are snapshots. The shared helpers are in `harness`; the
//! scenario driver is `support::Scenario`, which hands the case so far to
//! the tester's kit (`Scenario::then_test`) for given / when / then checks.

#[path = "../support/mod.rs"]
mod support;

mod harness;

use std::collections::BTreeSet;

use harness::*;
use rust_decimal::Decimal;
use support::*;
use tousu_model::*;
use tousu_penalty::{
    Loss, PenaltyFacts, Responsibility, Responsible, ResponsibleParty, Sanction, Violation,
};
use tousu_policy::{Acceptance, EvalInput, ViolationId};
use tousu_workflow::*;

mod duties;
mod probe;
mod s01;
mod s03;
mod s04;
mod s05;
mod s06;
mod s08;
mod s09;
mod s10;
mod s11;
mod s12;
mod s13;
mod s14;
mod s15;
mod s16;
mod s17;
mod s18;
mod s19;
mod s20;
mod s21;
mod s22;
mod s23;
mod s24;
mod s25;
mod s26;
mod s27;
mod s28;
mod s29;
mod s30;
mod s31;
mod s32;
mod s33;
mod s34;
mod s35;
mod s36;
mod s37;
mod s38;
mod s39;
mod s40;
mod s41;
mod s42;
mod s43;
mod s44;
