//! Statements: what each person is charged in a period, what is deducted from
//! this month's bonus, and what is carried forward.
//!
//! [`compute_statements`] turns a [`PenaltySchedule`], a [`Roster`], a month's
//! [`PenaltyFacts`] and last month's [`CarryOver`] into a [`PeriodResult`]: a
//! [`Statement`] per person with anything to report, department totals, a
//! summary and the new carry-over. Every line names the rule that produced it
//! and explains itself in Chinese and English. See `docs/penalties.md` for the
//! arithmetic with a worked example.
//!
//! # Settlement of a month
//!
//! For a person with monthly bonus `B`, cap percent `c`, this month's charges
//! `G` (the sum of the lines) and `C` carried in:
//!
//! - the cap is `⌊B × c ÷ 100⌋` to the fen (rounded down, so it never exceeds
//!   the exact percentage);
//! - lines of sanctions in the schedule's `cap.bypass` set are deducted first,
//!   in full up to `B`, outside the cap;
//! - everything else owed (the rest of `G`, then `C`) is deducted up to the
//!   cap (and never beyond what is left of `B`);
//! - what remains is carried forward to later months, where it is deducted
//!   under the same cap (逐月分期罚扣);
//! - a person without a bonus (`B = 0`) has nothing deducted and carries
//!   everything forward;
//! - when the whole-bonus rule fires (e.g. two major demerits), `B` is
//!   deducted in full outside the cap and everything else owed, carried
//!   instalments included, waits for the next month.
//!
//! Rewards (the year-end reward, the value of a commendation) are listed
//! apart and never offset deductions: a deduction is never negative.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write as _;

use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use tousu_model::{
    CaseId, DepartmentId, LevelId, Money, Roster, RoundingMode, SanctionKind, Staff, StaffId,
};
use tousu_policy::{OvertimeCharge, PenaltySchedule, SplitRule, SubFenRule, UnattributedRule};

use crate::allocate::allocate_rel;
use crate::facts::{CARRY_SCHEMA_VERSION, FACTS_SCHEMA_VERSION};
use crate::{CarryOver, PenaltyError, PenaltyFacts, Period, Responsible};

/// The schema version of [`PeriodResult`] and [`Statement`] documents this
/// crate writes.
pub const STATEMENT_SCHEMA_VERSION: u32 = 1;

fn statement_version() -> u32 {
    STATEMENT_SCHEMA_VERSION
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// One amount on a statement, with the rule that produced it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LineItem {
    /// The rule: `overtime.<level>`, `violation.<id>`,
    /// `violation.<id>.supervisor`, `loss.<case>`, `sanction.<kind>`,
    /// `sanction.<kind>.whole_bonus`, `count_ladder[<tier>]`,
    /// `yearly_reward`, and in the settlement `carry.in` and `cap`.
    pub rule: String,
    /// The cases concerned, sorted.
    #[serde(default)]
    pub cases: Vec<CaseId>,
    /// Why, in Chinese.
    pub explanation_zh: String,
    /// Why, in English.
    pub explanation_en: String,
    /// The amount (0 or more).
    pub amount: Money,
    /// Whether the amount is deducted outside the monthly cap.
    #[serde(default, skip_serializing_if = "is_false")]
    pub bypasses_cap: bool,
}

/// A non-monetary outcome (通报批评, 降级, 辞退 recommended, 警告 ...), reported
/// so that it is never dropped.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Outcome {
    /// What it is.
    pub kind: SanctionKind,
    /// The rule or fact that produced it (`count_ladder[2]`, `sanctions[0]`, `yearly_reward`).
    pub rule: String,
    /// The cases concerned, sorted.
    #[serde(default)]
    pub cases: Vec<CaseId>,
    /// Why, in Chinese.
    pub explanation_zh: String,
    /// Why, in English.
    pub explanation_en: String,
}

/// A person's statement for a period.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Statement {
    /// The document's schema version ([`STATEMENT_SCHEMA_VERSION`]).
    #[serde(default = "statement_version")]
    pub schema_version: u32,
    /// The month.
    pub period: Period,
    /// The person.
    pub staff: StaffId,
    /// Their name.
    pub name: String,
    /// Their department.
    pub department: DepartmentId,
    /// Their monthly efficiency bonus (效益奖金).
    pub monthly_bonus: Money,
    /// This month's charges, grouped by kind (overtime, violations, losses,
    /// sanctions, count ladder), then by case.
    pub lines: Vec<LineItem>,
    /// The sum of the lines.
    pub gross: Money,
    /// Instalments owed from earlier months.
    pub carried_in: Money,
    /// The most the cap lets this month deduct: `⌊bonus × percent ÷ 100⌋`.
    pub cap_limit: Money,
    /// Deducted from this month's bonus.
    pub deducted: Money,
    /// Still owed after this month: `gross + carried_in − deducted`.
    pub carried_forward: Money,
    /// How `deducted` and `carried_forward` were reached (`carry.in`, `cap`).
    pub settlement: Vec<LineItem>,
    /// Rewards paid (never offset against deductions).
    pub rewards: Vec<LineItem>,
    /// The sum of the rewards with an amount.
    pub reward_total: Money,
    /// Non-monetary outcomes.
    pub outcomes: Vec<Outcome>,
}

/// A department's totals over its staff's statements (staff counted in the
/// department they belong to, not in its parents).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DepartmentTotal {
    /// The department.
    pub department: DepartmentId,
    /// Its name.
    pub name: String,
    /// The number of its staff with a statement.
    pub statements: u32,
    /// Their gross charges.
    pub gross: Money,
    /// Their instalments carried in.
    pub carried_in: Money,
    /// Deducted from their bonuses this month.
    pub deducted: Money,
    /// Carried forward.
    pub carried_forward: Money,
    /// Their rewards.
    pub rewards: Money,
}

