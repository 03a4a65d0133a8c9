//! Penalty schedules: the money tables a policy holds (罚则), without the
//! arithmetic.
//!
//! A [`PenaltySchedule`] says *how much* — overtime fines per level (超时扣罚),
//! fines per violation for the responsible person and the supervisor, the
//! monthly complaint-count ladder, the year-end reward, the monthly cap on
//! deductions from the efficiency bonus (效益奖金), the money value of
//! administrative sanctions, the rounding mode and how losses are split. The
//! `tousu-penalty` crate does the arithmetic over a period's facts; a policy
//! document embeds this table as its `penalties` section.
//!
//! Every table is optional and every default is stated on its field, so an
//! empty table (`{}`) is a valid schedule that fines nothing and caps at 50 %.
//! Amounts are strings (`"20"`, `"12.50"`), never floats. In TOML, quote keys
//! written in Chinese (`"重大投诉" = "50"`): bare keys are ASCII in TOML 1.0.
//!
//! ```
//! use tousu_model::LevelId;
//! use tousu_policy::penalty_schedule::{OvertimeCharge, PenaltySchedule};
//!
//! fn main() -> Result<(), Box<dyn std::error::Error>> {
//!     // The S12 overtime table and the S41 cap, in a policy file's TOML.
//!     let schedule: PenaltySchedule = toml::from_str(
//!         r#"
//!         overtime_charge = "per_milestone_per_round"
//!         [overtime]
//!         "不满意" = "20"
//!         "十分不满意" = "30"
//!         "重大投诉" = "50"
//!         "危机事件" = "80"
//!         [cap]
//!         percent = "50"
//!         "#,
//!     )?;
//!     assert_eq!(schedule.overtime_charge, OvertimeCharge::PerMilestonePerRound);
//!     assert_eq!(schedule.overtime[&LevelId::new("重大投诉")?].to_string(), "¥50.00");
//!
//!     // Validation names each problem by its path in the policy.
//!     let levels = [LevelId::new("不满意")?, LevelId::new("十分不满意")?, LevelId::new("重大投诉")?];
//!     let problems = schedule.validate(&levels);
//!     assert_eq!(problems.len(), 1);
//!     assert_eq!(problems[0].path, "penalties.overtime.危机事件");
//!     Ok(())
//! }
//! ```

use std::collections::{BTreeMap, BTreeSet};

use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use tousu_model::{LevelId, Money, Problem, RoleId, RoundingMode, SanctionKind};

tousu_model::__string_id!(
    /// The id of a violation in a schedule's violation table
    /// (`record_incomplete`, `ignored_repeat`, `未按礼仪接待`, ...).
    ViolationId, check_code, "A violation id of the penalty schedule: 1-64 letters, digits, '_', '-' or '.', starting with a letter or digit."
);

/// A policy's penalty tables (罚则). Embedded in a policy as `penalties`.
///
/// Every field has a default, so `{}` is a valid schedule (no fines, a 50 %
/// cap, half-up rounding, losses split by base points).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PenaltySchedule {
    /// Overtime fine (超时扣罚) per severity level, charged to the person who
    /// owned a milestone when it breached (ruling 7 in docs/rulings.md). S12: 不满意 20,
    /// 十分不满意 30, 重大投诉 50, 危机事件 80. A breach at a level missing
    /// from this table is an error, not a free pass: write `"0"` to fine
    /// nothing.
    #[serde(default)]
    pub overtime: BTreeMap<LevelId, Money>,
    /// Whether an overtime fine is charged per breached milestone per round
    /// (the default) or once per case.
    #[serde(default)]
    pub overtime_charge: OvertimeCharge,
    /// The milestones whose breaches carry the overtime fine; empty (the
    /// default) means every milestone. S12 fines only 初次对应 and 二次对应.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub overtime_milestones: Vec<crate::MilestoneId>,
    /// Overtime fines of particular milestones (schema 2), replacing the
    /// level table `overtime` for breaches of that milestone: S32's 「首报
    /// 五分钟内调度相关部门」 is fined 30 元 whatever the level. A level the
    /// milestone's entry leaves out takes the entry's `amount`, else the
    /// level table's fine.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub overtime_by_milestone: BTreeMap<crate::MilestoneId, MilestoneFine>,
    /// Non-monetary sanctions of the regulation's own (schema 2) that the
    /// model's [`SanctionKind`] does not name, by id: S30's “责令下机学习” (how
    /// its garbled clause reads).
    /// A violation lists the ones it brings in its `outcomes`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub custom_sanctions: BTreeMap<CustomSanctionId, CustomSanction>,
    /// Fines per violation (S32's table), by violation id.
    #[serde(default)]
    pub violations: BTreeMap<ViolationId, ViolationFine>,
    /// The monthly complaint-count ladder (S43); none by default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count_ladder: Option<CountLadder>,
    /// The year-end reward for a year without complaints (S43 4.5.5); none
    /// by default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub yearly_reward: Option<YearlyReward>,
    /// The monthly cap on deductions from the efficiency bonus (S41 5.9.4).
    #[serde(default)]
    pub cap: MonthlyCap,
    /// Money values of administrative sanctions and the whole-bonus rule
    /// (S41 5.7).
    #[serde(default)]
    pub sanctions: SanctionRules,
    /// How an exact amount is brought to the fen where rounding is allowed
    /// (default 四舍五入, half-up).
    #[serde(default)]
    pub rounding: RoundingMode,
    /// How losses are split among people.
    #[serde(default)]
    pub losses: LossRules,
}

