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

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::rc::Rc;
use std::sync::Arc;

use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use tousu_model::{
    CaseId, DepartmentId, LevelId, Money, Responsibility, ResponsibleParty, Roster, RoundingMode,
    SanctionKind, Staff, StaffId,
};
use tousu_policy::{
    CountTier, CustomSanctionId, DepartmentLossSplit, LossScale, OvertimeCharge, PenaltySchedule,
    SplitRule, SubFenRule, UnattributedRule, ViolationFine,
};

use crate::allocate::{FEW, allocate_few, allocate_rel, largest_remainder};
use crate::facts::{CARRY_SCHEMA_VERSION, FACTS_SCHEMA_VERSION};
use crate::text::{
    BreachText, Cases, Digits, Explanation, GroupText, Head, PartText, Percent, ShareText,
    SupervisorText, ViolationText,
};
use crate::{CarryOver, Loss, Month, PenaltyError, PenaltyFacts, Responsible, UnownedBreach};

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
///
/// The rule and cases are shared with the other lines that cite them and the
/// explanation is written when read (see [`crate::text`]); serialized, a line
/// is the document of [`LineItemDoc`]'s shape, texts included.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(from = "LineItemDoc")]
pub struct LineItem {
    /// The rule: `overtime.<level>`, `overtime.<milestone>.<level>`,
    /// `violation.<id>`, `violation.<id>.supervisor`, `loss.<case>`,
    /// `loss_fine.<case>`, `sanction.<kind>`,
    /// `sanction.<kind>.whole_bonus`, `count_ladder[<tier>]`,
    /// `yearly_reward`, and in the settlement `carry.in` and `cap`.
    pub rule: Arc<str>,
    /// The cases concerned, sorted.
    pub cases: Cases,
    /// Why, in Chinese and English.
    pub explanation: Explanation,
    /// The amount (0 or more).
    pub amount: Money,
    /// Whether the amount is deducted outside the monthly cap.
    pub bypasses_cap: bool,
}

/// One amount on a statement, with the rule that produced it: a
/// [`LineItem`] as a document (what it serializes to and is read from).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    rename = "LineItem",
    description = "One amount on a statement, with the rule that produced it."
)]
pub struct LineItemDoc {
    /// The rule: `overtime.<level>`, `overtime.<milestone>.<level>`,
    /// `violation.<id>`, `violation.<id>.supervisor`, `loss.<case>`,
    /// `loss_fine.<case>`, `sanction.<kind>`,
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

impl LineItem {
    /// The explanation in Chinese, written out.
    pub fn explanation_zh(&self) -> String {
        self.explanation.zh().to_string()
    }

    /// The explanation in English, written out.
    pub fn explanation_en(&self) -> String {
        self.explanation.en().to_string()
    }
}

impl From<LineItemDoc> for LineItem {
    fn from(d: LineItemDoc) -> LineItem {
        LineItem {
            rule: Arc::from(d.rule),
            cases: Cases::from(d.cases),
            explanation: Explanation::new(d.explanation_zh, d.explanation_en),
            amount: d.amount,
            bypasses_cap: d.bypasses_cap,
        }
    }
}

impl Serialize for LineItem {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct as _;
        let mut st =
            serializer.serialize_struct("LineItem", if self.bypasses_cap { 6 } else { 5 })?;
        st.serialize_field("rule", &*self.rule)?;
        st.serialize_field("cases", &self.cases)?;
        st.serialize_field("explanation_zh", &self.explanation.serialize_as(false))?;
        st.serialize_field("explanation_en", &self.explanation.serialize_as(true))?;
        st.serialize_field("amount", &self.amount)?;
        if self.bypasses_cap {
            st.serialize_field("bypasses_cap", &true)?;
        } else {
            st.skip_field("bypasses_cap")?;
        }
        st.end()
    }
}

impl JsonSchema for LineItem {
    fn schema_name() -> Cow<'static, str> {
        LineItemDoc::schema_name()
    }

    fn schema_id() -> Cow<'static, str> {
        LineItemDoc::schema_id()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        LineItemDoc::json_schema(generator)
    }
}

/// A non-monetary outcome (通报批评, 降级, 辞退 recommended, 警告 ...), reported
/// so that it is never dropped. Shared and explained like a [`LineItem`];
/// serialized as an [`OutcomeDoc`].
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(from = "OutcomeDoc")]
pub struct Outcome {
    /// What it is.
    pub kind: SanctionKind,
    /// The rule or fact that produced it (`count_ladder[2]`, `sanctions[0]`, `yearly_reward`).
    pub rule: Arc<str>,
    /// The cases concerned, sorted.
    pub cases: Cases,
    /// Why, in Chinese and English.
    pub explanation: Explanation,
}

/// A non-monetary outcome (通报批评, 降级, 辞退 recommended, 警告 ...), reported
/// so that it is never dropped: an [`Outcome`] as a document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    rename = "Outcome",
    description = "A non-monetary outcome (通报批评, 降级, 辞退 recommended, 警告 ...), reported\nso that it is never dropped."
)]
pub struct OutcomeDoc {
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

impl Outcome {
    /// The explanation in Chinese, written out.
    pub fn explanation_zh(&self) -> String {
        self.explanation.zh().to_string()
    }

    /// The explanation in English, written out.
    pub fn explanation_en(&self) -> String {
        self.explanation.en().to_string()
    }
}

impl From<OutcomeDoc> for Outcome {
    fn from(d: OutcomeDoc) -> Outcome {
        Outcome {
            kind: d.kind,
            rule: Arc::from(d.rule),
            cases: Cases::from(d.cases),
            explanation: Explanation::new(d.explanation_zh, d.explanation_en),
        }
    }
}

impl Serialize for Outcome {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct as _;
        let mut st = serializer.serialize_struct("Outcome", 5)?;
        st.serialize_field("kind", &self.kind)?;
        st.serialize_field("rule", &*self.rule)?;
        st.serialize_field("cases", &self.cases)?;
        st.serialize_field("explanation_zh", &self.explanation.serialize_as(false))?;
        st.serialize_field("explanation_en", &self.explanation.serialize_as(true))?;
        st.end()
    }
}

impl JsonSchema for Outcome {
    fn schema_name() -> Cow<'static, str> {
        OutcomeDoc::schema_name()
    }

    fn schema_id() -> Cow<'static, str> {
        OutcomeDoc::schema_id()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        OutcomeDoc::json_schema(generator)
    }
}

/// A person's statement for a period.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Statement {
    /// The document's schema version ([`STATEMENT_SCHEMA_VERSION`]).
    #[serde(default = "statement_version")]
    pub schema_version: u32,
    /// The month.
    pub period: Month,
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
    /// Non-monetary sanctions of the schedule's own (`custom_sanctions`,
    /// S30's 责令下机学习) that the person's violations brought.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub custom_outcomes: Vec<CustomOutcome>,
}

/// A non-monetary sanction of the schedule's own (`custom_sanctions`)
/// brought by a violation, reported so that it is never dropped.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CustomOutcome {
    /// The sanction's id in the schedule.
    pub sanction: CustomSanctionId,
    /// Its name as the regulation words it (责令下机学习).
    pub name_zh: String,
    /// The rule that brought it (`violation.<id>`).
    pub rule: String,
    /// The cases concerned, sorted.
    #[serde(default)]
    pub cases: Vec<CaseId>,
    /// Why, in Chinese.
    pub explanation_zh: String,
    /// Why, in English.
    pub explanation_en: String,
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
    pub period: Month,
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
    pub period: Month,
    /// A statement per person with anything to report, by staff id.
    pub statements: Vec<Statement>,
    /// Totals per department, by department id.
    pub department_totals: Vec<DepartmentTotal>,
    /// Totals for the period.
    pub summary: PeriodSummary,
    /// What is owed after this period: the next period's carry-over.
    pub carry_out: CarryOver,
    /// The facts' breaches that nobody could be charged for, with why
    /// ([`PenaltyFacts::unowned`]), listed so that none goes unseen.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unowned: Vec<UnownedBreach>,
}

/// What one person has accumulated so far (indexed by roster position).
#[derive(Default)]
struct Acc {
    /// The charges, in the order of their rank (the kind of charge, the
    /// first sort key): the rules are applied one kind after another.
    lines: Vec<LineItem>,
    /// Where the lines of each rank end in `lines`.
    rank_ends: [usize; RANKS],
    /// The count-ladder tier reached, written with the statement.
    ladder: Option<LadderRef>,
    rewards: Vec<LineItem>,
    outcomes: Vec<Outcome>,
    custom_outcomes: Vec<CustomOutcome>,
    carried_in: Money,
    whole_bonus: bool,
}

/// What settling a statement needs besides the person's [`Acc`].
struct Writer<'r> {
    tiers: &'r [CountTier],
    /// The rule of each count-ladder tier (`count_ladder[k]`), shared.
    tier_rules: Vec<Arc<str>>,
    ladder_cases: &'r [&'r CaseId],
    carry_rule: Arc<str>,
    cap_rule: Arc<str>,
    percent: Decimal,
    percent_text: Arc<Percent>,
    period: Month,
}

/// The line order of a statement: kind, cases, rule, English text, amount
/// (the text is written only to break a tie of the rest).
/// Lines are sorted within their rank (see [`Acc::push_line`]).
fn line_order(a: &LineItem, b: &LineItem) -> std::cmp::Ordering {
    a.cases
        .cmp(&b.cases)
        .then_with(|| {
            // Lines citing one rule share its text.
            if Arc::ptr_eq(&a.rule, &b.rule) {
                std::cmp::Ordering::Equal
            } else {
                a.rule.cmp(&b.rule)
            }
        })
        .then_with(|| a.explanation.text(true).cmp(&b.explanation.text(true)))
        .then_with(|| a.amount.cmp(&b.amount))
}