/// Totals for the whole period.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PeriodSummary {
    /// The month.
    pub period: Period,
    /// The number of statements.
    pub statements: u32,
    /// The number of charge lines.
    pub lines: u32,
    /// The number of non-monetary outcomes.
    pub outcomes: u32,
    /// Gross charges.
    pub gross: Money,
    /// Instalments carried in.
    pub carried_in: Money,
    /// Deducted this month.
    pub deducted: Money,
    /// Carried forward.
    pub carried_forward: Money,
    /// Rewards.
    pub rewards: Money,
}

/// Everything a period's computation produces.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PeriodResult {
    /// The document's schema version ([`STATEMENT_SCHEMA_VERSION`]).
    #[serde(default = "statement_version")]
    pub schema_version: u32,
    /// The month.
    pub period: Period,
    /// A statement per person with anything to report, by staff id.
    pub statements: Vec<Statement>,
    /// Totals per department, by department id.
    pub department_totals: Vec<DepartmentTotal>,
    /// Totals for the period.
    pub summary: PeriodSummary,
    /// What is owed after this period: the next period's carry-over.
    pub carry_out: CarryOver,
}

#[derive(Default)]
struct Acc {
    lines: Vec<(u8, LineItem)>,
    rewards: Vec<LineItem>,
    outcomes: Vec<Outcome>,
    carried_in: Money,
    whole_bonus: bool,
}

const RANK_OVERTIME: u8 = 0;
const RANK_VIOLATION: u8 = 1;
const RANK_LOSS: u8 = 2;
const RANK_SANCTION: u8 = 3;
const RANK_LADDER: u8 = 4;

fn y(m: Money) -> String {
    m.to_plain_string()
}

fn kind_en(kind: SanctionKind) -> String {
    kind.id().replace('_', " ")
}

fn add(a: Money, b: Money, path: &str) -> Result<Money, PenaltyError> {
    a.checked_add(b)
        .map_err(|e| PenaltyError::from_model(path, e))
}

fn line(rule: String, cases: Vec<CaseId>, zh: String, en: String, amount: Money) -> LineItem {
    LineItem {
        rule,
        cases,
        explanation_zh: zh,
        explanation_en: en,
        amount,
        bypasses_cap: false,
    }
}

struct Ctx<'r> {
    roster: &'r Roster,
    schedule: &'r PenaltySchedule,
    /// The roster's staff in id order; accumulators and indexes use positions in it.
    people: Vec<&'r Staff>,
    pos: HashMap<&'r str, usize>,
    accs: Vec<Acc>,
    spare: Acc,
    members: Option<BTreeMap<&'r DepartmentId, Vec<usize>>>,
}

impl<'r> Ctx<'r> {
    fn staff(
        &self,
        id: &StaffId,
        path: impl FnOnce() -> String,
    ) -> Result<&'r Staff, PenaltyError> {
        self.pos
            .get(id.as_str())
            .and_then(|&i| self.people.get(i).copied())
            .ok_or_else(|| PenaltyError::UnknownStaff {
                path: path(),
                staff: id.clone(),
            })
    }

    fn acc(&mut self, s: &'r Staff) -> &mut Acc {
        let i = self.pos.get(s.id.as_str()).copied().unwrap_or(usize::MAX);
        self.acc_at(i)
    }

    fn acc_at(&mut self, i: usize) -> &mut Acc {
        match self.accs.get_mut(i) {
            Some(a) => a,
            None => &mut self.spare,
        }
    }

    fn charge(&mut self, s: &'r Staff, rank: u8, item: LineItem) {
        if !item.amount.is_zero() {
            self.acc(s).lines.push((rank, item));
        }
    }

    /// The staff of a department and its sub-departments (built on first use).
    fn members(
        &mut self,
        d: &DepartmentId,
        path: impl FnOnce() -> String,
    ) -> Result<Vec<usize>, PenaltyError> {
        let roster = self.roster;
        let people = &self.people;
        if !roster.departments().contains(d) {
            return Err(PenaltyError::UnknownDepartment {
                path: path(),
                department: d.clone(),
            });
        }
        let index = self.members.get_or_insert_with(|| {
            let mut index: BTreeMap<&'r DepartmentId, Vec<usize>> = BTreeMap::new();
            for (i, s) in people.iter().enumerate() {
                index.entry(&s.department).or_default().push(i);
                for a in roster.departments().ancestors(&s.department) {
                    index.entry(&a.id).or_default().push(i);
                }
            }
            index
        });
        Ok(index.get(d).cloned().unwrap_or_default())
    }
}

/// Computes every statement of a period.
///
/// `schedule` is the policy's penalty table (`&policy.penalties` once the
/// policy document embeds it); `carry` is the previous period's
/// [`PeriodResult::carry_out`], or `None` when nothing is owed. Errors name
/// the fact at fault by its path (`losses[3].responsible.parties[1]`); the
/// computation is all-or-nothing and never panics.
pub fn compute_statements(
    schedule: &PenaltySchedule,
    roster: &Roster,
    facts: &PenaltyFacts,
    carry: Option<&CarryOver>,
) -> Result<PeriodResult, PenaltyError> {
    if facts.schema_version > FACTS_SCHEMA_VERSION {
        return Err(PenaltyError::SchemaVersion {
            what: "facts",
            found: facts.schema_version,
            supported: FACTS_SCHEMA_VERSION,
        });
    }
    let own_levels: Vec<LevelId> = schedule.overtime.keys().cloned().collect();
    let problems = schedule.validate(&own_levels);
    if !problems.is_empty() {
        return Err(PenaltyError::InvalidSchedule { problems });
    }
    let people: Vec<&Staff> = roster.all_staff().collect();
    let mut cx = Ctx {
        roster,
        schedule,
        people: Vec::new(),
        pos: HashMap::new(),
        accs: Vec::new(),
        spare: Acc::default(),
        members: None,
    };
    cx.pos = people
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id.as_str(), i))
        .collect();
    cx.accs = people.iter().map(|_| Acc::default()).collect();
    cx.people = people;
    if let Some(c) = carry {
        carry_in(&mut cx, c, facts.period)?;
    }
    breaches(&mut cx, facts)?;
    violations(&mut cx, facts)?;
    losses(&mut cx, facts)?;
    sanctions(&mut cx, facts)?;
    ladder(&mut cx, facts)?;
    yearly_reward(&mut cx, facts)?;
    settle(cx, facts.period)
}