/// How often an overtime fine is charged.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum OvertimeCharge {
    /// Once per breached milestone per round (ruling 7 in docs/rulings.md, the default).
    #[default]
    PerMilestonePerRound,
    /// Once per case, for its earliest breach, whatever the number of
    /// breached milestones and rounds.
    OncePerCase,
}

tousu_model::__string_id!(
    /// The id of a non-monetary sanction of a schedule's own
    /// (`off_line_training`, `下机学习`).
    CustomSanctionId, check_code, "A custom sanction id of the penalty schedule: 1-64 letters, digits, '_', '-' or '.', starting with a letter or digit."
);

/// The overtime fine of one milestone: one amount for every level, amounts
/// per level, or both (a level's own amount first).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MilestoneFine {
    /// The fine for every level not in `levels`; absent: those levels take
    /// the level table's fine (`penalties.overtime`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<Money>,
    /// The fine per level.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub levels: BTreeMap<LevelId, Money>,
}

impl MilestoneFine {
    /// The fine this entry gives for `level`: its own, else `amount`.
    #[must_use]
    pub fn fine(&self, level: &LevelId) -> Option<Money> {
        self.levels.get(level).copied().or(self.amount)
    }
}

/// A non-monetary sanction of a regulation's own (责令下机学习), reported on
/// the statement as an outcome; it carries no money.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CustomSanction {
    /// Its name as the regulation words it (责令下机学习).
    pub name_zh: String,
    /// An English name for statements; the id is used when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_en: Option<String>,
}

/// One row of the violation table: what the responsible person and their
/// supervisor pay per occurrence (or per item).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ViolationFine {
    /// The violation as the regulation words it (引起投诉的, 记录不完整…).
    pub description_zh: String,
    /// An English description for statements; the id is used when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description_en: Option<String>,
    /// The fine of the responsible person (责任人); default 0.
    #[serde(default)]
    pub responsible: Money,
    /// The fine of the responsible person's supervisor (主管); default 0.
    #[serde(default)]
    pub supervisor: Money,
    /// Whether the fines are charged per item (每项) rather than per
    /// occurrence; default false.
    #[serde(default)]
    pub per_item: bool,
    /// Custom sanctions (ids of `custom_sanctions`) each occurrence brings,
    /// reported as outcomes of the responsible person (schema 2; S30:
    /// 未及时提交工单 → 责令下机学习).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub outcomes: Vec<CustomSanctionId>,
    /// The administrative sanctions the violation may bring, for a
    /// regulation that leaves the choice to the severity (schema 2; S41
    /// 5.6.4 「依情节轻重予以行政处分」): a sanction fact citing this
    /// violation must be one of them. Empty: any sanction.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sanctions: Vec<SanctionKind>,
}

/// The monthly complaint-count ladder: tiers are exclusive, the highest tier
/// reached applies (ruling 8 in docs/rulings.md).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CountLadder {
    /// The counting window; the month by default (当月).
    #[serde(default)]
    pub window: CountWindow,
    /// The tiers, in ascending order of `min_count` (a tier that requires
    /// 情节严重 comes after the plain tier with the same count).
    pub tiers: Vec<CountTier>,
}