impl Writer<'_> {
    /// Writes the count-ladder line and outcomes of a person: one shared
    /// list of cases and one rule for all of them. Their texts depend only
    /// on the tier and the count, so they are written once per pair and
    /// shared (`texts`).
    fn ladder(&self, acc: &mut Acc, l: &LadderRef, texts: &mut IdMap<(usize, u32), LadderText>) {
        let (Some(tier), Some(rule)) = (self.tiers.get(l.tier), self.tier_rules.get(l.tier)) else {
            return;
        };
        let cases = self.ladder_cases.get(l.from..l.to).unwrap_or_default();
        let case_ids = Cases::cloned(cases);
        let n = u32::try_from(cases.len()).unwrap_or(u32::MAX);
        let text = texts
            .entry((l.tier, n))
            .or_insert_with(|| LadderText::new(tier, n));
        acc.outcomes.reserve_exact(tier.outcomes.len());
        for (kind, explanation) in tier.outcomes.iter().zip(&text.outcomes) {
            acc.outcomes.push(Outcome {
                kind: *kind,
                rule: rule.clone(),
                cases: case_ids.clone(),
                explanation: explanation.clone(),
            });
        }
        if let Some(explanation) = &text.line {
            acc.push_line(
                RANK_LADDER,
                LineItem {
                    rule: rule.clone(),
                    cases: case_ids,
                    explanation: explanation.clone(),
                    amount: tier.amount,
                    bypasses_cap: false,
                },
            );
        }
    }
}

/// What a count-ladder tier reached with a given count says: one
/// explanation per outcome of the tier, and the fine's (if any).
struct LadderText {
    outcomes: Vec<Explanation>,
    line: Option<Explanation>,
}

impl LadderText {
    fn new(tier: &CountTier, n: u32) -> LadderText {
        let (ser_zh, ser_en) = if tier.requires_serious {
            ("且情节严重", ", serious")
        } else {
            ("", "")
        };
        let count = Digits::uint(u64::from(n));
        let min = Digits::uint(u64::from(tier.min_count));
        let head_zh = concat(&[
            "当月被投诉 ",
            count.as_str(),
            " 次（",
            min.as_str(),
            "次及以上",
            ser_zh,
            "）",
        ]);
        let head_en = concat(&[
            count.as_str(),
            " complaints this month (tier ≥ ",
            min.as_str(),
            ser_en,
            ")",
        ]);
        let outcomes = tier
            .outcomes
            .iter()
            .map(|kind| {
                let mut en = String::with_capacity(head_en.len() + 2 + kind.id().len());
                en.push_str(&head_en);
                en.push_str(": ");
                push_kind_en(&mut en, *kind);
                Explanation::new(concat(&[&head_zh, "：", kind.label_zh()]), en).shared()
            })
            .collect();
        let line = (!tier.amount.is_zero()).then(|| {
            let money = Digits::money(tier.amount);
            let money = money.as_str();
            let (desc, sep) = match tier.description_zh.as_deref() {
                Some(d) => (d, "；"),
                None => ("", ""),
            };
            Explanation::new(
                concat(&[&head_zh, "：", desc, sep, "负激励 ", money, " 元"]),
                concat(&[&head_en, ": fine ¥", money]),
            )
            .shared()
        });
        LadderText { outcomes, line }
    }
}

/// A person's count-ladder tier: `tiers[tier]`, reached by the (sorted,
/// distinct) cases `Computation::ladder_cases[from..to]`.
struct LadderRef {
    tier: usize,
    from: usize,
    to: usize,
}

const RANK_OVERTIME: u8 = 0;
const RANK_VIOLATION: u8 = 1;
const RANK_LOSS: u8 = 2;
const RANK_SANCTION: u8 = 3;
const RANK_LADDER: u8 = 4;
const RANKS: usize = 5;

impl Acc {
    /// Adds a line of the given rank. The charge rules run one kind after
    /// another, in rank order (breaches, violations, losses, sanctions, the
    /// count ladder), so the lines arrive grouped by rank and are sorted
    /// within each group in place, without a rank stored per line.
    fn push_line(&mut self, rank: u8, item: LineItem) {
        self.lines.push(item);
        let len = self.lines.len();
        for end in self.rank_ends.iter_mut().skip(usize::from(rank)) {
            *end = len;
        }
    }

    /// The lines sorted by rank, then [`line_order`].
    fn sorted_lines(&mut self) -> Vec<LineItem> {
        let mut lines = std::mem::take(&mut self.lines);
        let mut start = 0;
        for &end in &self.rank_ends {
            if let Some(run) = lines.get_mut(start..end) {
                run.sort_by(line_order);
            }
            start = start.max(end);
        }
        lines
    }
}

fn y(m: Money) -> String {
    m.to_plain_string()
}

fn kind_en(kind: SanctionKind) -> String {
    kind.id().replace('_', " ")
}

/// Appends [`kind_en`] without an intermediate string.
fn push_kind_en(buf: &mut String, kind: SanctionKind) {
    for c in kind.id().chars() {
        buf.push(if c == '_' { ' ' } else { c });
    }
}

fn add(a: Money, b: Money, path: &str) -> Result<Money, PenaltyError> {
    add_at(a, b, || path.to_owned())
}

/// As [`add`], with the path written only on error.
fn add_at(a: Money, b: Money, path: impl FnOnce() -> String) -> Result<Money, PenaltyError> {
    match a.fen().checked_add(b.fen()) {
        Some(fen) => Ok(Money::from_fen(fen)),
        None => a
            .checked_add(b)
            .map_err(|e| PenaltyError::from_model(path(), e)),
    }
}

/// As [`Money::checked_sub`], with the path written only on error.
fn sub_at(a: Money, b: Money, path: impl FnOnce() -> String) -> Result<Money, PenaltyError> {
    match a.fen().checked_sub(b.fen()) {
        Some(fen) => Ok(Money::from_fen(fen)),
        None => a
            .checked_sub(b)
            .map_err(|e| PenaltyError::from_model(path(), e)),
    }
}

/// A line whose explanation is written when charged.
fn line(rule: Arc<str>, cases: Cases, zh: String, en: String, amount: Money) -> LineItem {
    LineItem {
        rule,
        cases,
        explanation: Explanation::new(zh, en),
        amount,
        bypasses_cap: false,
    }
}

/// A share or total as `Display` writes it normalized: on the stack where
/// the mantissa fits in a u64.
enum DecimalText {
    Stack(Digits),
    Heap(String),
}

impl DecimalText {
    fn new(d: Decimal) -> DecimalText {
        match Digits::decimal(d) {
            Some(t) => DecimalText::Stack(t),
            None => DecimalText::Heap(d.normalize().to_string()),
        }
    }

    fn as_str(&self) -> &str {
        match self {
            DecimalText::Stack(t) => t.as_str(),
            DecimalText::Heap(s) => s,
        }
    }
}

/// The pieces joined, in one allocation of the exact size.
fn concat(parts: &[&str]) -> String {
    parts.concat()
}

/// A hasher for the short ids looked up once per fact (FxHash: a multiply and
/// a rotate per 8 bytes). The keys are the roster's own ids, so the
/// collision resistance of SipHash buys nothing here.
#[derive(Default, Clone, Copy)]
struct IdHasher(u64);

impl IdHasher {
    const K: u64 = 0x517c_c1b7_2722_0a95;

    fn mix(&mut self, w: u64) {
        self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(Self::K);
    }
}

impl Hasher for IdHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.mix(u64::from_le_bytes(w));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            self.mix(tail_word(rest));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.mix(u64::from(i));
    }

    fn finish(&self) -> u64 {
        // A multiply leaves the low bits depending on the input's low bits
        // only, and hashbrown picks the bucket from the low bits: ids that
        // differ only at their end (`e00001`, `e00002`) all landed in a few
        // buckets and a lookup probed a dozen groups. The rotate brings the
        // well-mixed high bits down (as rustc-hash 2 does).
        self.0.rotate_left(26)
    }
}

/// The last 1 to 7 bytes of a key as the little-endian word they fill,
/// zero-padded: read as two overlapping loads, not copied into a buffer
/// (which was a `memcpy` call per id hashed: a staff id is 6 bytes).
fn tail_word(rest: &[u8]) -> u64 {
    // (Never more than 7 bytes; capped so that no shift could overflow.)
    let len = rest.len().min(8);
    let word = |from: usize| -> u64 {
        rest.get(from..from + 4)
            .and_then(|b| <[u8; 4]>::try_from(b).ok())
            .map_or(0, |b| u64::from(u32::from_le_bytes(b)))
    };
    let byte = |at: usize| u64::from(rest.get(at).copied().unwrap_or(0));
    if len >= 4 {
        // The two loads overlap on the same bytes at the same places.
        word(0) | (word(len - 4) << ((len - 4) * 8))
    } else {
        byte(0) | (byte(len / 2) << (len / 2 * 8)) | (byte(len - 1) << ((len - 1) * 8))
    }
}

type IdMap<K, V> = HashMap<K, V, BuildHasherDefault<IdHasher>>;
type IdSet<K> = HashSet<K, BuildHasherDefault<IdHasher>>;

/// A person's base points, normalized: the weight of a base-point split and
/// its text on the statement.
struct Points {
    mantissa: i128,
    scale: u32,
    /// Shared by the person's lines.
    text: Arc<str>,
}