fn carry_in<'r>(cx: &mut Ctx<'r>, c: &CarryOver, period: Period) -> Result<(), PenaltyError> {
    if c.schema_version > CARRY_SCHEMA_VERSION {
        return Err(PenaltyError::SchemaVersion {
            what: "carry",
            found: c.schema_version,
            supported: CARRY_SCHEMA_VERSION,
        });
    }
    if c.period >= period {
        return Err(PenaltyError::CarryPeriod {
            carry_period: c.period.to_string(),
            period: period.to_string(),
        });
    }
    for (id, amount) in &c.balances {
        let path = || format!("carry.balances.{id}");
        let s = cx.staff(id, path)?;
        if amount.is_negative() {
            return Err(PenaltyError::NegativeAmount {
                path: path(),
                amount: y(*amount),
            });
        }
        let acc = cx.acc(s);
        acc.carried_in = add(acc.carried_in, *amount, &path())?;
    }
    Ok(())
}

fn breaches<'r>(cx: &mut Ctx<'r>, facts: &PenaltyFacts) -> Result<(), PenaltyError> {
    type Key<'a> = (&'a CaseId, Option<(&'a str, u32)>);
    type Pick<'a> = (DateTime<Utc>, &'a str, u32, usize);
    let once = cx.schedule.overtime_charge == OvertimeCharge::OncePerCase;
    let mut chosen: BTreeMap<Key<'_>, Pick<'_>> = BTreeMap::new();
    for (i, b) in facts.breaches.iter().enumerate() {
        cx.staff(&b.owner, || format!("breaches[{i}].owner"))?;
        if !cx.schedule.overtime.contains_key(&b.level) {
            return Err(PenaltyError::UnknownLevel {
                path: format!("breaches[{i}].level"),
                level: b.level.clone(),
            });
        }
        if b.round == 0 {
            return Err(PenaltyError::InvalidFact {
                path: format!("breaches[{i}].round"),
                message: "is 0; rounds are numbered from 1".into(),
            });
        }
        let key = (
            &b.case,
            if once {
                None
            } else {
                Some((b.milestone.as_str(), b.round))
            },
        );
        let pick = (b.at, b.milestone.as_str(), b.round, i);
        chosen
            .entry(key)
            .and_modify(|p| {
                if pick < *p {
                    *p = pick;
                }
            })
            .or_insert(pick);
    }
    for (_, (_, _, _, i)) in chosen {
        let Some(b) = facts.breaches.get(i) else {
            continue;
        };
        let s = cx.staff(&b.owner, || format!("breaches[{i}].owner"))?;
        let fine = cx
            .schedule
            .overtime
            .get(&b.level)
            .copied()
            .unwrap_or(Money::ZERO);
        let (zh_once, en_once) = if once {
            ("（每案计一次）", " (charged once per case)")
        } else {
            ("", "")
        };
        let zh = format!(
            "案件 {} 里程碑 {} 第{}轮超时（级别 {}），超时扣罚 {} 元{zh_once}",
            b.case,
            b.milestone,
            b.round,
            b.level,
            y(fine)
        );
        let en = format!(
            "Case {}: milestone {} breached in round {} (level {}); overtime fine ¥{}{en_once}",
            b.case,
            b.milestone,
            b.round,
            b.level,
            y(fine)
        );
        cx.charge(
            s,
            RANK_OVERTIME,
            line(
                format!("overtime.{}", b.level),
                vec![b.case.clone()],
                zh,
                en,
                fine,
            ),
        );
    }
    Ok(())
}