/// The window complaints are counted in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum CountWindow {
    /// The calendar month of the statement (当月).
    #[default]
    Month,
}

/// One tier of a [`CountLadder`]. Its amount and outcomes are the whole
/// consequence of reaching it: lower tiers do not stack under it, so a tier
/// that should keep a lower tier's fine repeats it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CountTier {
    /// The least number of complaints in the window that reaches the tier
    /// (inclusive: S43's 「超过3次(含)」 is 3).
    pub min_count: u32,
    /// The fine (负激励); default 0.
    #[serde(default)]
    pub amount: Money,
    /// Non-monetary outcomes (公开批评 `public_criticism`, 辞退 `dismissal`, ...),
    /// reported on the statement.
    #[serde(default)]
    pub outcomes: Vec<SanctionKind>,
    /// Whether the tier also needs the month to be judged serious (情节严重).
    #[serde(default)]
    pub requires_serious: bool,
    /// The regulation's wording, for statements.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description_zh: Option<String>,
}

/// The year-end reward for staff without complaints in the year (年终评比).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct YearlyReward {
    /// The reward; absent when the regulation leaves it to management
    /// (S43: 「一定奖励」), in which case the reward is reported without an
    /// amount.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<Money>,
    /// The regulation's wording, for statements.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description_zh: Option<String>,
}

/// The monthly cap on deductions from a person's efficiency bonus.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MonthlyCap {
    /// The most that may be deducted in a month, as a percentage (0 to 100)
    /// of the month's bonus; default 50 (S41 5.9.4). The excess is carried to
    /// later months and deducted there under the same cap (逐月分期罚扣).
    #[serde(default = "fifty", with = "tousu_model::decimal_text")]
    #[schemars(with = "String")]
    pub percent: Decimal,
    /// Sanctions whose money value is deducted in full (up to the bonus)
    /// without counting against the cap; none by default. The whole-bonus
    /// rule ([`SanctionRules::whole_bonus`]) always bypasses the cap.
    #[serde(default)]
    pub bypass: BTreeSet<SanctionKind>,
}

impl Default for MonthlyCap {
    fn default() -> Self {
        MonthlyCap {
            percent: fifty(),
            bypass: BTreeSet::new(),
        }
    }
}

fn fifty() -> Decimal {
    Decimal::from(50)
}

/// Administrative sanctions (行政罚扣折算).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SanctionRules {
    /// The money value of one sanction of each kind (警告, 小过, 大过 ...).
    /// A sanction without a value is still reported, as a non-monetary
    /// outcome. Values of rewards (嘉奖 `commendation`, 记功 `merit`) are paid,
    /// not deducted.
    #[serde(default)]
    pub values: BTreeMap<SanctionKind, Money>,
    /// 「大过两次以上者,当月效益奖金全额罚扣」: none by default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub whole_bonus: Option<WholeBonusRule>,
}

/// N or more sanctions of a kind in a month take the whole month's bonus, in
/// full and regardless of the cap (ruling 9 in docs/rulings.md); the sanctions' own values
/// are then not charged, and carried instalments wait for the next month.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct WholeBonusRule {
    /// The sanction counted; default `major_demerit` (大过).
    #[serde(default = "major_demerit")]
    pub sanction: SanctionKind,
    /// How many in the month trigger the rule; default 2 (两次以上, inclusive).
    #[serde(default = "two")]
    pub min_count: u32,
}

impl Default for WholeBonusRule {
    fn default() -> Self {
        WholeBonusRule {
            sanction: major_demerit(),
            min_count: two(),
        }
    }
}

fn major_demerit() -> SanctionKind {
    SanctionKind::MajorDemerit
}

fn two() -> u32 {
    2
}

/// How losses (损失金额) are split among people.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LossRules {
    /// How a department's amount is split among its staff; by base points by
    /// default (S41 5.9.3).
    #[serde(default)]
    pub department_split: SplitRule,
    /// Who bears a loss no unit is responsible for; the whole team, equally,
    /// by default (S41 5.8.1).
    #[serde(default)]
    pub unattributed: UnattributedRule,
    /// What to do with a loss finer than a fen: reject it (the default) or
    /// round it with [`PenaltySchedule::rounding`]. Never truncated.
    #[serde(default)]
    pub sub_fen: SubFenRule,
    /// A fine scaled by the loss (schema 2), charged instead of the loss
    /// itself and split among those who bear the loss as the loss would be
    /// (S44 罚则 1 「依照投诉所造成的损失大小…进行责任处罚」). Absent: the whole
    /// loss is charged.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scaled: Option<LossScale>,
    /// How some departments' losses are borne instead of by
    /// `department_split` (schema 2, ruling 127): the first rule one of
    /// whose roles a member of the department (or of one below it) holds
    /// decides. S41 splits a sales department's loss by base points (5.9.3)
    /// but lowers a production department's 绩效 scores instead (5.9.5.1),
    /// which is no money. Empty: every department by `department_split`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub departments: Vec<DepartmentLossRule>,
}