/// One period's computation under way: the roster's people, what each has
/// accumulated, and the lookups shared by the charge rules. (Not the
/// workflow's decision context `tousu_workflow::Ctx`.)
struct Computation<'r> {
    roster: &'r Roster,
    schedule: &'r PenaltySchedule,
    /// The roster's staff in id order; accumulators and indexes use positions in it.
    people: Vec<&'r Staff>,
    pos: IdMap<&'r str, usize>,
    accs: Vec<Acc>,
    spare: Acc,
    /// The staff (positions) of each department and its sub-departments,
    /// built on first use.
    members: Option<IdMap<&'r DepartmentId, Rc<[usize]>>>,
    /// Normalized base points per position, computed on first use.
    points: Vec<Option<Points>>,
    /// The text of each normalized base-point value (mantissa, scale),
    /// shared by everyone with that value: a roster has few distinct ones.
    point_texts: IdMap<(i128, u32), Arc<str>>,
    /// What the splits of each group (a department, or everyone: `None`)
    /// by each rule share, computed on the group's first loss: a team
    /// bears many losses in a month.
    splits: IdMap<(GroupKey<'r>, GroupRule), Rc<Split>>,
    /// Rule ids, each held once and shared by the lines that cite it.
    rules: IdSet<Arc<str>>,
    /// The rule id and text of each violation rule's lines, written once.
    violation_kinds: IdMap<&'r str, (Arc<str>, Arc<ViolationText>)>,
    /// A buffer for writing a rule id before looking it up.
    rule_buf: String,
    /// The distinct cases of each person on the count ladder ([`LadderRef`]).
    ladder_cases: Vec<&'r CaseId>,
}

impl<'r> Computation<'r> {
    /// The position of a person in the roster.
    fn find(&self, id: &StaffId, path: impl FnOnce() -> String) -> Result<usize, PenaltyError> {
        self.pos
            .get(id.as_str())
            .copied()
            .filter(|&i| i < self.people.len())
            .ok_or_else(|| PenaltyError::UnknownStaff {
                path: path(),
                staff: id.clone(),
            })
    }

    fn staff(
        &self,
        id: &StaffId,
        path: impl FnOnce() -> String,
    ) -> Result<(usize, &'r Staff), PenaltyError> {
        let i = self.find(id, path)?;
        match self.people.get(i) {
            Some(s) => Ok((i, *s)),
            None => Err(PenaltyError::UnknownStaff {
                path: String::new(),
                staff: id.clone(),
            }),
        }
    }

    fn acc_at(&mut self, i: usize) -> &mut Acc {
        match self.accs.get_mut(i) {
            Some(a) => a,
            None => &mut self.spare,
        }
    }

    /// Adds a line to the statement of the person at `i`.
    fn push_line(&mut self, i: usize, rank: u8, item: LineItem) {
        self.acc_at(i).push_line(rank, item);
    }

    /// The rule id the pieces spell, shared with every line citing it.
    fn rule(&mut self, parts: &[&str]) -> Arc<str> {
        self.rule_buf.clear();
        for p in parts {
            self.rule_buf.push_str(p);
        }
        if let Some(r) = self.rules.get(self.rule_buf.as_str()) {
            return r.clone();
        }
        let r: Arc<str> = Arc::from(self.rule_buf.as_str());
        self.rules.insert(r.clone());
        r
    }

    /// A rule id naming one fact (`loss.<case>`): shared by that fact's
    /// lines only, so it is not looked up among the others (a month has a
    /// loss per case, each its own id).
    fn fact_rule(&mut self, parts: &[&str]) -> Arc<str> {
        self.rule_buf.clear();
        for p in parts {
            self.rule_buf.push_str(p);
        }
        Arc::from(self.rule_buf.as_str())
    }

    /// The staff of a department and its sub-departments (built on first use).
    fn members(
        &mut self,
        d: &DepartmentId,
        path: impl FnOnce() -> String,
    ) -> Result<Rc<[usize]>, PenaltyError> {
        let roster = self.roster;
        let people = &self.people;
        if !roster.departments().contains(d) {
            return Err(PenaltyError::UnknownDepartment {
                path: path(),
                department: d.clone(),
            });
        }
        let index = self.members.get_or_insert_with(|| {
            // Each department's chain (itself and its ancestors, as slots in
            // `lists`) is walked once, not once per member: a person costs
            // one lookup of their department.
            let mut slots: IdMap<&'r DepartmentId, usize> = IdMap::default();
            let mut lists: Vec<(&'r DepartmentId, Vec<usize>)> = Vec::new();
            let mut chains: IdMap<&'r DepartmentId, Vec<usize>> = IdMap::default();
            for (i, s) in people.iter().enumerate() {
                let chain = chains.entry(&s.department).or_insert_with(|| {
                    std::iter::once(&s.department)
                        .chain(roster.departments().ancestors(&s.department).map(|a| &a.id))
                        .map(|d| {
                            *slots.entry(d).or_insert_with(|| {
                                lists.push((d, Vec::new()));
                                lists.len() - 1
                            })
                        })
                        .collect()
                });
                for &k in chain.iter() {
                    if let Some((_, list)) = lists.get_mut(k) {
                        list.push(i);
                    }
                }
            }
            lists.into_iter().map(|(d, v)| (d, Rc::from(v))).collect()
        });
        Ok(index.get(d).cloned().unwrap_or_else(|| Rc::from([])))
    }

    /// How a loss charged to department `d` is split among its staff: by
    /// the first of the schedule's `losses.departments` rules one of whose
    /// roles a member of `d` (or of a department below it) holds, else by
    /// `department_split` (ruling 127). A rule that makes such a loss no
    /// money (S41 5.9.5.1) refuses it, naming the rule.
    fn department_rule(
        &mut self,
        d: &DepartmentId,
        path: impl Fn() -> String,
    ) -> Result<GroupRule, PenaltyError> {
        let rules: &'r tousu_policy::LossRules = &self.schedule.losses;
        if rules.departments.is_empty() {
            return Ok(GroupRule::from(rules.department_split));
        }
        let members = self.members(d, &path)?;
        let people = &self.people;
        let found = rules.departments.iter().enumerate().find(|(_, rule)| {
            members
                .iter()
                .filter_map(|&i| people.get(i))
                .any(|s| rule.roles.iter().any(|r| s.roles.contains(r)))
        });
        let Some((k, rule)) = found else {
            return Ok(GroupRule::from(rules.department_split));
        };
        match rule.split {
            DepartmentLossSplit::BasePoints => Ok(GroupRule::BasePoints),
            DepartmentLossSplit::Equal => Ok(GroupRule::Equal),
            _ => Err(PenaltyError::InvalidFact {
                path: path(),
                message: format!(
                    "department \"{d}\" has staff holding {} (penalties.losses.departments[{k}]{}): its loss is not money and is not charged on the statements; a loss no unit within it can be found for is `unattributed_within`",
                    rule.roles
                        .iter()
                        .map(|r| r.as_str())
                        .collect::<Vec<_>>()
                        .join(" or "),
                    rule.note
                        .as_deref()
                        .map(|n| format!(", {n}"))
                        .unwrap_or_default()
                ),
            }),
        }
    }

    /// The normalized base points of the person at position `i`.
    fn points(&mut self, i: usize) -> Option<&Points> {
        let s = self.people.get(i).copied()?;
        let texts = &mut self.point_texts;
        let slot = self.points.get_mut(i)?;
        Some(slot.get_or_insert_with(|| {
            let p = s.base_points.normalize();
            let (mantissa, scale) = (p.mantissa(), p.scale());
            let text = texts
                .entry((mantissa, scale))
                .or_insert_with(|| Arc::from(DecimalText::new(p).as_str()))
                .clone();
            Points {
                mantissa,
                scale,
                text,
            }
        }))
    }

    /// The rule id (`violation.<id>`) and text of a violation rule's lines,
    /// shared by every line of the rule.
    fn violation_kind(
        &mut self,
        v: &'r crate::Violation,
        fine: &ViolationFine,
    ) -> (Arc<str>, Arc<ViolationText>) {
        if let Some((rule, kind)) = self.violation_kinds.get(v.rule.as_str()) {
            return (rule.clone(), kind.clone());
        }
        let rule = self.rule(&["violation.", v.rule.as_str()]);
        let kind = Arc::new(ViolationText {
            description_zh: Box::from(fine.description_zh.as_str()),
            description_en: Box::from(fine.description_en.as_deref().unwrap_or(v.rule.as_str())),
            per_item: fine.per_item.then_some(fine.responsible),
        });
        self.violation_kinds
            .insert(v.rule.as_str(), (rule.clone(), kind.clone()));
        (rule, kind)
    }

    /// What every split of `group` by `rule` shares: its members, their
    /// integer weights and the text the lines cite. Computed once per group
    /// and rule.
    fn split(
        &mut self,
        group: GroupKey<'r>,
        rule: GroupRule,
        path: impl FnOnce() -> String,
    ) -> Result<Rc<Split>, PenaltyError> {
        if let Some(split) = self.splits.get(&(group, rule)) {
            return Ok(split.clone());
        }
        let (members, name_zh, name_en): (Rc<[usize]>, _, _) = match group {
            GroupKey::Department(d) => (
                self.members(d, path)?,
                concat(&["部门 ", d.as_str()]),
                concat(&["department ", d.as_str()]),
            ),
            GroupKey::Within(d) => (
                self.members(d, path)?,
                concat(&["部门 ", d.as_str(), " 全体"]),
                concat(&["all of department ", d.as_str()]),
            ),
            GroupKey::Everyone => (
                (0..self.people.len()).collect(),
                "全体".to_owned(),
                "the whole team".to_owned(),
            ),
        };
        let len = self.people.len();
        let n = members.iter().filter(|&&i| i < len).count();
        let exact = split_weights(self, &members, rule);
        let total = match rule {
            GroupRule::BasePoints => members
                .iter()
                .filter_map(|&i| self.people.get(i))
                .try_fold(Decimal::ZERO, |t, s| t.checked_add(s.base_points))
                .map(|t| Box::from(DecimalText::new(t.normalize()).as_str())),
            GroupRule::Equal => Some(Box::from(
                Digits::uint(u64::try_from(n).unwrap_or(u64::MAX)).as_str(),
            )),
        };
        let split = Rc::new(Split {
            members,
            n,
            exact,
            total_fits: total.is_some(),
            text: Arc::new(GroupText {
                name_zh: name_zh.into_boxed_str(),
                name_en: name_en.into_boxed_str(),
                total: total.unwrap_or_default(),
                by_points: rule == GroupRule::BasePoints,
            }),
        });
        self.splits.insert((group, rule), split.clone());
        Ok(split)
    }
}

/// What every split of one group by one rule shares (see
/// [`Computation::split`]).
struct Split {
    /// The members' positions in the roster, in id order.
    members: Rc<[usize]>,
    /// How many of them are on the roster.
    n: usize,
    /// The members' integer weights and their total, for
    /// [`largest_remainder`]; `None` where that shortcut does not apply
    /// (then [`allocate_rel`] decides or reports the error).
    exact: Option<(Box<[u128]>, u128)>,
    /// Whether the base-point total could be added up (always, for an
    /// equal split).
    total_fits: bool,
    /// The group's name and total, shared by the lines of its splits.
    text: Arc<GroupText>,
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
    // A bare schedule knows no policy: the levels it names are its own.
    let own_levels: Vec<LevelId> = schedule
        .overtime
        .keys()
        .chain(
            schedule
                .overtime_by_milestone
                .values()
                .flat_map(|e| e.levels.keys()),
        )
        .cloned()
        .collect();
    let problems = schedule.validate(&own_levels);
    if !problems.is_empty() {
        return Err(PenaltyError::InvalidSchedule { problems });
    }
    let people: Vec<&Staff> = roster.all_staff().collect();
    let mut pos: IdMap<&str, usize> = IdMap::default();
    pos.reserve(people.len());
    pos.extend(people.iter().enumerate().map(|(i, s)| (s.id.as_str(), i)));
    let mut cx = Computation {
        roster,
        schedule,
        pos,
        accs: people.iter().map(|_| Acc::default()).collect(),
        points: people.iter().map(|_| None).collect(),
        point_texts: IdMap::default(),
        people,
        spare: Acc::default(),
        members: None,
        splits: IdMap::default(),
        rules: IdSet::default(),
        violation_kinds: IdMap::default(),
        rule_buf: String::new(),
        ladder_cases: Vec::new(),
    };
    if let Some(c) = carry {
        carry_in(&mut cx, c, facts.period)?;
    }
    let breach_owners = reserve_lines(&mut cx, facts);
    breaches(&mut cx, facts, &breach_owners)?;
    violations(&mut cx, facts)?;
    losses(&mut cx, facts)?;
    sanctions(&mut cx, facts)?;
    ladder(&mut cx, facts)?;
    yearly_reward(&mut cx, facts)?;
    settle(cx, facts)
}

fn carry_in(cx: &mut Computation<'_>, c: &CarryOver, period: Month) -> Result<(), PenaltyError> {
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
        let i = cx.find(id, path)?;
        if amount.is_negative() {
            return Err(PenaltyError::NegativeAmount {
                path: path(),
                amount: y(*amount),
            });
        }
        let acc = cx.acc_at(i);
        acc.carried_in = add_at(acc.carried_in, *amount, path)?;
    }
    Ok(())
}