fn violations<'r>(cx: &mut Ctx<'r>, facts: &PenaltyFacts) -> Result<(), PenaltyError> {
    let schedule = cx.schedule;
    for (i, v) in facts.violations.iter().enumerate() {
        let Some(fine) = schedule.violations.get(&v.rule) else {
            return Err(PenaltyError::UnknownViolation {
                path: format!("violations[{i}].rule"),
                rule: v.rule.to_string(),
                known: schedule
                    .violations
                    .keys()
                    .map(ToString::to_string)
                    .collect(),
            });
        };
        let person = cx.staff(&v.responsible, || format!("violations[{i}].responsible"))?;
        if v.items == 0 || (!fine.per_item && v.items != 1) {
            return Err(PenaltyError::InvalidFact {
                path: format!("violations[{i}].items"),
                message: if fine.per_item {
                    "is 0; a violation fined per item has 1 or more items".into()
                } else {
                    format!(
                        "is {}, but {:?} is fined per occurrence: list each occurrence as its own fact with items = 1",
                        v.items,
                        v.rule.as_str()
                    )
                },
            });
        }
        let n = i64::from(v.items);
        let mul = |m: Money, what: &str| {
            m.checked_mul_int(n)
                .map_err(|e| PenaltyError::from_model(format!("violations[{i}].{what}"), e))
        };
        let responsible_amount = mul(fine.responsible, "items")?;
        let supervisor_amount = mul(fine.supervisor, "items")?;
        let cases: Vec<CaseId> = v.case.iter().cloned().collect();
        let (case_zh, case_en) = match &v.case {
            Some(c) => (format!("（案件 {c}）"), format!(" (case {c})")),
            None => (String::new(), String::new()),
        };
        let desc_en = fine.description_en.as_deref().unwrap_or(v.rule.as_str());
        let (items_zh, items_en) = if fine.per_item {
            (
                format!("（{} 元 × {} 项）", y(fine.responsible), v.items),
                format!(" (¥{} × {} items)", y(fine.responsible), v.items),
            )
        } else {
            (String::new(), String::new())
        };
        let zh = format!(
            "{}{case_zh}：责任人罚款 {} 元{items_zh}",
            fine.description_zh,
            y(responsible_amount)
        );
        let en = format!(
            "{desc_en}{case_en}: fine of the responsible person ¥{}{items_en}",
            y(responsible_amount)
        );
        cx.charge(
            person,
            RANK_VIOLATION,
            line(
                format!("violation.{}", v.rule),
                cases.clone(),
                zh,
                en,
                responsible_amount,
            ),
        );

        if !supervisor_amount.is_zero() {
            let sup_id = match (&v.supervisor, &person.supervisor) {
                (Some(s), _) => cx.staff(s, || format!("violations[{i}].supervisor"))?,
                (None, Some(s)) => cx.staff(s, || format!("violations[{i}].responsible"))?,
                (None, None) => {
                    return Err(PenaltyError::InvalidFact {
                        path: format!("violations[{i}].supervisor"),
                        message: format!(
                            "{:?} also fines the supervisor ¥{}, but {} has no supervisor on the roster; name one in `supervisor`",
                            v.rule.as_str(),
                            y(fine.supervisor),
                            person.id
                        ),
                    });
                }
            };
            let zh = format!(
                "{}{case_zh}：{}（{}）的主管连带罚款 {} 元",
                fine.description_zh,
                person.name,
                person.id,
                y(supervisor_amount)
            );
            let en = format!(
                "{desc_en}{case_en}: supervisor's fine for {} ({}) ¥{}",
                person.name,
                person.id,
                y(supervisor_amount)
            );
            cx.charge(
                sup_id,
                RANK_VIOLATION,
                line(
                    format!("violation.{}.supervisor", v.rule),
                    cases,
                    zh,
                    en,
                    supervisor_amount,
                ),
            );
        }
    }
    Ok(())
}

/// A party to a loss.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum LossParty<'a> {
    Staff(&'a StaffId),
    Department(&'a DepartmentId),
}

impl std::fmt::Display for LossParty<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LossParty::Staff(s) => write!(f, "staff {s:?}"),
            LossParty::Department(d) => write!(f, "department {d:?}"),
        }
    }
}