/// How the losses of the departments whose staff hold some roles are borne
/// (`penalties.losses.departments`, ruling 127).
///
/// ```toml
/// # S41 5.9.5.1「归属至部门的,依“客户投诉罚扣标准”计扣该部门所有人员绩效,分数进行分滩下调」:
/// # a production department's own loss lowers scores, not bonuses.
/// [[penalties.losses.departments]]
/// roles = ["production"]
/// split = "not_money"
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DepartmentLossRule {
    /// The departments it is said of: those a member of which (in the
    /// department or one below it) holds one of these roles.
    pub roles: Vec<RoleId>,
    /// How such a department's loss, or its part of a shared loss, is borne.
    pub split: DepartmentLossSplit,
    /// A note for people (the clause).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// How a department's loss is borne under a [`DepartmentLossRule`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum DepartmentLossSplit {
    /// Among its staff by base points (基点数).
    BasePoints,
    /// Among its staff equally.
    Equal,
    /// Not as money: the statements refuse such a loss, naming the rule
    /// (S41 5.9.5.1: the department's 绩效 scores are lowered instead).
    NotMoney,
}

/// A fine that is a percentage of a loss, within bounds:
/// `min(max(loss × percent ÷ 100, min), max)`, the product rounded to the fen
/// with the schedule's `rounding`, and never more than the loss itself.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LossScale {
    /// The percentage of the loss (0 to 100), as a string (`"10"`, `"2.5"`).
    #[serde(with = "tousu_model::decimal_text")]
    #[schemars(with = "String")]
    pub percent: Decimal,
    /// The least fine for a loss; default none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<Money>,
    /// The most; default none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<Money>,
    /// The regulation's wording, for statements.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description_zh: Option<String>,
}

/// How an amount is split among the staff of a group.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum SplitRule {
    /// In proportion to base points (基点数): `amount ÷ total points × own points`.
    #[default]
    BasePoints,
    /// Equally per person.
    Equal,
}

/// Who bears an unattributed loss.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum UnattributedRule {
    /// Everyone on the roster (or in the department the loss names as its
    /// scope), equally (全车间).
    #[default]
    WholeTeamEqually,
    /// Everyone on the roster (or in the scope department), by base points.
    WholeTeamByBasePoints,
}

/// What to do with an amount finer than a fen.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum SubFenRule {
    /// An error naming the amount (the default).
    #[default]
    Reject,
    /// Rounded to the fen with the schedule's rounding mode.
    Round,
}

impl PenaltySchedule {
    /// Checks the tables against the policy's `levels`; every problem has a
    /// path under `penalties` (e.g. `penalties.overtime.major`). Empty when
    /// the schedule is sound.
    ///
    /// Checked: no negative amount; the cap percent within 0–100; overtime
    /// levels known to the policy (per milestone too, each entry giving a
    /// fine); violation descriptions and custom sanction names not blank;
    /// violation outcomes defined under `custom_sanctions`; count tiers
    /// ascending, with a `min_count` of at least 1; a whole-bonus
    /// `min_count` of at least 1; a loss scale's percent within 0–100 and
    /// its `min` not above its `max`. (Milestone ids are checked by the
    /// policy, which knows its milestones.)
    pub fn validate(&self, levels: &[LevelId]) -> Vec<Problem> {
        self.validate_at("penalties", levels)
    }

    /// As [`PenaltySchedule::validate`], with paths under `prefix` (e.g. `""`
    /// for a schedule file of its own).
    pub fn validate_at(&self, prefix: &str, levels: &[LevelId]) -> Vec<Problem> {
        let mut s = Sink {
            prefix,
            out: Vec::new(),
        };
        check_overtime(self, levels, &mut s);
        check_violations(self, &mut s);
        check_loss_scale(self, &mut s);
        check_department_rules(self, &mut s);
        check_the_rest(self, &mut s);
        s.out
    }
}