/// Sizes each person's line vector before any line is charged, so that it
/// is allocated once instead of growing (and being copied) three or four
/// times: the month-end run's largest churn of memory (42 MB reallocated for
/// 16 MB of lines on the bench's input).
///
/// The count is an upper bound from the facts (a breach deduplicated away, a
/// zero part or a fact refused later only leaves room unused) plus one for
/// the count-ladder line written with the statement. Nothing is checked
/// here: an unknown id is skipped and reported by the charge rule that
/// meets it, in the same order as before. Returns each breach's owner
/// position, which [`breaches`] would otherwise look up again.
fn reserve_lines<'r>(cx: &mut Computation<'r>, facts: &'r PenaltyFacts) -> Vec<Option<usize>> {
    fn bump(counts: &mut [u32], at: usize) {
        if let Some(n) = counts.get_mut(at) {
            *n = n.saturating_add(1);
        }
    }
    let mut counts = vec![0u32; cx.people.len()];
    let schedule = cx.schedule;
    let owners: Vec<Option<usize>> = facts
        .breaches
        .iter()
        .map(|b| cx.pos.get(b.owner.as_str()).copied())
        .collect();
    if !(schedule.overtime.is_empty() && schedule.overtime_by_milestone.is_empty()) {
        for &at in owners.iter().flatten() {
            bump(&mut counts, at);
        }
    }
    for v in &facts.violations {
        let (Some(fine), Some(&at)) = (
            schedule.violations.get(&v.rule),
            cx.pos.get(v.responsible.as_str()),
        ) else {
            continue;
        };
        if !fine.responsible.is_zero() {
            bump(&mut counts, at);
        }
        if fine.supervisor.is_zero() {
            continue;
        }
        let sup = v
            .supervisor
            .as_ref()
            .or_else(|| cx.people.get(at).and_then(|s| s.supervisor.as_ref()));
        if let Some(&sup) = sup.and_then(|s| cx.pos.get(s.as_str())) {
            bump(&mut counts, sup);
        }
    }
    let rules = &schedule.losses;
    for loss in &facts.losses {
        let (key, by) = match &loss.responsible {
            Responsible::Parties(shares) => {
                for sh in shares {
                    match &sh.party {
                        ResponsibleParty::Staff(s) => {
                            if let Some(&at) = cx.pos.get(s.as_str()) {
                                bump(&mut counts, at);
                            }
                        }
                        ResponsibleParty::Department(d) => {
                            if let Ok(by) = cx.department_rule(d, String::new)
                                && let Ok(split) =
                                    cx.split(GroupKey::Department(d), by, String::new)
                            {
                                split.members.iter().for_each(|&at| bump(&mut counts, at));
                            }
                        }
                    }
                }
                continue;
            }
            Responsible::Department(d) => match cx.department_rule(d, String::new) {
                Ok(by) => (GroupKey::Department(d), by),
                Err(_) => continue,
            },
            Responsible::Unattributed => (GroupKey::Everyone, GroupRule::from(rules.unattributed)),
            Responsible::UnattributedWithin(d) => {
                (GroupKey::Within(d), GroupRule::from(rules.unattributed))
            }
        };
        if let Ok(split) = cx.split(key, by, String::new) {
            split.members.iter().for_each(|&at| bump(&mut counts, at));
        }
    }
    let whole = schedule.sanctions.whole_bonus.as_ref().map(|w| w.sanction);
    for sa in &facts.sanctions {
        if let Some(&at) = cx.pos.get(sa.staff.as_str()) {
            bump(&mut counts, at);
            if whole == Some(sa.kind) {
                bump(&mut counts, at);
            }
        }
    }
    let ladder = usize::from(schedule.count_ladder.is_some());
    for (acc, &n) in cx.accs.iter_mut().zip(&counts) {
        if n > 0 {
            let n = usize::try_from(n).unwrap_or(0);
            acc.lines.reserve_exact(n.saturating_add(ladder));
        }
    }
    owners
}

fn breaches(
    cx: &mut Computation<'_>,
    facts: &PenaltyFacts,
    owners: &[Option<usize>],
) -> Result<(), PenaltyError> {
    let once = cx.schedule.overtime_charge == OvertimeCharge::OncePerCase;
    // (case, milestone and round unless once per case), (at, milestone,
    // round, index), owner's position. Sorted, the first of each key is the
    // breach charged: the earliest, then the first listed.
    let mut chosen: IdMap<ChosenKey<'_>, Chosen<'_>> = IdMap::default();
    chosen.reserve(facts.breaches.len());
    // No overtime table: breaches carry no fine (a policy without one, run
    // through the engine, still gets its other statements).
    if cx.schedule.overtime.is_empty() && cx.schedule.overtime_by_milestone.is_empty() {
        return Ok(());
    }
    let fined = &cx.schedule.overtime_milestones;
    // Each name shared by every line that cites it.
    fn shared<K: Ord>(names: &BTreeMap<K, String>) -> BTreeMap<&K, Arc<str>> {
        names
            .iter()
            .map(|(id, name)| (id, Arc::<str>::from(name.as_str())))
            .collect()
    }
    let milestone_zh = shared(&facts.names.milestones);
    let level_zh = shared(&facts.names.levels);
    for (i, b) in facts.breaches.iter().enumerate() {
        let owner = match owners.get(i).copied().flatten() {
            Some(at) if at < cx.people.len() => at,
            _ => cx.find(&b.owner, || format!("breaches[{i}].owner"))?,
        };
        if !fined.is_empty() && !fined.contains(&b.milestone) {
            continue;
        }
        let own = milestone_fine(cx.schedule, b).is_some();
        // Without a level table only the milestones priced on their own are fined.
        if !own && cx.schedule.overtime.is_empty() {
            continue;
        }
        if !own && !cx.schedule.overtime.contains_key(&b.level) {
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
        let candidate = ((b.at, b.milestone.as_str(), b.round, i), owner);
        // The earliest breach of each key, then the first listed.
        chosen
            .entry(key)
            .and_modify(|c| {
                if candidate.0 < c.0 {
                    *c = candidate;
                }
            })
            .or_insert(candidate);
    }
    // What the lines of each milestone and level share: the rule and the text.
    let mut kinds: IdMap<(&str, &str), Option<BreachKind>> = IdMap::default();
    // The lines are sorted per person afterwards (no two of a person's
    // breach lines compare equal), so the map's order does not matter.
    for ((_, _, _, i), owner) in chosen.into_values() {
        let Some(b) = facts.breaches.get(i) else {
            continue;
        };
        let kind = kinds
            .entry((b.milestone.as_str(), b.level.as_str()))
            .or_insert_with(|| {
                let own = milestone_fine(cx.schedule, b);
                let fine = own
                    .or_else(|| cx.schedule.overtime.get(&b.level).copied())
                    .unwrap_or(Money::ZERO);
                if fine.is_zero() {
                    return None;
                }
                let rule = match own {
                    Some(_) => cx.rule(&["overtime.", b.milestone.as_str(), ".", b.level.as_str()]),
                    None => cx.rule(&["overtime.", b.level.as_str()]),
                };
                let text = BreachText {
                    milestone: b.milestone.clone(),
                    milestone_zh: milestone_zh.get(&b.milestone).cloned(),
                    level: b.level.clone(),
                    level_zh: level_zh.get(&b.level).cloned(),
                    fine,
                    once_per_case: once,
                    by_milestone: own.is_some(),
                };
                Some((rule, Arc::new(text)))
            });
        if let Some((rule, text)) = kind {
            let (rule, fine) = (rule.clone(), text.fine);
            let explanation = Explanation::breach(text.clone(), b.case.clone(), b.round);
            cx.push_line(
                owner,
                RANK_OVERTIME,
                LineItem {
                    rule,
                    cases: Cases::from(b.case.clone()),
                    explanation,
                    amount: fine,
                    bypasses_cap: false,
                },
            );
        }
    }
    Ok(())
}

/// The breached milestone's own fine at the breach's level
/// (`penalties.overtime_by_milestone`), if the schedule gives one.
fn milestone_fine(schedule: &PenaltySchedule, b: &crate::Breach) -> Option<Money> {
    schedule
        .overtime_by_milestone
        .get(&b.milestone)
        .and_then(|e| e.fine(&b.level))
}

/// The rule and text of the overtime lines of one milestone and level.
type BreachKind = (Arc<str>, Arc<BreachText>);

/// What identifies a breach charged once: the case, and unless charged once
/// per case, the milestone and round.
type ChosenKey<'a> = (&'a CaseId, Option<(&'a str, u32)>);

/// How a breach is picked among those of its key (the least wins) and its
/// owner's position.
type Chosen<'a> = ((DateTime<Utc>, &'a str, u32, usize), usize);