fn losses<'r>(cx: &mut Ctx<'r>, facts: &PenaltyFacts) -> Result<(), PenaltyError> {
    let schedule = cx.schedule;
    let rules = &schedule.losses;
    let rounding = schedule.rounding;
    for (i, loss) in facts.losses.iter().enumerate() {
        let apath = || format!("losses[{i}].amount");
        if loss.amount.is_sign_negative() && !loss.amount.is_zero() {
            return Err(PenaltyError::NegativeAmount {
                path: apath(),
                amount: loss.amount.to_string(),
            });
        }
        let amount = match Money::from_decimal(loss.amount) {
            Ok(m) => m,
            Err(tousu_model::ModelError::SubFen { .. }) if rules.sub_fen == SubFenRule::Round => {
                Money::from_decimal_rounded(loss.amount, rounding)
                    .map_err(|e| PenaltyError::from_model(apath(), e))?
            }
            Err(tousu_model::ModelError::SubFen { .. }) => {
                return Err(PenaltyError::SubFen {
                    path: apath(),
                    amount: loss.amount.to_string(),
                });
            }
            Err(e) => return Err(PenaltyError::from_model(apath(), e)),
        };
        let case = &loss.case;
        let rule = format!("loss.{case}");
        let head_zh = format!("案件 {case} 损失 {} 元", y(amount));
        let head_en = format!("Case {case}: loss ¥{}", y(amount));
        match &loss.responsible {
            Responsible::Parties(shares) => {
                let lpath = format!("losses[{i}].responsible.parties");
                if shares.is_empty() {
                    return Err(PenaltyError::EmptyShares { path: lpath });
                }
                let mut keyed: Vec<(LossParty<'_>, Decimal)> = Vec::with_capacity(shares.len());
                let mut index_of: BTreeMap<LossParty<'_>, usize> = BTreeMap::new();
                let mut total = Decimal::ZERO;
                for (j, sh) in shares.iter().enumerate() {
                    let party = match (&sh.staff, &sh.department) {
                        (Some(s), None) => {
                            LossParty::Staff(&cx.staff(s, || format!("{lpath}[{j}].staff"))?.id)
                        }
                        (None, Some(d)) => {
                            if !cx.roster.departments().contains(d) {
                                return Err(PenaltyError::UnknownDepartment {
                                    path: format!("{lpath}[{j}].department"),
                                    department: d.clone(),
                                });
                            }
                            LossParty::Department(d)
                        }
                        _ => {
                            return Err(PenaltyError::InvalidFact {
                                path: format!("{lpath}[{j}]"),
                                message: "give exactly one of `staff` or `department`".into(),
                            });
                        }
                    };
                    total = total
                        .checked_add(sh.share)
                        .ok_or_else(|| PenaltyError::Overflow {
                            path: lpath.clone(),
                            operation: "adding the shares".into(),
                        })?;
                    index_of.insert(party.clone(), j);
                    keyed.push((party, sh.share));
                }
                let parts = allocate_rel(amount, &keyed).map_err(|e| e.at(&lpath))?;
                let single = shares.len() == 1;
                for (party, part) in parts {
                    let j = index_of.get(&party).copied().unwrap_or(0);
                    let w = shares.get(j).map_or(Decimal::ZERO, |s| s.share);
                    let (share_zh, share_en) = if single {
                        ("全额承担".to_owned(), "borne in full".to_owned())
                    } else {
                        (
                            format!("按责任比例 {}/{} 分摊", w.normalize(), total.normalize()),
                            format!(
                                "responsibility share {}/{}",
                                w.normalize(),
                                total.normalize()
                            ),
                        )
                    };
                    match party {
                        LossParty::Staff(id) => {
                            let s = cx.staff(id, || format!("{lpath}[{j}].staff"))?;
                            let zh = format!("{head_zh}，{share_zh} {} 元", y(part));
                            let en = format!("{head_en}, {share_en}: ¥{}", y(part));
                            cx.charge(
                                s,
                                RANK_LOSS,
                                line(rule.clone(), vec![case.clone()], zh, en, part),
                            );
                        }
                        LossParty::Department(d) => {
                            let head_zh = format!("{head_zh}，部门 {d} {share_zh} {} 元", y(part));
                            let head_en =
                                format!("{head_en}, department {d}'s {share_en}: ¥{}", y(part));
                            let dpath = format!("{lpath}[{j}].department");
                            let members = cx.members(d, || dpath.clone())?;
                            split_group(
                                cx,
                                part,
                                &members,
                                GroupRule::from(rules.department_split),
                                &dpath,
                                &Group {
                                    rule: &rule,
                                    case,
                                    head_zh: &head_zh,
                                    head_en: &head_en,
                                    name_zh: &format!("部门 {d}"),
                                    name_en: &format!("department {d}"),
                                },
                            )?;
                        }
                    }
                }
            }
            Responsible::Department(d) => {
                let dpath = format!("losses[{i}].responsible.department");
                let members = cx.members(d, || dpath.clone())?;
                split_group(
                    cx,
                    amount,
                    &members,
                    GroupRule::from(rules.department_split),
                    &dpath,
                    &Group {
                        rule: &rule,
                        case,
                        head_zh: &head_zh,
                        head_en: &head_en,
                        name_zh: &format!("部门 {d}"),
                        name_en: &format!("department {d}"),
                    },
                )?;
            }
            Responsible::Unattributed => {
                let upath = format!("losses[{i}].responsible");
                let members: Vec<usize> = (0..cx.people.len()).collect();
                split_group(
                    cx,
                    amount,
                    &members,
                    GroupRule::from(rules.unattributed),
                    &upath,
                    &Group {
                        rule: &rule,
                        case,
                        head_zh: &format!("{head_zh}，未能明确责任单位"),
                        head_en: &format!("{head_en}, no responsible unit identified"),
                        name_zh: "全体",
                        name_en: "the whole team",
                    },
                )?;
            }
            Responsible::UnattributedWithin(d) => {
                let upath = format!("losses[{i}].responsible.unattributed_within");
                let members = cx.members(d, || upath.clone())?;
                split_group(
                    cx,
                    amount,
                    &members,
                    GroupRule::from(rules.unattributed),
                    &upath,
                    &Group {
                        rule: &rule,
                        case,
                        head_zh: &format!("{head_zh}，未能明确到组"),
                        head_en: &format!("{head_en}, no responsible unit identified within {d}"),
                        name_zh: &format!("部门 {d} 全体"),
                        name_en: &format!("all of department {d}"),
                    },
                )?;
            }
        }
    }
    Ok(())
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum GroupRule {
    BasePoints,
    Equal,
}

impl From<SplitRule> for GroupRule {
    fn from(r: SplitRule) -> Self {
        match r {
            SplitRule::Equal => GroupRule::Equal,
            _ => GroupRule::BasePoints,
        }
    }
}

impl From<UnattributedRule> for GroupRule {
    fn from(r: UnattributedRule) -> Self {
        match r {
            UnattributedRule::WholeTeamByBasePoints => GroupRule::BasePoints,
            _ => GroupRule::Equal,
        }
    }
}

struct Group<'a> {
    rule: &'a str,
    case: &'a CaseId,
    head_zh: &'a str,
    head_en: &'a str,
    name_zh: &'a str,
    name_en: &'a str,
}

/// Splits `amount` among `members` (positions in the roster, in id order) by
/// base points or equally.
fn split_group<'r>(
    cx: &mut Ctx<'r>,
    amount: Money,
    members: &[usize],
    rule: GroupRule,
    path: &str,
    g: &Group<'_>,
) -> Result<(), PenaltyError> {
    let people: Vec<&'r Staff> = members
        .iter()
        .filter_map(|&i| cx.people.get(i).copied())
        .collect();
    if people.is_empty() {
        return Err(PenaltyError::NobodyToCharge {
            path: path.to_owned(),
            group: g.name_en.to_owned(),
        });
    }
    if amount.is_zero() {
        return Ok(());
    }
    // Keys are positions in `members`, which is in id order: ties still go
    // to the lower staff id.
    let weights: Vec<(usize, Decimal)> = people
        .iter()
        .enumerate()
        .map(|(k, s)| {
            (
                k,
                if rule == GroupRule::BasePoints {
                    s.base_points
                } else {
                    Decimal::ONE
                },
            )
        })
        .collect();
    let parts = allocate_rel(amount, &weights).map_err(|e| e.at(path))?;
    let n = people.len();
    // The text shared by every member's line, written once.
    let (prefix_zh, prefix_en, suffix_en) = match rule {
        GroupRule::BasePoints => {
            let total = people
                .iter()
                .try_fold(Decimal::ZERO, |t, s| t.checked_add(s.base_points))
                .ok_or_else(|| PenaltyError::Overflow {
                    path: path.to_owned(),
                    operation: "adding base points".into(),
                })?
                .normalize();
            (
                format!("{}，按{} 总基点 {total} 中个人基点 ", g.head_zh, g.name_zh),
                format!("{}, split over {} by base points ", g.head_en, g.name_en),
                format!(" of {total}: ¥"),
            )
        }
        GroupRule::Equal => (
            format!("{}，由{} {n} 人平均分摊 ", g.head_zh, g.name_zh),
            format!(
                "{}, split equally over {} ({n} people): ¥",
                g.head_en, g.name_en
            ),
            String::new(),
        ),
    };
    for (k, part) in parts {
        if part.is_zero() {
            continue;
        }
        let Some(s) = people.get(k).copied() else {
            continue;
        };
        let mut zh = String::with_capacity(prefix_zh.len() + 40);
        let mut en = String::with_capacity(prefix_en.len() + suffix_en.len() + 24);
        zh.push_str(&prefix_zh);
        en.push_str(&prefix_en);
        if rule == GroupRule::BasePoints {
            let points = s.base_points.normalize();
            let _ = write!(zh, "{points} 分摊 ");
            let _ = write!(en, "{points}");
            en.push_str(&suffix_en);
        }
        push_money(&mut zh, part);
        zh.push_str(" 元");
        push_money(&mut en, part);
        let i = members.get(k).copied().unwrap_or(usize::MAX);
        let item = line(g.rule.to_owned(), vec![g.case.clone()], zh, en, part);
        cx.acc_at(i).lines.push((RANK_LOSS, item));
    }
    Ok(())
}