/// Problems found in a schedule, with paths under a prefix.
struct Sink<'p> {
    prefix: &'p str,
    out: Vec<Problem>,
}

impl Sink<'_> {
    /// `rest` under the prefix.
    fn at(&self, rest: &str) -> String {
        if self.prefix.is_empty() {
            rest.to_owned()
        } else {
            format!("{}.{rest}", self.prefix)
        }
    }

    /// A problem when a fine is negative.
    fn negative(&mut self, path: String, m: Money) {
        if m.is_negative() {
            self.out.push(Problem::new(
                path,
                format!("{} is negative; a fine is 0 or more", m.to_plain_string()),
            ));
        }
    }
}

/// The overtime fines: by level, and a milestone's own.
fn check_overtime(schedule: &PenaltySchedule, levels: &[LevelId], s: &mut Sink<'_>) {
    for (level, fine) in &schedule.overtime {
        let path = s.at(&format!("overtime.{level}"));
        if !levels.contains(level) {
            s.out.push(unknown_level(path.clone(), level, levels));
        }
        s.negative(path, *fine);
    }
    for (milestone, entry) in &schedule.overtime_by_milestone {
        let base = format!("overtime_by_milestone.{milestone}");
        for (level, fine) in &entry.levels {
            let path = s.at(&format!("{base}.levels.{level}"));
            if !levels.contains(level) {
                s.out.push(unknown_level(path.clone(), level, levels));
            }
            s.negative(path, *fine);
        }
        if let Some(amount) = entry.amount {
            s.negative(s.at(&format!("{base}.amount")), amount);
        }
        if entry.amount.is_none() && entry.levels.is_empty() {
            s.out.push(Problem::new(
                s.at(&base),
                "gives no fine; write `amount = \"30\"` or fines under `levels`",
            ));
        }
    }
}

/// Custom sanctions and the violation table.
fn check_violations(schedule: &PenaltySchedule, s: &mut Sink<'_>) {
    for (id, c) in &schedule.custom_sanctions {
        if c.name_zh.trim().is_empty() {
            s.out.push(Problem::new(
                s.at(&format!("custom_sanctions.{id}.name_zh")),
                "is blank; give the regulation's wording (责令下机学习)",
            ));
        }
    }
    for (id, v) in &schedule.violations {
        let base = format!("violations.{id}");
        if v.description_zh.trim().is_empty() {
            s.out.push(Problem::new(
                s.at(&format!("{base}.description_zh")),
                "is blank; give the regulation's wording",
            ));
        }
        s.negative(s.at(&format!("{base}.responsible")), v.responsible);
        s.negative(s.at(&format!("{base}.supervisor")), v.supervisor);
        for (k, o) in v.outcomes.iter().enumerate() {
            if !schedule.custom_sanctions.contains_key(o) {
                let known: Vec<&str> = schedule
                    .custom_sanctions
                    .keys()
                    .map(CustomSanctionId::as_str)
                    .collect();
                s.out.push(Problem::new(
                    s.at(&format!("{base}.outcomes[{k}]")),
                    format!(
                        "{:?} is not a custom sanction of the schedule; define it under `custom_sanctions` (known: {})",
                        o.as_str(),
                        if known.is_empty() { "none".to_owned() } else { known.join(", ") }
                    ),
                ));
            }
        }
    }
}

/// Each department rule names a role, each once. (That the roles are the
/// policy's is checked by the policy, which knows them.)
fn check_department_rules(schedule: &PenaltySchedule, s: &mut Sink<'_>) {
    for (k, rule) in schedule.losses.departments.iter().enumerate() {
        let base = format!("losses.departments[{k}].roles");
        if rule.roles.is_empty() {
            s.out.push(Problem::new(
                s.at(&base),
                "is empty, so the rule is said of no department; name the roles whose departments it governs (e.g. [\"production\"])",
            ));
        }
        for (j, role) in rule.roles.iter().enumerate() {
            if rule.roles.iter().take(j).any(|r| r == role) {
                s.out.push(Problem::new(
                    s.at(&format!("{base}[{j}]")),
                    format!("{role} is listed twice; list it once"),
                ));
            }
        }
    }
}