fn violations<'r>(cx: &mut Computation<'r>, facts: &'r PenaltyFacts) -> Result<(), PenaltyError> {
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
        let (at, person) = cx.staff(&v.responsible, || format!("violations[{i}].responsible"))?;
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
        let rule = v.rule.as_str();
        if responsible_amount.is_zero() && supervisor_amount.is_zero() && fine.outcomes.is_empty() {
            continue;
        }
        let (rule_id, kind) = cx.violation_kind(v, fine);
        if !responsible_amount.is_zero() {
            let explanation =
                Explanation::violation(kind.clone(), v.case.clone(), v.items, responsible_amount);
            cx.push_line(
                at,
                RANK_VIOLATION,
                LineItem {
                    rule: rule_id,
                    cases: Cases::from(v.case.clone()),
                    explanation,
                    amount: responsible_amount,
                    bypasses_cap: false,
                },
            );
        }

        if !fine.outcomes.is_empty() {
            custom_outcomes(cx, at, v, fine)?;
        }
        if !supervisor_amount.is_zero() {
            let sup = match (&v.supervisor, &person.supervisor) {
                (Some(s), _) => cx.find(s, || format!("violations[{i}].supervisor"))?,
                (None, Some(s)) => cx.find(s, || format!("violations[{i}].responsible"))?,
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
            let of = Arc::new(SupervisorText {
                kind,
                name: Box::from(person.name.as_str()),
                id: person.id.clone(),
            });
            let rule = cx.rule(&["violation.", rule, ".supervisor"]);
            cx.push_line(
                sup,
                RANK_VIOLATION,
                LineItem {
                    rule,
                    cases: Cases::from(v.case.clone()),
                    explanation: Explanation::supervisor(of, v.case.clone(), supervisor_amount),
                    amount: supervisor_amount,
                    bypasses_cap: false,
                },
            );
        }
    }
    Ok(())
}

/// The custom sanctions a violation brings, reported as outcomes of the
/// person at `at` (the violation's responsible person).
fn custom_outcomes(
    cx: &mut Computation<'_>,
    at: usize,
    v: &crate::Violation,
    fine: &ViolationFine,
) -> Result<(), PenaltyError> {
    let schedule = cx.schedule;
    let (case_zh, case_en) = match &v.case {
        Some(c) => (format!("（案件 {c}）"), format!(" (case {c})")),
        None => (String::new(), String::new()),
    };
    let desc_en = fine.description_en.as_deref().unwrap_or(v.rule.as_str());
    for (k, id) in fine.outcomes.iter().enumerate() {
        let Some(sanction) = schedule.custom_sanctions.get(id) else {
            return Err(PenaltyError::InvalidSchedule {
                problems: vec![tousu_model::Problem::new(
                    format!("penalties.violations.{}.outcomes[{k}]", v.rule),
                    format!("{:?} is not a custom sanction of the schedule", id.as_str()),
                )],
            });
        };
        let name_en = sanction.name_en.as_deref().unwrap_or(id.as_str());
        cx.acc_at(at).custom_outcomes.push(CustomOutcome {
            sanction: id.clone(),
            name_zh: sanction.name_zh.clone(),
            rule: format!("violation.{}", v.rule),
            cases: v.case.iter().cloned().collect(),
            explanation_zh: format!("{}{case_zh}：{}", fine.description_zh, sanction.name_zh),
            explanation_en: format!("{desc_en}{case_en}: {name_en}"),
        });
    }
    Ok(())
}

/// A party to a loss, as the split orders them (staff first, by id).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum LossParty<'a> {
    Staff(&'a StaffId),
    Department(&'a DepartmentId),
}

impl<'a> LossParty<'a> {
    fn of(party: &'a ResponsibleParty) -> LossParty<'a> {
        match party {
            ResponsibleParty::Staff(s) => LossParty::Staff(s),
            ResponsibleParty::Department(d) => LossParty::Department(d),
        }
    }
}

impl std::fmt::Display for LossParty<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LossParty::Staff(s) => write!(f, "staff \"{s}\""),
            LossParty::Department(d) => write!(f, "department \"{d}\""),
        }
    }
}

/// Each loss, allocated on its own (按单分别罚扣) to whoever bears it.
fn losses<'r>(cx: &mut Computation<'r>, facts: &'r PenaltyFacts) -> Result<(), PenaltyError> {
    let schedule = cx.schedule;
    let rules = &schedule.losses;
    for (i, loss) in facts.losses.iter().enumerate() {
        let amount = loss_amount(schedule, i, loss)?;
        let case = &loss.case;
        let total_text = Digits::money(amount);
        let mut head = Head::new(
            &["案件 ", case.as_str(), " 损失 ", total_text.as_str(), " 元"],
            &["Case ", case.as_str(), ": loss ¥", total_text.as_str()],
        );
        let (rule, amount) = match &rules.scaled {
            None => (cx.fact_rule(&["loss.", case.as_str()]), amount),
            Some(scale) => {
                let fine = scaled_fine(schedule, scale, i, amount, &mut head)?;
                (cx.fact_rule(&["loss_fine.", case.as_str()]), fine)
            }
        };
        let (key, by, path) = match &loss.responsible {
            Responsible::Parties(shares) => {
                loss_by_shares(cx, i, shares, amount, &rule, case, head)?;
                continue;
            }
            Responsible::Department(d) => (
                GroupKey::Department(d),
                cx.department_rule(d, || format!("losses[{i}].responsible.department"))?,
                "responsible.department",
            ),
            Responsible::Unattributed => {
                head.push(
                    &["，未能明确责任单位"],
                    &[", no responsible unit identified"],
                );
                (
                    GroupKey::Everyone,
                    GroupRule::from(rules.unattributed),
                    "responsible",
                )
            }
            Responsible::UnattributedWithin(d) => {
                head.push(
                    &["，未能明确到组"],
                    &[", no responsible unit identified within ", d.as_str()],
                );
                (
                    GroupKey::Within(d),
                    GroupRule::from(rules.unattributed),
                    "responsible.unattributed_within",
                )
            }
        };
        let path = || format!("losses[{i}].{path}");
        let split = cx.split(key, by, path)?;
        split_group(cx, amount, &split, path, &rule, case, head)?;
    }
    Ok(())
}

/// A loss's amount in money: never negative, finer than a fen only when the
/// schedule rounds losses.
/// The fine a loss scales to (`losses.scaled`): the percentage rounded to
/// the fen, raised to `min`, lowered to `max`, never above the loss; the head
/// texts say how it was reached.
fn scaled_fine(
    schedule: &PenaltySchedule,
    scale: &LossScale,
    i: usize,
    loss: Money,
    head: &mut Head,
) -> Result<Money, PenaltyError> {
    let exact = loss
        .checked_percent(scale.percent, schedule.rounding)
        .map_err(|e| PenaltyError::from_model(format!("losses[{i}].amount"), e))?;
    let mut fine = exact;
    let mut bound_zh = "";
    let mut bound_en = "";
    if let Some(lo) = scale.min
        && fine < lo
    {
        fine = lo;
        (bound_zh, bound_en) = ("，不足下限按下限", ", raised to the minimum");
    }
    if let Some(hi) = scale.max
        && fine > hi
    {
        fine = hi;
        (bound_zh, bound_en) = ("，超过上限按上限", ", lowered to the maximum");
    }
    if fine > loss {
        fine = loss;
        (bound_zh, bound_en) = ("，以损失金额为限", ", limited to the loss");
    }
    let percent = scale.percent.normalize().to_string();
    let fine_text = Digits::money(fine);
    let desc = scale
        .description_zh
        .as_deref()
        .map(|d| concat(&["（", d, "）"]))
        .unwrap_or_default();
    head.push(
        &[
            "，按损失 ",
            &percent,
            "% 计罚",
            &desc,
            bound_zh,
            " ",
            fine_text.as_str(),
            " 元",
        ],
        &[
            "; fine ",
            &percent,
            "% of the loss",
            bound_en,
            ": ¥",
            fine_text.as_str(),
        ],
    );
    Ok(fine)
}