/// Writes `m` as `1234.50` without an intermediate string.
fn push_money(buf: &mut String, m: Money) {
    let fen = m.fen();
    let abs = fen.unsigned_abs();
    let sign = if fen < 0 { "-" } else { "" };
    let _ = write!(buf, "{sign}{}.{:02}", abs / 100, abs % 100);
}

fn is_reward(kind: SanctionKind) -> bool {
    matches!(kind, SanctionKind::Commendation | SanctionKind::Merit)
}

fn sanctions<'r>(cx: &mut Ctx<'r>, facts: &PenaltyFacts) -> Result<(), PenaltyError> {
    let mut counts: BTreeMap<(&StaffId, SanctionKind), u32> = BTreeMap::new();
    for (i, sa) in facts.sanctions.iter().enumerate() {
        let s = cx.staff(&sa.staff, || format!("sanctions[{i}].staff"))?;
        let c = counts.entry((&s.id, sa.kind)).or_default();
        *c = c.saturating_add(1);
    }
    let whole = cx.schedule.sanctions.whole_bonus.clone();
    let mut fired: BTreeSet<&StaffId> = BTreeSet::new();
    if let Some(rule) = &whole {
        for ((id, kind), n) in &counts {
            if *kind == rule.sanction && *n >= rule.min_count {
                let s = cx.staff(id, String::new)?;
                fired.insert(&s.id);
                let label = kind.label_zh();
                let cases: BTreeSet<&CaseId> = facts
                    .sanctions
                    .iter()
                    .filter(|sa| sa.kind == *kind && &sa.staff == *id)
                    .filter_map(|sa| sa.case.as_ref())
                    .collect();
                let mut item = line(
                    format!("sanction.{kind}.whole_bonus"),
                    cases.into_iter().cloned().collect(),
                    format!(
                        "当月{label}{n}次（{}次以上），当月效益奖金全额罚扣 {} 元，不受扣款上限限制",
                        rule.min_count,
                        y(s.monthly_bonus)
                    ),
                    format!(
                        "{n} × {} this month (≥ {}): the whole month's bonus ¥{} is deducted in full, outside the cap",
                        kind_en(*kind),
                        rule.min_count,
                        y(s.monthly_bonus)
                    ),
                    s.monthly_bonus,
                );
                item.bypasses_cap = true;
                let acc = cx.acc(s);
                acc.whole_bonus = true;
                acc.lines.push((RANK_SANCTION, item));
            }
        }
    }
    for (i, sa) in facts.sanctions.iter().enumerate() {
        let s = cx.staff(&sa.staff, || format!("sanctions[{i}].staff"))?;
        let cases: Vec<CaseId> = sa.case.iter().cloned().collect();
        let label = sa.kind.label_zh();
        let (case_zh, case_en) = match &sa.case {
            Some(c) => (format!("（案件 {c}）"), format!(" (case {c})")),
            None => (String::new(), String::new()),
        };
        let (reason_zh, reason_en) = match &sa.reason {
            Some(r) => (format!("：{r}"), format!(": {r}")),
            None => (String::new(), String::new()),
        };
        cx.acc(s).outcomes.push(Outcome {
            kind: sa.kind,
            rule: format!("sanctions[{i}]"),
            cases: cases.clone(),
            explanation_zh: format!("{label}一次{case_zh}{reason_zh}"),
            explanation_en: format!("{}{case_en}{reason_en}", kind_en(sa.kind)),
        });
        let Some(value) = cx.schedule.sanctions.values.get(&sa.kind).copied() else {
            continue;
        };
        let replaced =
            whole.as_ref().is_some_and(|w| w.sanction == sa.kind) && fired.contains(&s.id);
        if value.is_zero() || replaced {
            continue;
        }
        let mut item = line(
            format!("sanction.{}", sa.kind),
            cases,
            format!("{label}一次{case_zh}，折算 {} 元", y(value)),
            format!("One {}{case_en}, valued at ¥{}", kind_en(sa.kind), y(value)),
            value,
        );
        if is_reward(sa.kind) {
            cx.acc(s).rewards.push(item);
        } else {
            item.bypasses_cap = cx.schedule.cap.bypass.contains(&sa.kind);
            cx.acc(s).lines.push((RANK_SANCTION, item));
        }
    }
    Ok(())
}