/// A fine scaled by the loss: a percentage, bounds in order.
fn check_loss_scale(schedule: &PenaltySchedule, s: &mut Sink<'_>) {
    if let Some(scale) = &schedule.losses.scaled {
        let base = "losses.scaled";
        if scale.percent.is_sign_negative() && !scale.percent.is_zero()
            || scale.percent > Decimal::ONE_HUNDRED
        {
            s.out.push(Problem::new(
                s.at(&format!("{base}.percent")),
                format!(
                    "{} is outside 0 to 100; expected a percentage of the loss such as \"10\"",
                    scale.percent
                ),
            ));
        }
        if let Some(m) = scale.min {
            s.negative(s.at(&format!("{base}.min")), m);
        }
        if let Some(m) = scale.max {
            s.negative(s.at(&format!("{base}.max")), m);
        }
        if let (Some(lo), Some(hi)) = (scale.min, scale.max)
            && lo > hi
        {
            s.out.push(Problem::new(
                s.at(&format!("{base}.min")),
                format!(
                    "{} is above max {}; the least fine cannot exceed the most",
                    lo.to_plain_string(),
                    hi.to_plain_string()
                ),
            ));
        }
    }
}

/// The count ladder, the yearly reward, the cap and the sanctions.
fn check_the_rest(schedule: &PenaltySchedule, s: &mut Sink<'_>) {
    if let Some(ladder) = &schedule.count_ladder {
        let mut prev: Option<(u32, bool)> = None;
        for (i, t) in ladder.tiers.iter().enumerate() {
            let base = format!("count_ladder.tiers[{i}]");
            if t.min_count == 0 {
                s.out.push(Problem::new(
                    s.at(&format!("{base}.min_count")),
                    "is 0, which every person reaches; use 1 or more",
                ));
            }
            let key = (t.min_count, t.requires_serious);
            if let Some(p) = prev
                && key <= p
            {
                s.out.push(Problem::new(
                    s.at(&format!("{base}.min_count")),
                    format!(
                        "tiers must ascend: {} (requires_serious {}) does not come after {} (requires_serious {})",
                        key.0, key.1, p.0, p.1
                    ),
                ));
            }
            prev = Some(key);
            s.negative(s.at(&format!("{base}.amount")), t.amount);
        }
    }
    if let Some(reward) = &schedule.yearly_reward
        && let Some(amount) = reward.amount
        && amount.is_negative()
    {
        s.out.push(Problem::new(
            s.at("yearly_reward.amount"),
            format!(
                "{} is negative; a reward is 0 or more",
                amount.to_plain_string()
            ),
        ));
    }
    if schedule.cap.percent.is_sign_negative() && !schedule.cap.percent.is_zero()
        || schedule.cap.percent > Decimal::ONE_HUNDRED
    {
        s.out.push(Problem::new(
            s.at("cap.percent"),
            format!(
                "{} is outside 0 to 100; expected a percentage such as \"50\"",
                schedule.cap.percent
            ),
        ));
    }
    for (kind, value) in &schedule.sanctions.values {
        s.negative(s.at(&format!("sanctions.values.{kind}")), *value);
    }
    if let Some(rule) = &schedule.sanctions.whole_bonus
        && rule.min_count == 0
    {
        s.out.push(Problem::new(
            s.at("sanctions.whole_bonus.min_count"),
            "is 0, which every person reaches; use 1 or more (S41: 2)",
        ));
    }
}