fn loss_amount(schedule: &PenaltySchedule, i: usize, loss: &Loss) -> Result<Money, PenaltyError> {
    let rules = &schedule.losses;
    let rounding = schedule.rounding;
    let apath = || format!("losses[{i}].amount");
    if loss.amount.is_sign_negative() && !loss.amount.is_zero() {
        return Err(PenaltyError::NegativeAmount {
            path: apath(),
            amount: loss.amount.to_string(),
        });
    }
    Ok(match Money::from_decimal(loss.amount) {
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
    })
}

/// A loss borne by the listed parties, each by their responsibility share;
/// a department's part split among its staff by the schedule's department
/// rule. `rule`, `case` and `head` (Chinese, English) are the loss's.
fn loss_by_shares<'r>(
    cx: &mut Computation<'r>,
    i: usize,
    shares: &'r [Responsibility],
    amount: Money,
    rule: &Arc<str>,
    case: &'r CaseId,
    head: Head,
) -> Result<(), PenaltyError> {
    let lpath = || format!("losses[{i}].responsible.parties");
    if shares.is_empty() {
        return Err(PenaltyError::EmptyShares { path: lpath() });
    }
    // The staff parties' positions (of the first FEW parties; beyond, a
    // party is looked up again when charged).
    let mut positions = [usize::MAX; FEW];
    let mut total = Decimal::ZERO;
    for (j, sh) in shares.iter().enumerate() {
        match &sh.party {
            ResponsibleParty::Staff(s) => {
                let at = cx.find(s, || format!("{}[{j}].staff", lpath()))?;
                if let Some(slot) = positions.get_mut(j) {
                    *slot = at;
                }
            }
            ResponsibleParty::Department(d) => {
                if !cx.roster.departments().contains(d) {
                    return Err(PenaltyError::UnknownDepartment {
                        path: format!("{}[{j}].department", lpath()),
                        department: d.clone(),
                    });
                }
            }
        }
        total = total
            .checked_add(sh.share)
            .ok_or_else(|| PenaltyError::Overflow {
                path: lpath(),
                operation: "adding the shares".into(),
            })?;
    }
    // Each party's index in the facts and its part, in party order: on the
    // stack for a few parties, else (or to report what is wrong) through
    // the decimal split.
    let few = allocate_few(amount, shares, |sh| LossParty::of(&sh.party), |sh| sh.share);
    let by_decimal: Vec<(usize, Money)>;
    let parts = match &few {
        Some(few) => few.as_slice(),
        None => {
            let keyed: Vec<(LossParty<'_>, Decimal)> = shares
                .iter()
                .map(|sh| (LossParty::of(&sh.party), sh.share))
                .collect();
            let parts = allocate_rel(amount, &keyed).map_err(|e| e.at(&lpath()))?;
            // allocate_rel refused a party listed twice: each is found once.
            by_decimal = parts
                .into_iter()
                .map(|(party, part)| {
                    let j = keyed.iter().position(|(p, _)| *p == party).unwrap_or(0);
                    (j, part)
                })
                .collect();
            &by_decimal
        }
    };
    let single = shares.len() == 1;
    // What the parties' lines say but for the share and part, shared.
    let text = Arc::new(PartText { head, total });
    let total_text = DecimalText::new(total);
    let total_text = total_text.as_str();
    for &(j, part) in parts {
        let Some(sh) = shares.get(j) else {
            continue;
        };
        let share = sh.share;
        match &sh.party {
            ResponsibleParty::Staff(id) => {
                let at = match positions.get(j) {
                    Some(&at) => at,
                    None => cx.find(id, || format!("{}[{j}].staff", lpath()))?,
                };
                if part.is_zero() {
                    continue;
                }
                let share = (!single).then_some(share);
                cx.push_line(
                    at,
                    RANK_LOSS,
                    LineItem {
                        rule: rule.clone(),
                        cases: Cases::from(case.clone()),
                        explanation: Explanation::part(text.clone(), share, part),
                        amount: part,
                        bypasses_cap: false,
                    },
                );
            }
            ResponsibleParty::Department(dept) => {
                let w = DecimalText::new(share);
                let w = w.as_str();
                let (share_zh, share_en): ([&str; 5], [&str; 4]) = if single {
                    (["全额承担", "", "", "", ""], ["borne in full", "", "", ""])
                } else {
                    (
                        ["按责任比例 ", w, "/", total_text, " 分摊"],
                        ["responsibility share ", w, "/", total_text],
                    )
                };
                let part_text = Digits::money(part);
                let part_text = part_text.as_str();
                let d = dept.as_str();
                let [z0, z1, z2, z3, z4] = share_zh;
                let [e0, e1, e2, e3] = share_en;
                let head = text.head.extended(
                    &["，部门 ", d, " ", z0, z1, z2, z3, z4, " ", part_text, " 元"],
                    &[", department ", d, "'s ", e0, e1, e2, e3, ": ¥", part_text],
                );
                let dpath = || format!("{}[{j}].department", lpath());
                let by = cx.department_rule(dept, dpath)?;
                let split = cx.split(GroupKey::Department(dept), by, dpath)?;
                split_group(cx, part, &split, dpath, rule, case, head)?;
            }
        }
    }
    Ok(())
}

#[derive(Clone, Copy, PartialEq, Eq, Hash)]
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

/// A group a loss is split over: a department (and its sub-departments),
/// everyone in a department when no team within it is identified, or
/// everyone on the roster.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum GroupKey<'r> {
    Department(&'r DepartmentId),
    Within(&'r DepartmentId),
    Everyone,
}

/// Splits `amount` among the members of `split` (positions in the roster,
/// in id order) by base points or equally: the loss's `rule`, `case` and
/// `head` (Chinese, English) on every member's line.
fn split_group<'r>(
    cx: &mut Computation<'r>,
    amount: Money,
    split: &Split,
    path: impl Fn() -> String,
    rule: &Arc<str>,
    case: &'r CaseId,
    head: Head,
) -> Result<(), PenaltyError> {
    if split.n == 0 {
        return Err(PenaltyError::NobodyToCharge {
            path: path(),
            group: split.text.name_en.to_string(),
        });
    }
    if amount.is_zero() {
        return Ok(());
    }
    let by_points = split.text.by_points;
    let members = &*split.members;
    // Positions in `members`, which is in id order, are the allocation's
    // keys: ties still go to the lower staff id.
    let exact = split
        .exact
        .as_ref()
        .and_then(|(weights, total)| largest_remainder(amount, weights, *total));
    let parts = match exact {
        Some(parts) => parts,
        None => {
            let weights: Vec<(usize, Decimal)> = members
                .iter()
                .filter_map(|&i| cx.people.get(i))
                .enumerate()
                .map(|(k, s)| {
                    (
                        k,
                        if by_points {
                            s.base_points
                        } else {
                            Decimal::ONE
                        },
                    )
                })
                .collect();
            allocate_rel(amount, &weights)
                .map_err(|e| e.at(&path()))?
                .into_iter()
                .map(|(_, m)| m)
                .collect()
        }
    };
    if !split.total_fits {
        return Err(PenaltyError::Overflow {
            path: path(),
            operation: "adding base points".into(),
        });
    }
    // The text shared by every member's line.
    let text = Arc::new(ShareText {
        head,
        group: split.text.clone(),
    });
    let len = cx.people.len();
    let valid = members.iter().copied().filter(|&i| i < len);
    for (member, part) in valid.zip(parts) {
        if part.is_zero() {
            continue;
        }
        let points = if by_points {
            cx.points(member).map(|p| p.text.clone())
        } else {
            None
        };
        let explanation = Explanation::share(text.clone(), points, part);
        cx.push_line(
            member,
            RANK_LOSS,
            LineItem {
                rule: rule.clone(),
                cases: Cases::from(case.clone()),
                explanation,
                amount: part,
                bypasses_cap: false,
            },
        );
    }
    Ok(())
}

/// The members' integer weights for [`largest_remainder`] (ties to the
/// lower position) and their total: the core [`allocate_rel`] also uses,
/// without its checks and decimal scaling. `None` whenever the shortcut
/// does not apply (a negative or all-zero weight, an overflow): the caller
/// then asks [`allocate_rel`], which reports the error.
fn split_weights(
    cx: &mut Computation<'_>,
    members: &[usize],
    rule: GroupRule,
) -> Option<(Box<[u128]>, u128)> {
    let mut weights: Vec<u128> = Vec::with_capacity(members.len());
    match rule {
        GroupRule::Equal => {
            weights.extend(
                members
                    .iter()
                    .filter(|&&i| i < cx.people.len())
                    .map(|_| 1u128),
            );
        }
        GroupRule::BasePoints => {
            // One pass: the weights so far are rescaled when a member's
            // points have more decimals (rare: a team's points usually
            // share their scale), so each member's points are read once.
            let mut scale = 0;
            for &i in members {
                if i >= cx.people.len() {
                    continue;
                }
                let p = cx.points(i)?;
                let m = u128::try_from(p.mantissa).ok()?;
                if p.scale > scale {
                    let up = 10u128.checked_pow(p.scale.checked_sub(scale)?)?;
                    for w in &mut weights {
                        *w = w.checked_mul(up)?;
                    }
                    scale = p.scale;
                }
                let factor = 10u128.checked_pow(scale.checked_sub(p.scale)?)?;
                weights.push(m.checked_mul(factor)?);
            }
        }
    }
    let total = weights.iter().try_fold(0u128, |t, &w| t.checked_add(w))?;
    (total > 0).then(|| (weights.into_boxed_slice(), total))
}

fn is_reward(kind: SanctionKind) -> bool {
    matches!(kind, SanctionKind::Commendation | SanctionKind::Merit)
}

fn sanctions(cx: &mut Computation<'_>, facts: &PenaltyFacts) -> Result<(), PenaltyError> {
    let mut counts: BTreeMap<(&StaffId, SanctionKind), u32> = BTreeMap::new();
    for (i, sa) in facts.sanctions.iter().enumerate() {
        let (_, s) = cx.staff(&sa.staff, || format!("sanctions[{i}].staff"))?;
        let c = counts.entry((&s.id, sa.kind)).or_default();
        *c = c.saturating_add(1);
    }
    let whole = cx.schedule.sanctions.whole_bonus.clone();
    let mut fired: BTreeSet<&StaffId> = BTreeSet::new();
    if let Some(rule) = &whole {
        for ((id, kind), n) in &counts {
            if *kind == rule.sanction && *n >= rule.min_count {
                let (at, s) = cx.staff(id, String::new)?;
                fired.insert(&s.id);
                let label = kind.label_zh();
                let cases: BTreeSet<&CaseId> = facts
                    .sanctions
                    .iter()
                    .filter(|sa| sa.kind == *kind && &sa.staff == *id)
                    .filter_map(|sa| sa.case.as_ref())
                    .collect();
                let rule_id = cx.rule(&["sanction.", kind.id(), ".whole_bonus"]);
                let mut item = line(
                    rule_id,
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
                cx.acc_at(at).whole_bonus = true;
                cx.push_line(at, RANK_SANCTION, item);
            }
        }
    }
    for (i, sa) in facts.sanctions.iter().enumerate() {
        let (at, s) = cx.staff(&sa.staff, || format!("sanctions[{i}].staff"))?;
        let cases = Cases::from(sa.case.clone());
        let reason = sanction_reason(cx.schedule, i, sa)?;
        let rule = cx.fact_rule(&[
            "sanctions[",
            Digits::uint(u64::try_from(i).unwrap_or(u64::MAX)).as_str(),
            "]",
        ]);
        cx.acc_at(at).outcomes.push(Outcome {
            kind: sa.kind,
            rule,
            cases: cases.clone(),
            explanation: Explanation::sanction(sa.kind, sa.case.clone(), reason),
        });
        let Some(value) = cx.schedule.sanctions.values.get(&sa.kind).copied() else {
            continue;
        };
        let replaced =
            whole.as_ref().is_some_and(|w| w.sanction == sa.kind) && fired.contains(&s.id);
        if value.is_zero() || replaced {
            continue;
        }
        let rule = cx.rule(&["sanction.", sa.kind.id()]);
        let mut item = LineItem {
            rule,
            cases,
            explanation: Explanation::sanction_value(sa.kind, sa.case.clone(), value),
            amount: value,
            bypasses_cap: false,
        };
        if is_reward(sa.kind) {
            cx.acc_at(at).rewards.push(item);
        } else {
            item.bypasses_cap = cx.schedule.cap.bypass.contains(&sa.kind);
            cx.push_line(at, RANK_SANCTION, item);
        }
    }
    Ok(())
}

/// Why a sanction was imposed, for its outcome (`：…` / `: …`): the
/// violation that brought it (checked against the schedule's table and the
/// sanctions it admits) and the reason given; `None` when neither is.
fn sanction_reason(
    schedule: &PenaltySchedule,
    i: usize,
    sa: &crate::Sanction,
) -> Result<Option<(String, String)>, PenaltyError> {
    let mut zh = String::new();
    let mut en = String::new();
    if let Some(id) = &sa.violation {
        let Some(row) = schedule.violations.get(id) else {
            return Err(PenaltyError::UnknownViolation {
                path: format!("sanctions[{i}].violation"),
                rule: id.to_string(),
                known: schedule
                    .violations
                    .keys()
                    .map(ToString::to_string)
                    .collect(),
            });
        };
        if !row.sanctions.is_empty() && !row.sanctions.contains(&sa.kind) {
            let allowed: Vec<&str> = row.sanctions.iter().map(|k| k.id()).collect();
            return Err(PenaltyError::InvalidFact {
                path: format!("sanctions[{i}].kind"),
                message: format!(
                    "{:?} is not a sanction violation {:?} may bring; it admits {}",
                    sa.kind.id(),
                    id.as_str(),
                    allowed.join(", ")
                ),
            });
        }
        zh = format!("：违反 {id} {}", row.description_zh);
        en = match row.description_en.as_deref() {
            Some(d) => format!(": violation {id} {d}"),
            None => format!(": violation {id}"),
        };
    }
    if let Some(r) = &sa.reason {
        let sep = if zh.is_empty() { "：" } else { "；" };
        zh = format!("{zh}{sep}{r}");
        let sep = if en.is_empty() { ": " } else { "; " };
        en = format!("{en}{sep}{r}");
    }
    Ok((sa.violation.is_some() || sa.reason.is_some()).then_some((zh, en)))
}

fn ladder<'r>(cx: &mut Computation<'r>, facts: &'r PenaltyFacts) -> Result<(), PenaltyError> {
    // Whose each complaint is, checked in order.
    let mut owner: Vec<usize> = Vec::with_capacity(facts.complaints.len());
    for (i, c) in facts.complaints.iter().enumerate() {
        owner.push(cx.find(&c.staff, || format!("complaints[{i}].staff"))?);
    }
    let mut serious = vec![false; cx.people.len()];
    for (k, id) in facts.serious.iter().enumerate() {
        let at = cx.find(id, || format!("serious[{k}]"))?;
        if let Some(s) = serious.get_mut(at) {
            *s = true;
        }
    }
    let schedule = cx.schedule;
    let Some(ladder) = &schedule.count_ladder else {
        return Ok(());
    };
    // The cases of each person, grouped by position (a counting sort).
    let mut start = vec![0usize; cx.people.len() + 1];
    for &p in &owner {
        if let Some(n) = start.get_mut(p + 1) {
            *n += 1;
        }
    }
    for p in 0..cx.people.len() {
        let before = start.get(p).copied().unwrap_or(0);
        if let Some(n) = start.get_mut(p + 1) {
            *n += before;
        }
    }
    let mut fill = start.clone();
    let mut grouped: Vec<Option<&CaseId>> = vec![None; owner.len()];
    for (c, &p) in facts.complaints.iter().zip(&owner) {
        if let Some(at) = fill.get_mut(p)
            && let Some(slot) = grouped.get_mut(*at)
        {
            *slot = Some(&c.case);
            *at += 1;
        }
    }
    let mut cases: Vec<&CaseId> = Vec::new();
    let mut flat: Vec<&'r CaseId> = Vec::new();
    for p in 0..cx.people.len() {
        let (from, to) = (
            start.get(p).copied().unwrap_or(0),
            start.get(p + 1).copied().unwrap_or(0),
        );
        cases.clear();
        cases.extend(grouped.get(from..to).unwrap_or_default().iter().flatten());
        if cases.is_empty() {
            continue;
        }
        // A person–case pair listed twice counts once. The complaints come
        // in the facts' order, usually the cases' own: one pass finds them
        // sorted and distinct (a comparison per case, where sorting and
        // deduplicating made two).
        if !cases.is_sorted_by(|a, b| a < b) {
            cases.sort_unstable();
            cases.dedup();
        }
        let n = u32::try_from(cases.len()).unwrap_or(u32::MAX);
        let serious = serious.get(p).copied().unwrap_or(false);
        let Some((k, _)) = ladder
            .tiers
            .iter()
            .enumerate()
            .rfind(|(_, t)| n >= t.min_count && (serious || !t.requires_serious))
        else {
            continue;
        };
        // The line and outcomes are written with the statement.
        let from = flat.len();
        flat.extend_from_slice(&cases);
        cx.acc_at(p).ladder = Some(LadderRef {
            tier: k,
            from,
            to: flat.len(),
        });
    }
    cx.ladder_cases = flat;
    Ok(())
}

fn yearly_reward(cx: &mut Computation<'_>, facts: &PenaltyFacts) -> Result<(), PenaltyError> {
    let Some(review) = &facts.year_review else {
        return Ok(());
    };
    for id in review.complaint_counts.keys() {
        cx.find(id, || format!("year_review.complaint_counts.{id}"))?;
    }
    let Some(reward) = cx.schedule.yearly_reward.clone() else {
        return Ok(());
    };
    let desc = reward.description_zh.as_deref().unwrap_or("年终评比无投诉");
    let rule = cx.rule(&["yearly_reward"]);
    let year = facts.period.year();
    // One text for everyone it applies to, shared by their lines.
    let (explanation, amount): (Explanation, _) = match reward.amount {
        Some(a) if !a.is_zero() => (
            Explanation::new(
                format!("{desc}，奖励 {} 元", y(a)),
                format!("No complaints in {year}: year-end reward ¥{}", y(a)),
            ),
            Some(a),
        ),
        _ => (
            Explanation::new(
                format!("{desc}，给予奖励（金额由公司决定）"),
                format!("No complaints in {year}: year-end reward (amount set by management)"),
            ),
            None,
        ),
    };
    let explanation = explanation.shared();
    let roster = cx.roster;
    for (at, s) in roster.all_staff().enumerate() {
        if review.complaint_counts.get(&s.id).copied().unwrap_or(0) > 0 {
            continue;
        }
        let (rule, explanation) = (rule.clone(), explanation.clone());
        match amount {
            Some(amount) => cx.acc_at(at).rewards.push(LineItem {
                rule,
                cases: Cases::new(),
                explanation,
                amount,
                bypasses_cap: false,
            }),
            None => cx.acc_at(at).outcomes.push(Outcome {
                kind: SanctionKind::Commendation,
                rule,
                cases: Cases::new(),
                explanation,
            }),
        }
    }
    Ok(())
}

fn settle(cx: Computation<'_>, facts: &PenaltyFacts) -> Result<PeriodResult, PenaltyError> {
    let period = facts.period;
    let schedule = cx.schedule;
    let roster = cx.roster;
    let tiers = schedule
        .count_ladder
        .as_ref()
        .map_or(&[][..], |l| l.tiers.as_slice());
    let mut cx = cx;
    let writer = Writer {
        tiers,
        tier_rules: (0..tiers.len())
            .map(|k| {
                let k = Digits::uint(u64::try_from(k).unwrap_or(u64::MAX));
                cx.rule(&["count_ladder[", k.as_str(), "]"])
            })
            .collect(),
        carry_rule: cx.rule(&["carry.in"]),
        cap_rule: cx.rule(&["cap"]),
        ladder_cases: &cx.ladder_cases,
        percent: schedule.cap.percent,
        percent_text: Arc::new(Percent(
            schedule
                .cap
                .percent
                .normalize()
                .to_string()
                .into_boxed_str(),
        )),
        period,
    };
    // One thread: the library spawns none (it runs inside the caller's
    // runtime, async or not); writing statements on worker threads gained
    // only about 12 % in the 10,000-staff bench.
    let mut accs = cx.accs;
    let people = cx.people.as_slice();
    let statements = settle_run(&writer, people, accs.as_mut_slice())?;
    // In id order, so the map is built in bulk.
    let mut carry_out = CarryOver::empty(period);
    carry_out.balances = statements
        .iter()
        .filter(|st| !st.carried_forward.is_zero())
        .map(|st| (st.staff.clone(), st.carried_forward))
        .collect();
    let mut result = totals(roster, period, statements, carry_out)?;
    result.unowned.clone_from(&facts.unowned);
    Ok(result)
}

/// Writes the statements of a run of consecutive people.
fn settle_run(
    writer: &Writer<'_>,
    people: &[&Staff],
    accs: &mut [Acc],
) -> Result<Vec<Statement>, PenaltyError> {
    let period = writer.period;
    let percent = writer.percent;
    let mut statements = Vec::with_capacity(accs.len());
    let mut ladder_texts = IdMap::default();
    for (s, acc) in people.iter().zip(accs) {
        let mut acc = std::mem::take(acc);
        if let Some(l) = acc.ladder.take() {
            writer.ladder(&mut acc, &l, &mut ladder_texts);
        }
        if acc.lines.is_empty()
            && acc.rewards.is_empty()
            && acc.outcomes.is_empty()
            && acc.custom_outcomes.is_empty()
            && acc.carried_in.is_zero()
        {
            continue;
        }
        let id = &s.id;
        let path = || format!("statements.{id}");
        let lines = acc.sorted_lines();
        let mut gross = Money::ZERO;
        let mut bypass = Money::ZERO;
        for l in &lines {
            gross = add_at(gross, l.amount, path)?;
            if l.bypasses_cap {
                bypass = add_at(bypass, l.amount, path)?;
            }
        }
        let bonus = s.monthly_bonus.max(Money::ZERO);
        let cap_limit = match cap_of(bonus, percent) {
            Some(cap) => cap,
            None => bonus
                .checked_percent(percent, RoundingMode::Down)
                .map_err(|e| PenaltyError::from_model(path(), e))?,
        };
        let owed = add_at(gross, acc.carried_in, path)?;
        let deducted = if acc.whole_bonus {
            bonus.min(owed)
        } else {
            let outside = bypass.min(bonus);
            let room = cap_limit.min(sub_at(bonus, outside, path)?);
            let rest = sub_at(owed, outside, path)?;
            add_at(outside, rest.min(room).max(Money::ZERO), path)?
        };
        let carried_forward = sub_at(owed, deducted, path)?;

        let settlement = settlement_lines(
            writer,
            acc.carried_in,
            acc.whole_bonus,
            bonus,
            cap_limit,
            carried_forward,
        );
        let mut rewards = acc.rewards;
        rewards.sort_by(|a, b| {
            (&a.rule, &a.cases, a.explanation.text(true)).cmp(&(
                &b.rule,
                &b.cases,
                b.explanation.text(true),
            ))
        });
        let reward_total = Money::checked_sum(rewards.iter().map(|r| r.amount))
            .map_err(|e| PenaltyError::from_model(path(), e))?;
        let mut outcomes = acc.outcomes;
        outcomes.sort_by(|a, b| {
            (&a.rule, &a.cases, a.kind, a.explanation.text(true)).cmp(&(
                &b.rule,
                &b.cases,
                b.kind,
                b.explanation.text(true),
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
            custom_outcomes: sorted_custom(acc.custom_outcomes),
        });
    }
    Ok(statements)
}

/// `⌊bonus × percent ÷ 100⌋` to the fen, in integers, for a bonus of 0 or
/// more and a percentage of at most ten decimals (every schedule's): what
/// [`Money::checked_percent`] rounding down gives, since then both products
/// are exact. `None` otherwise (the caller asks `checked_percent`).
fn cap_of(bonus: Money, percent: Decimal) -> Option<Money> {
    let scale = percent.scale();
    let mantissa = percent.mantissa();
    if bonus.is_negative() || mantissa < 0 || scale > 10 {
        return None;
    }
    // |fen| < 2^63 and the mantissa < 2^64 here, so the product fits.
    let mantissa = u64::try_from(mantissa).ok()?;
    let product = i128::from(bonus.fen()).checked_mul(i128::from(mantissa))?;
    let divisor = 100i128.checked_mul(10i128.checked_pow(scale)?)?;
    i64::try_from(product / divisor).ok().map(Money::from_fen)
}

/// A person's custom outcomes in a stable order: by rule, cases, sanction.
fn sorted_custom(mut list: Vec<CustomOutcome>) -> Vec<CustomOutcome> {
    list.sort_by(|a, b| (&a.rule, &a.cases, &a.sanction).cmp(&(&b.rule, &b.cases, &b.sanction)));
    list
}

/// The settlement lines of a statement: what was carried in, and why part
/// of what is owed waits for later months (the whole bonus taken, no bonus,
/// or the cap).
fn settlement_lines(
    writer: &Writer<'_>,
    carried_in: Money,
    whole_bonus: bool,
    bonus: Money,
    cap_limit: Money,
    carried_forward: Money,
) -> Vec<LineItem> {
    let settlement_line = |rule: &Arc<str>, explanation, amount| LineItem {
        rule: rule.clone(),
        cases: Cases::new(),
        explanation,
        amount,
        bypasses_cap: false,
    };
    // At most two lines: one allocation of the exact size.
    let mut settlement = Vec::with_capacity(
        usize::from(!carried_in.is_zero()) + usize::from(!carried_forward.is_zero()),
    );
    if !carried_in.is_zero() {
        settlement.push(settlement_line(
            &writer.carry_rule,
            Explanation::carried_in(carried_in),
            carried_in,
        ));
    }
    if !carried_forward.is_zero() {
        let explanation = Explanation::carried_forward(
            carried_forward,
            whole_bonus.then_some(!carried_in.is_zero()),
            &writer.percent_text,
            bonus,
            cap_limit,
        );
        settlement.push(settlement_line(
            &writer.cap_rule,
            explanation,
            carried_forward,
        ));
    }
    settlement
}

fn totals(
    roster: &Roster,
    period: Month,
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
        let path = || format!("department_totals.{}", st.department);
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
        d.gross = add_at(d.gross, st.gross, path)?;
        d.carried_in = add_at(d.carried_in, st.carried_in, path)?;
        d.deducted = add_at(d.deducted, st.deducted, path)?;
        d.carried_forward = add_at(d.carried_forward, st.carried_forward, path)?;
        d.rewards = add_at(d.rewards, st.reward_total, path)?;
        let path = "summary";
        summary.statements = summary.statements.saturating_add(1);
        summary.lines = summary.lines.saturating_add(count(st.lines.len()));
        summary.outcomes = summary
            .outcomes
            .saturating_add(count(st.outcomes.len()))
            .saturating_add(count(st.custom_outcomes.len()));
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
        unowned: Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// A key's last bytes hash as the zero-padded word they fill, so
        /// the overlapping loads hash ids exactly as the copy did.
        #[test]
        fn a_tail_is_the_zero_padded_word(rest in proptest::collection::vec(any::<u8>(), 1..8)) {
            let mut w = [0u8; 8];
            w[..rest.len()].copy_from_slice(&rest);
            prop_assert_eq!(tail_word(&rest), u64::from_le_bytes(w));
        }

        /// The integer cap is exactly what `Money::checked_percent` rounding
        /// down gives, wherever it answers.
        #[test]
        fn the_integer_cap_is_checked_percent(
            fen in 0i64..=i64::MAX,
            mantissa in 0i64..=100_000_000_000,
            scale in 0u32..=12,
        ) {
            let percent = Decimal::new(mantissa, scale);
            let bonus = Money::from_fen(fen);
            if let Some(cap) = cap_of(bonus, percent) {
                prop_assert_eq!(Ok(cap), bonus.checked_percent(percent, RoundingMode::Down));
            }
        }
    }

    #[test]
    fn the_integer_cap_declines_what_it_cannot_do_exactly() {
        let bonus = Money::from_fen(200_000);
        assert_eq!(
            cap_of(bonus, Decimal::new(50, 0)),
            Some(Money::from_fen(100_000))
        );
        assert_eq!(
            cap_of(bonus, Decimal::new(3333, 2)),
            Some(Money::from_fen(66_660))
        );
        assert_eq!(cap_of(Money::from_fen(-1), Decimal::new(50, 0)), None);
        assert_eq!(cap_of(bonus, Decimal::new(-50, 0)), None);
        assert_eq!(cap_of(bonus, Decimal::new(1, 11)), None);
    }
}