fn ladder<'r>(cx: &mut Ctx<'r>, facts: &PenaltyFacts) -> Result<(), PenaltyError> {
    let mut per: BTreeMap<&'r StaffId, BTreeSet<&CaseId>> = BTreeMap::new();
    for (i, c) in facts.complaints.iter().enumerate() {
        let s = cx.staff(&c.staff, || format!("complaints[{i}].staff"))?;
        per.entry(&s.id).or_default().insert(&c.case);
    }
    for (k, id) in facts.serious.iter().enumerate() {
        cx.staff(id, || format!("serious[{k}]"))?;
    }
    let schedule = cx.schedule;
    let Some(ladder) = &schedule.count_ladder else {
        return Ok(());
    };
    for (id, cases) in per {
        let n = u32::try_from(cases.len()).unwrap_or(u32::MAX);
        let serious = facts.serious.contains(id);
        let Some((k, tier)) = ladder
            .tiers
            .iter()
            .enumerate()
            .rfind(|(_, t)| n >= t.min_count && (serious || !t.requires_serious))
        else {
            continue;
        };
        let s = cx.staff(id, String::new)?;
        let cases: Vec<CaseId> = cases.into_iter().cloned().collect();
        let rule = format!("count_ladder[{k}]");
        let (ser_zh, ser_en) = if tier.requires_serious {
            ("且情节严重", ", serious")
        } else {
            ("", "")
        };
        let desc = tier
            .description_zh
            .as_deref()
            .map(|d| format!("{d}；"))
            .unwrap_or_default();
        let head_zh = format!("当月被投诉 {n} 次（{}次及以上{ser_zh}）", tier.min_count);
        let head_en = format!(
            "{n} complaints this month (tier ≥ {}{ser_en})",
            tier.min_count
        );
        cx.charge(
            s,
            RANK_LADDER,
            line(
                rule.clone(),
                cases.clone(),
                format!("{head_zh}：{desc}负激励 {} 元", y(tier.amount)),
                format!("{head_en}: fine ¥{}", y(tier.amount)),
                tier.amount,
            ),
        );
        for kind in &tier.outcomes {
            cx.acc(s).outcomes.push(Outcome {
                kind: *kind,
                rule: rule.clone(),
                cases: cases.clone(),
                explanation_zh: format!("{head_zh}：{}", kind.label_zh()),
                explanation_en: format!("{head_en}: {}", kind_en(*kind)),
            });
        }
    }
    Ok(())
}

fn yearly_reward<'r>(cx: &mut Ctx<'r>, facts: &PenaltyFacts) -> Result<(), PenaltyError> {
    let Some(review) = &facts.year_review else {
        return Ok(());
    };
    for id in review.complaint_counts.keys() {
        cx.staff(id, || format!("year_review.complaint_counts.{id}"))?;
    }
    let Some(reward) = cx.schedule.yearly_reward.clone() else {
        return Ok(());
    };
    let desc = reward.description_zh.as_deref().unwrap_or("年终评比无投诉");
    let roster = cx.roster;
    for s in roster.all_staff() {
        if review.complaint_counts.get(&s.id).copied().unwrap_or(0) > 0 {
            continue;
        }
        match reward.amount {
            Some(a) if !a.is_zero() => {
                let item = line(
                    "yearly_reward".into(),
                    Vec::new(),
                    format!("{desc}，奖励 {} 元", y(a)),
                    format!(
                        "No complaints in {}: year-end reward ¥{}",
                        facts.period.year(),
                        y(a)
                    ),
                    a,
                );
                cx.acc(s).rewards.push(item);
            }
            _ => cx.acc(s).outcomes.push(Outcome {
                kind: SanctionKind::Commendation,
                rule: "yearly_reward".into(),
                cases: Vec::new(),
                explanation_zh: format!("{desc}，给予奖励（金额由公司决定）"),
                explanation_en: format!(
                    "No complaints in {}: year-end reward (amount set by management)",
                    facts.period.year()
                ),
            }),
        }
    }
    Ok(())
}