fn unknown_level(path: String, level: &LevelId, levels: &[LevelId]) -> Problem {
    let known: Vec<&str> = levels.iter().map(LevelId::as_str).collect();
    Problem::new(
        path,
        format!(
            "{:?} is not a level of the policy; known levels: {}",
            level.as_str(),
            known.join(", ")
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn level(s: &str) -> LevelId {
        LevelId::new(s).unwrap()
    }

    #[test]
    fn empty_schedule_is_valid_with_stated_defaults() {
        let s: PenaltySchedule = serde_json::from_str("{}").unwrap();
        assert_eq!(s, PenaltySchedule::default());
        assert_eq!(s.cap.percent, Decimal::from(50));
        assert_eq!(s.overtime_charge, OvertimeCharge::PerMilestonePerRound);
        assert!(s.validate(&[]).is_empty());
    }

    #[test]
    fn unknown_fields_are_rejected() {
        let err = serde_json::from_str::<PenaltySchedule>(r#"{"overtme": {}}"#).unwrap_err();
        assert!(err.to_string().contains("unknown field"), "{err}");
        let err =
            serde_json::from_str::<PenaltySchedule>(r#"{"cap": {"percent": 50.0}}"#).unwrap_err();
        assert!(err.to_string().contains("floating-point"), "{err}");
    }

    #[test]
    fn validation_reports_paths() {
        let s: PenaltySchedule = toml::from_str(
            r#"
            [overtime]
            major = "-1"
            crisis = "80"
            [violations.caused_complaint]
            description_zh = " "
            responsible = "50"
            supervisor = "-20"
            [count_ladder]
            tiers = [
              { min_count = 4, amount = "300" },
              { min_count = 3, amount = "200" },
              { min_count = 0 },
            ]
            [cap]
            percent = "150"
            [sanctions.values]
            warning = "-5"
            [sanctions.whole_bonus]
            min_count = 0
            "#,
        )
        .unwrap();
        let paths: Vec<String> = s
            .validate(&[level("major")])
            .into_iter()
            .map(|p| p.path)
            .collect();
        assert_eq!(
            paths,
            [
                "penalties.overtime.crisis",
                "penalties.overtime.major",
                "penalties.violations.caused_complaint.description_zh",
                "penalties.violations.caused_complaint.supervisor",
                "penalties.count_ladder.tiers[1].min_count",
                "penalties.count_ladder.tiers[2].min_count",
                "penalties.count_ladder.tiers[2].min_count",
                "penalties.cap.percent",
                "penalties.sanctions.values.warning",
                "penalties.sanctions.whole_bonus.min_count",
            ]
        );
    }

    #[test]
    fn extensions_validate_with_paths() {
        let s: PenaltySchedule = toml::from_str(
            r#"
            [overtime_by_milestone.dispatch]
            levels = { major = "-30", crisis = "10" }
            [overtime_by_milestone.report]
            [custom_sanctions.off_line]
            name_zh = " "
            [violations.late]
            description_zh = "未及时提交工单"
            outcomes = ["off_line", "retraining"]
            [losses]
            scaled = { percent = "-1", min = "-5" }
            "#,
        )
        .unwrap();
        let paths: Vec<String> = s
            .validate(&[level("major")])
            .into_iter()
            .map(|p| p.path)
            .collect();
        assert_eq!(
            paths,
            [
                "penalties.overtime_by_milestone.dispatch.levels.crisis",
                "penalties.overtime_by_milestone.dispatch.levels.major",
                "penalties.overtime_by_milestone.report",
                "penalties.custom_sanctions.off_line.name_zh",
                "penalties.violations.late.outcomes[1]",
                "penalties.losses.scaled.percent",
                "penalties.losses.scaled.min",
            ]
        );
        let fine = MilestoneFine {
            amount: Some(Money::from_fen(3000)),
            levels: BTreeMap::from([(level("major"), Money::from_fen(5000))]),
        };
        assert_eq!(fine.fine(&level("major")), Some(Money::from_fen(5000)));
        assert_eq!(fine.fine(&level("minor")), Some(Money::from_fen(3000)));
    }

    #[test]
    fn serious_tier_may_share_a_count_after_the_plain_tier() {
        let s: PenaltySchedule = serde_json::from_str(
            r#"{"count_ladder": {"tiers": [
                {"min_count": 5, "amount": "300"},
                {"min_count": 5, "amount": "300", "requires_serious": true, "outcomes": ["dismissal"]}
            ]}}"#,
        )
        .unwrap();
        assert!(s.validate(&[]).is_empty());
    }

    #[test]
    fn round_trips_through_json() {
        let s: PenaltySchedule = toml::from_str(
            r#"
            overtime_charge = "once_per_case"
            [overtime]
            "不满意" = "20"
            [violations.record_incomplete]
            description_zh = "记录不完整"
            responsible = "30"
            per_item = true
            [sanctions]
            values = { warning = "50", "小过" = "100" }
            whole_bonus = {}
            "#,
        )
        .unwrap();
        assert_eq!(s.sanctions.whole_bonus, Some(WholeBonusRule::default()));
        assert_eq!(
            s.sanctions.values[&SanctionKind::MinorDemerit],
            Money::from_fen(10_000)
        );
        let json = serde_json::to_string(&s).unwrap();
        let back: PenaltySchedule = serde_json::from_str(&json).unwrap();
        assert_eq!(back, s);
        assert!(ViolationId::new("two words").is_err());
    }
}