fn settle(cx: Ctx<'_>, period: Period) -> Result<PeriodResult, PenaltyError> {
    let schedule = cx.schedule;
    let roster = cx.roster;
    let percent = schedule.cap.percent;
    let mut statements = Vec::with_capacity(cx.accs.len());
    let mut carry_out = CarryOver::empty(period);
    for (s, acc) in cx.people.iter().zip(cx.accs) {
        if acc.lines.is_empty()
            && acc.rewards.is_empty()
            && acc.outcomes.is_empty()
            && acc.carried_in.is_zero()
        {
            continue;
        }
        let id = &s.id;
        let path = format!("statements.{id}");
        let mut lines = acc.lines;
        lines.sort_by(|(ra, a), (rb, b)| {
            (ra, &a.cases, &a.rule, &a.explanation_en, a.amount).cmp(&(
                rb,
                &b.cases,
                &b.rule,
                &b.explanation_en,
                b.amount,
            ))
        });
        let lines: Vec<LineItem> = lines.into_iter().map(|(_, l)| l).collect();
        let mut gross = Money::ZERO;
        let mut bypass = Money::ZERO;
        for l in &lines {
            gross = add(gross, l.amount, &path)?;
            if l.bypasses_cap {
                bypass = add(bypass, l.amount, &path)?;
            }
        }
        let bonus = s.monthly_bonus.max(Money::ZERO);
        let cap_limit = bonus
            .checked_percent(percent, RoundingMode::Down)
            .map_err(|e| PenaltyError::from_model(&path, e))?;
        let owed = add(gross, acc.carried_in, &path)?;
        let deducted = if acc.whole_bonus {
            bonus.min(owed)
        } else {
            let outside = bypass.min(bonus);
            let room = cap_limit.min(
                bonus
                    .checked_sub(outside)
                    .map_err(|e| PenaltyError::from_model(&path, e))?,
            );
            let rest = owed
                .checked_sub(outside)
                .map_err(|e| PenaltyError::from_model(&path, e))?;
            add(outside, rest.min(room).max(Money::ZERO), &path)?
        };
        let carried_forward = owed
            .checked_sub(deducted)
            .map_err(|e| PenaltyError::from_model(&path, e))?;

        let mut settlement = Vec::new();
        if !acc.carried_in.is_zero() {
            settlement.push(line(
                "carry.in".into(),
                Vec::new(),
                format!("上期结转未扣 {} 元计入本月应扣", y(acc.carried_in)),
                format!(
                    "Instalments carried in from earlier months: ¥{}",
                    y(acc.carried_in)
                ),
                acc.carried_in,
            ));
        }
        if !carried_forward.is_zero() {
            let (zh, en) = if acc.whole_bonus {
                (
                    format!(
                        "本月效益奖金已全额罚扣，其余 {} 元{}顺延至下月起逐月分期扣除",
                        y(carried_forward),
                        if acc.carried_in.is_zero() {
                            ""
                        } else {
                            "（含上期结转）"
                        }
                    ),
                    format!(
                        "The whole bonus was deducted this month; the other ¥{}{} waits for the next month",
                        y(carried_forward),
                        if acc.carried_in.is_zero() {
                            ""
                        } else {
                            " (carried instalments included)"
                        }
                    ),
                )
            } else if bonus.is_zero() {
                (
                    format!(
                        "无月度效益奖金，本月无法扣款，{} 元全部结转下月",
                        y(carried_forward)
                    ),
                    format!(
                        "No monthly bonus: nothing can be deducted this month; ¥{} is carried forward",
                        y(carried_forward)
                    ),
                )
            } else {
                (
                    format!(
                        "本月扣款上限为效益奖金 {} 元的 {}%，即 {} 元；超出的 {} 元顺延至下月逐月分期扣除",
                        y(bonus),
                        percent.normalize(),
                        y(cap_limit),
                        y(carried_forward)
                    ),
                    format!(
                        "Deductions are capped at {}% of the bonus ¥{}, i.e. ¥{}; the excess ¥{} is carried forward as monthly instalments",
                        percent.normalize(),
                        y(bonus),
                        y(cap_limit),
                        y(carried_forward)
                    ),
                )
            };
            settlement.push(line("cap".into(), Vec::new(), zh, en, carried_forward));
            carry_out.balances.insert(id.clone(), carried_forward);
        }
        let mut rewards = acc.rewards;
        rewards.sort_by(|a, b| {
            (&a.rule, &a.cases, &a.explanation_en).cmp(&(&b.rule, &b.cases, &b.explanation_en))
        });
        let reward_total = Money::checked_sum(rewards.iter().map(|r| r.amount))
            .map_err(|e| PenaltyError::from_model(&path, e))?;
        let mut outcomes = acc.outcomes;
        outcomes.sort_by(|a, b| {
            (&a.rule, &a.cases, a.kind, &a.explanation_en).cmp(&(
                &b.rule,
                &b.cases,
                b.kind,
                &b.explanation_en,
            ))
        });
        statements.push(Statement {
            schema_version: STATEMENT_SCHEMA_VERSION,
            period,
            staff: s.id.clone(),
            name: s.name.clone(),
            department: s.department.clone(),
            monthly_bonus: s.monthly_bonus,
            lines,
            gross,
            carried_in: acc.carried_in,
            cap_limit,
            deducted,
            carried_forward,
            settlement,
            rewards,
            reward_total,
            outcomes,
        });
    }
    totals(roster, period, statements, carry_out)
}

fn totals(
    roster: &Roster,
    period: Period,
    statements: Vec<Statement>,
    carry_out: CarryOver,
) -> Result<PeriodResult, PenaltyError> {
    let mut depts: BTreeMap<&DepartmentId, DepartmentTotal> = BTreeMap::new();
    let mut summary = PeriodSummary {
        period,
        statements: 0,
        lines: 0,
        outcomes: 0,
        gross: Money::ZERO,
        carried_in: Money::ZERO,
        deducted: Money::ZERO,
        carried_forward: Money::ZERO,
        rewards: Money::ZERO,
    };
    let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    for st in &statements {
        let path = format!("department_totals.{}", st.department);
        let d = depts
            .entry(&st.department)
            .or_insert_with(|| DepartmentTotal {
                department: st.department.clone(),
                name: roster
                    .departments()
                    .get(&st.department)
                    .map(|d| d.name.clone())
                    .unwrap_or_default(),
                statements: 0,
                gross: Money::ZERO,
                carried_in: Money::ZERO,
                deducted: Money::ZERO,
                carried_forward: Money::ZERO,
                rewards: Money::ZERO,
            });
        d.statements = d.statements.saturating_add(1);
        d.gross = add(d.gross, st.gross, &path)?;
        d.carried_in = add(d.carried_in, st.carried_in, &path)?;
        d.deducted = add(d.deducted, st.deducted, &path)?;
        d.carried_forward = add(d.carried_forward, st.carried_forward, &path)?;
        d.rewards = add(d.rewards, st.reward_total, &path)?;
        let path = "summary";
        summary.statements = summary.statements.saturating_add(1);
        summary.lines = summary.lines.saturating_add(count(st.lines.len()));
        summary.outcomes = summary.outcomes.saturating_add(count(st.outcomes.len()));
        summary.gross = add(summary.gross, st.gross, path)?;
        summary.carried_in = add(summary.carried_in, st.carried_in, path)?;
        summary.deducted = add(summary.deducted, st.deducted, path)?;
        summary.carried_forward = add(summary.carried_forward, st.carried_forward, path)?;
        summary.rewards = add(summary.rewards, st.reward_total, path)?;
    }
    Ok(PeriodResult {
        schema_version: STATEMENT_SCHEMA_VERSION,
        period,
        department_totals: depts.into_values().collect(),
        statements,
        summary,
        carry_out,
    })
}
