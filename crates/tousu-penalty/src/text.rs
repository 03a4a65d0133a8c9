//! The text of statement lines and outcomes, shared and written when read.
//!
//! A month-end run for a large organization writes hundreds of thousands of
//! lines. Their rule ids and case ids are shared ([`Arc<str>`], [`Cases`]):
//! the 20 lines of a team's loss split hold one rule and one case id. Their
//! explanations ([`Explanation`]) keep what produced them (the breach, the
//! violation, the loss and the party's share, the group split and the
//! person's base points, the settlement's amounts, or text written when
//! charged)
//! and are written when displayed or serialized, so a line owns no string of
//! its own. Serialized, a line is exactly the document it always was: the
//! text in `explanation_zh` and `explanation_en`; read back, the text is kept
//! as it was read.

use std::fmt::{self, Display};
use std::ops::Deref;
use std::sync::Arc;

use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use tousu_model::{CaseId, LevelId, Money, SanctionKind, StaffId};
use tousu_policy::MilestoneId;

/// The cases a line or outcome concerns, sorted; shared between the lines
/// and outcomes that cite the same list (a person's count-ladder line and
/// outcomes hold one list). Reads as a slice; serialized as a list of ids.
#[derive(Clone, Default)]
pub struct Cases(CasesRepr);

#[derive(Clone, Default)]
enum CasesRepr {
    #[default]
    None,
    One(CaseId),
    Many(Arc<[CaseId]>),
}

impl Cases {
    /// No cases.
    pub const fn new() -> Cases {
        Cases(CasesRepr::None)
    }

    /// The cases as a slice.
    pub fn as_slice(&self) -> &[CaseId] {
        match &self.0 {
            CasesRepr::None => &[],
            CasesRepr::One(c) => std::slice::from_ref(c),
            CasesRepr::Many(cs) => cs,
        }
    }
}

impl Cases {
    /// The cases cloned from borrowed ids, in one allocation of the exact
    /// size (a slice iterator knows its length).
    pub(crate) fn cloned(cases: &[&CaseId]) -> Cases {
        match cases {
            [] => Cases::new(),
            [one] => Cases::from((*one).clone()),
            many => Cases(CasesRepr::Many(many.iter().map(|&c| c.clone()).collect())),
        }
    }
}

impl Deref for Cases {
    type Target = [CaseId];

    fn deref(&self) -> &[CaseId] {
        self.as_slice()
    }
}

impl From<CaseId> for Cases {
    fn from(case: CaseId) -> Cases {
        Cases(CasesRepr::One(case))
    }
}

impl From<Option<CaseId>> for Cases {
    fn from(case: Option<CaseId>) -> Cases {
        case.map_or_else(Cases::new, Cases::from)
    }
}

impl From<Vec<CaseId>> for Cases {
    fn from(mut cases: Vec<CaseId>) -> Cases {
        match cases.len() {
            0 => Cases::new(),
            1 => cases.pop().map_or_else(Cases::new, Cases::from),
            _ => Cases(CasesRepr::Many(cases.into())),
        }
    }
}

impl FromIterator<CaseId> for Cases {
    fn from_iter<I: IntoIterator<Item = CaseId>>(iter: I) -> Cases {
        Cases::from(iter.into_iter().collect::<Vec<_>>())
    }
}

impl PartialEq for Cases {
    fn eq(&self, other: &Cases) -> bool {
        self.as_slice() == other.as_slice()
    }
}

impl Eq for Cases {}

impl PartialOrd for Cases {
    fn partial_cmp(&self, other: &Cases) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Cases {
    fn cmp(&self, other: &Cases) -> std::cmp::Ordering {
        self.as_slice().cmp(other.as_slice())
    }
}

impl fmt::Debug for Cases {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.as_slice()).finish()
    }
}

impl Serialize for Cases {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.as_slice())
    }
}

impl<'de> Deserialize<'de> for Cases {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Cases, D::Error> {
        Vec::<CaseId>::deserialize(deserializer).map(Cases::from)
    }
}

impl JsonSchema for Cases {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> std::borrow::Cow<'static, str> {
        <Vec<CaseId>>::schema_name()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        <Vec<CaseId>>::json_schema(generator)
    }
}

/// Why a line or outcome, in Chinese and English: [`zh`](Self::zh) and
/// [`en`](Self::en) write the text (`format!`, `to_string`, a `Write`).
/// Two explanations are equal when their texts are.
#[derive(Clone)]
pub struct Explanation(Repr);

#[derive(Clone)]
enum Repr {
    /// Written when charged (or read from a document).
    Text { zh: Box<str>, en: Box<str> },
    /// The same text on many lines (a count-ladder tier and count, the
    /// year-end reward): cloned by reference.
    Shared(Arc<(Box<str>, Box<str>)>),
    /// An overtime fine: what the breach says, its milestone and level
    /// shared with every breach of the same pair.
    Breach {
        kind: Arc<BreachText>,
        case: CaseId,
        round: u32,
    },
    /// A member's part of a group split: the split's shared text, the
    /// member's base points (for a split by base points) and the part.
    Share {
        group: Arc<ShareText>,
        points: Option<Arc<str>>,
        part: Money,
    },
    /// A party's part of a loss borne by responsibility shares: the loss's
    /// text shared by its parties, the party's share (`None`: the only
    /// party, borne in full) and the part.
    Part {
        loss: Arc<PartText>,
        share: Option<Decimal>,
        part: Money,
    },
    /// A violation's fine of the responsible person.
    Violation {
        kind: Arc<ViolationText>,
        case: Option<CaseId>,
        items: u32,
        amount: Money,
    },
    /// A sanction imposed (its outcome): the kind, the case and why — the
    /// violation and reason given, written when charged (few carry one).
    Sanction {
        kind: SanctionKind,
        case: Option<CaseId>,
        reason: Option<Arc<(Box<str>, Box<str>)>>,
    },
    /// A sanction's value charged or rewarded: the kind, the case, the value.
    SanctionValue {
        kind: SanctionKind,
        case: Option<CaseId>,
        value: Money,
    },
    /// A violation's fine of the supervisor of the responsible person.
    Supervisor {
        of: Arc<SupervisorText>,
        case: Option<CaseId>,
        amount: Money,
    },
    /// Settlement (`carry.in`): instalments carried in.
    CarriedIn(Money),
    /// Settlement (`cap`): the whole bonus was deducted; the rest (carried
    /// instalments included when `carried_in`) waits for the next month.
    WholeBonus { forward: Money, carried_in: bool },
    /// Settlement (`cap`): no bonus, so nothing could be deducted.
    NoBonus(Money),
    /// Settlement (`cap`): the cap of `percent` % of `bonus` (`cap`) left
    /// `forward` owed.
    Cap {
        percent: Arc<Percent>,
        bonus: Money,
        cap: Money,
        forward: Money,
    },
}

/// The cap's percentage as the schedule writes it (normalized), shared by
/// every statement's `cap` line (a thin pointer keeps lines small).
pub(crate) struct Percent(pub(crate) Box<str>);

/// What the overtime lines of one milestone and level say, but for the
/// case and round.
pub(crate) struct BreachText {
    pub(crate) milestone: MilestoneId,
    /// The policy's Chinese name of the milestone, for the Chinese text.
    pub(crate) milestone_zh: Option<Arc<str>>,
    pub(crate) level: LevelId,
    /// The policy's Chinese name of the level, for the Chinese text.
    pub(crate) level_zh: Option<Arc<str>>,
    pub(crate) fine: Money,
    pub(crate) once_per_case: bool,
    /// Whether the fine is the milestone's own
    /// (`penalties.overtime_by_milestone`), not the level table's.
    pub(crate) by_milestone: bool,
}

/// What the lines of a loss borne by responsibility shares say, but for
/// the party's share and part.
pub(crate) struct PartText {
    /// The loss: its case and amount (and how a scaled fine was reached).
    pub(crate) head: Head,
    /// The shares' total.
    pub(crate) total: Decimal,
}

/// What a violation's lines say, but for the case, the items and the
/// amount: one per rule of the schedule's table.
pub(crate) struct ViolationText {
    pub(crate) description_zh: Box<str>,
    pub(crate) description_en: Box<str>,
    /// The fine per item, when the rule fines per item.
    pub(crate) per_item: Option<Money>,
}

/// A supervisor's line of a violation: the rule's text and whose
/// supervisor is fined.
pub(crate) struct SupervisorText {
    pub(crate) kind: Arc<ViolationText>,
    pub(crate) name: Box<str>,
    pub(crate) id: StaffId,
}

/// The text every member's line of one group split shares: the loss's
/// head and what every split of the group says.
pub(crate) struct ShareText {
    pub(crate) head: Head,
    pub(crate) group: Arc<GroupText>,
}

/// A loss's head in Chinese and English in one allocation (the Chinese
/// text, then the English): what the lines of its parties or of its group
/// split begin with. Two texts would be two allocations per loss, and
/// more when a rule appends to them.
pub(crate) struct Head {
    text: String,
    /// Where the Chinese text ends.
    zh: usize,
}

impl Head {
    /// The pieces of each text joined, in an allocation of the exact size.
    pub(crate) fn new(zh: &[&str], en: &[&str]) -> Head {
        let len: usize = zh.iter().chain(en).map(|p| p.len()).sum();
        let mut text = String::with_capacity(len);
        zh.iter().for_each(|p| text.push_str(p));
        let zh = text.len();
        en.iter().for_each(|p| text.push_str(p));
        Head { text, zh }
    }

    /// This head with more pieces after each text, in an allocation of the
    /// exact size (a department's part of a loss).
    pub(crate) fn extended(&self, zh: &[&str], en: &[&str]) -> Head {
        let len: usize = self.text.len() + zh.iter().chain(en).map(|p| p.len()).sum::<usize>();
        let mut text = String::with_capacity(len);
        text.push_str(self.zh());
        zh.iter().for_each(|p| text.push_str(p));
        let zh = text.len();
        text.push_str(self.en());
        en.iter().for_each(|p| text.push_str(p));
        Head { text, zh }
    }

    /// Appends the pieces to each text (the Chinese ones moving the English
    /// text along: a few dozen bytes), growing the allocation once.
    pub(crate) fn push(&mut self, zh: &[&str], en: &[&str]) {
        self.text
            .reserve_exact(zh.iter().chain(en).map(|p| p.len()).sum());
        for p in zh {
            self.text.insert_str(self.zh, p);
            self.zh += p.len();
        }
        en.iter().for_each(|p| self.text.push_str(p));
    }

    /// The Chinese text.
    pub(crate) fn zh(&self) -> &str {
        self.text.get(..self.zh).unwrap_or_default()
    }

    /// The English text.
    pub(crate) fn en(&self) -> &str {
        self.text.get(self.zh..).unwrap_or_default()
    }
}

/// What every split of one group by one rule says, but for the loss: the
/// group's name, and the base-point total or the member count.
pub(crate) struct GroupText {
    pub(crate) name_zh: Box<str>,
    pub(crate) name_en: Box<str>,
    /// The base-point total (a split by base points) or the member count.
    pub(crate) total: Box<str>,
    pub(crate) by_points: bool,
}

impl Explanation {
    /// An explanation of the given texts.
    pub fn new(zh: impl Into<String>, en: impl Into<String>) -> Explanation {
        Explanation(Repr::Text {
            zh: zh.into().into_boxed_str(),
            en: en.into().into_boxed_str(),
        })
    }

    /// The same explanation, cheap to clone (for text many lines repeat).
    pub(crate) fn shared(self) -> Explanation {
        match self.0 {
            Repr::Text { zh, en } => Explanation(Repr::Shared(Arc::new((zh, en)))),
            other => Explanation(other),
        }
    }

    /// The text when it is held written out: (Chinese, English).
    fn written(&self) -> Option<(&str, &str)> {
        match &self.0 {
            Repr::Text { zh, en } => Some((zh, en)),
            Repr::Shared(t) => Some((&t.0, &t.1)),
            Repr::Breach { .. }
            | Repr::Share { .. }
            | Repr::Part { .. }
            | Repr::Violation { .. }
            | Repr::Supervisor { .. }
            | Repr::Sanction { .. }
            | Repr::SanctionValue { .. }
            | Repr::CarriedIn(_)
            | Repr::WholeBonus { .. }
            | Repr::NoBonus(_)
            | Repr::Cap { .. } => None,
        }
    }

    pub(crate) fn breach(kind: Arc<BreachText>, case: CaseId, round: u32) -> Explanation {
        Explanation(Repr::Breach { kind, case, round })
    }

    /// Why `carried_in` is owed this month (`carry.in`).
    pub(crate) fn carried_in(carried_in: Money) -> Explanation {
        Explanation(Repr::CarriedIn(carried_in))
    }

    /// Why `forward` waits for later months (`cap`): the whole bonus taken
    /// (`carried_in`: instalments were carried in), or no bonus, or the cap
    /// of `percent` % of `bonus`, which is `cap`.
    pub(crate) fn carried_forward(
        forward: Money,
        whole_bonus: Option<bool>,
        percent: &Arc<Percent>,
        bonus: Money,
        cap: Money,
    ) -> Explanation {
        Explanation(match whole_bonus {
            Some(carried_in) => Repr::WholeBonus {
                forward,
                carried_in,
            },
            None if bonus.is_zero() => Repr::NoBonus(forward),
            None => Repr::Cap {
                percent: percent.clone(),
                bonus,
                cap,
                forward,
            },
        })
    }

    /// A party's `part` of a loss by its `share` (`None`: borne in full).
    pub(crate) fn part(loss: Arc<PartText>, share: Option<Decimal>, part: Money) -> Self {
        Explanation(Repr::Part { loss, share, part })
    }

    /// A violation's fine of the responsible person.
    pub(crate) fn violation(
        kind: Arc<ViolationText>,
        case: Option<CaseId>,
        items: u32,
        amount: Money,
    ) -> Self {
        Explanation(Repr::Violation {
            kind,
            case,
            items,
            amount,
        })
    }

    /// A violation's fine of the supervisor.
    pub(crate) fn supervisor(of: Arc<SupervisorText>, case: Option<CaseId>, amount: Money) -> Self {
        Explanation(Repr::Supervisor { of, case, amount })
    }

    /// A sanction imposed, and why when the fact says (Chinese, English:
    /// `：违反 …` / `: violation …`).
    pub(crate) fn sanction(
        kind: SanctionKind,
        case: Option<CaseId>,
        reason: Option<(String, String)>,
    ) -> Self {
        let reason = reason.map(|(zh, en)| Arc::new((zh.into_boxed_str(), en.into_boxed_str())));
        Explanation(Repr::Sanction { kind, case, reason })
    }

    /// A sanction's value, charged or rewarded.
    pub(crate) fn sanction_value(kind: SanctionKind, case: Option<CaseId>, value: Money) -> Self {
        Explanation(Repr::SanctionValue { kind, case, value })
    }

    pub(crate) fn share(group: Arc<ShareText>, points: Option<Arc<str>>, part: Money) -> Self {
        Explanation(Repr::Share {
            group,
            points,
            part,
        })
    }

    /// The Chinese text.
    pub fn zh(&self) -> impl Display + '_ {
        Lang(self, false)
    }

    /// The English text.
    pub fn en(&self) -> impl Display + '_ {
        Lang(self, true)
    }

    /// Writes the text in Chinese (`en == false`) or English.
    fn write(&self, out: &mut impl fmt::Write, en: bool) -> fmt::Result {
        if let Some((zh, e)) = self.written() {
            return out.write_str(if en { e } else { zh });
        }
        match &self.0 {
            Repr::Text { .. } | Repr::Shared(_) => Ok(()),
            Repr::Breach { kind, case, round } => write_breach(out, kind, case, *round, en),
            Repr::Share {
                group,
                points,
                part,
            } => write_share(out, group, points.as_deref(), *part, en),
            Repr::Part { loss, share, part } => write_part(out, loss, share.as_ref(), *part, en),
            Repr::Violation {
                kind,
                case,
                items,
                amount,
            } => write_violation(out, kind, case.as_ref(), *items, *amount, en),
            Repr::Supervisor { of, case, amount } => {
                write_supervisor(out, of, case.as_ref(), *amount, en)
            }
            Repr::Sanction { kind, case, reason } => {
                write_sanction(out, *kind, case.as_ref(), en)?;
                match reason {
                    Some(r) => out.write_str(if en { &r.1 } else { &r.0 }),
                    None => Ok(()),
                }
            }
            Repr::SanctionValue { kind, case, value } => {
                if en {
                    out.write_str("One ")?;
                }
                write_sanction(out, *kind, case.as_ref(), en)?;
                let value = Digits::money(*value);
                let parts = if en {
                    [", valued at ¥", value.as_str(), ""]
                } else {
                    ["，折算 ", value.as_str(), " 元"]
                };
                parts.iter().try_for_each(|p| out.write_str(p))
            }
            Repr::CarriedIn(m) => {
                let m = Digits::money(*m);
                let parts = if en {
                    [
                        "Instalments carried in from earlier months: ¥",
                        m.as_str(),
                        "",
                    ]
                } else {
                    ["上期结转未扣 ", m.as_str(), " 元计入本月应扣"]
                };
                parts.iter().try_for_each(|p| out.write_str(p))
            }
            Repr::WholeBonus {
                forward,
                carried_in,
            } => {
                let fwd = Digits::money(*forward);
                let parts = match (en, carried_in) {
                    (false, _) => [
                        "本月效益奖金已全额罚扣，其余 ",
                        fwd.as_str(),
                        " 元",
                        if *carried_in {
                            "（含上期结转）"
                        } else {
                            ""
                        },
                        "顺延至下月起逐月分期扣除",
                    ],
                    (true, _) => [
                        "The whole bonus was deducted this month; the other ¥",
                        fwd.as_str(),
                        if *carried_in {
                            " (carried instalments included)"
                        } else {
                            ""
                        },
                        " waits for the next month",
                        "",
                    ],
                };
                parts.iter().try_for_each(|p| out.write_str(p))
            }
            Repr::NoBonus(forward) => {
                let fwd = Digits::money(*forward);
                let parts = if en {
                    [
                        "No monthly bonus: nothing can be deducted this month; ¥",
                        fwd.as_str(),
                        " is carried forward",
                    ]
                } else {
                    [
                        "无月度效益奖金，本月无法扣款，",
                        fwd.as_str(),
                        " 元全部结转下月",
                    ]
                };
                parts.iter().try_for_each(|p| out.write_str(p))
            }
            Repr::Cap {
                percent,
                bonus,
                cap,
                forward,
            } => {
                let (bonus, cap, fwd) = (
                    Digits::money(*bonus),
                    Digits::money(*cap),
                    Digits::money(*forward),
                );
                let percent = &*percent.0;
                let parts = if en {
                    [
                        "Deductions are capped at ",
                        percent,
                        "% of the bonus ¥",
                        bonus.as_str(),
                        ", i.e. ¥",
                        cap.as_str(),
                        "; the excess ¥",
                        fwd.as_str(),
                        " is carried forward as monthly instalments",
                    ]
                } else {
                    [
                        "本月扣款上限为效益奖金 ",
                        bonus.as_str(),
                        " 元的 ",
                        percent,
                        "%，即 ",
                        cap.as_str(),
                        " 元；超出的 ",
                        fwd.as_str(),
                        " 元顺延至下月逐月分期扣除",
                    ]
                };
                parts.iter().try_for_each(|p| out.write_str(p))
            }
        }
    }

    /// The text as a `String` (for comparing and ordering).
    pub(crate) fn text(&self, en: bool) -> std::borrow::Cow<'_, str> {
        match self.written() {
            Some((zh, e)) => std::borrow::Cow::Borrowed(if en { e } else { zh }),
            None => {
                let mut s = String::new();
                let _ = self.write(&mut s, en);
                std::borrow::Cow::Owned(s)
            }
        }
    }
}

struct Lang<'a>(&'a Explanation, bool);

impl Display for Lang<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.write(f, self.1)
    }
}

impl Serialize for Lang<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.0.written() {
            Some((zh, en)) => serializer.serialize_str(if self.1 { en } else { zh }),
            None => serializer.collect_str(self),
        }
    }
}

impl Explanation {
    /// The text in one language, serializable as a string without building it.
    pub(crate) fn serialize_as(&self, en: bool) -> impl Serialize + '_ {
        Lang(self, en)
    }
}

impl PartialEq for Explanation {
    fn eq(&self, other: &Explanation) -> bool {
        self.text(false) == other.text(false) && self.text(true) == other.text(true)
    }
}

impl Eq for Explanation {}

impl fmt::Debug for Explanation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Explanation")
            .field("zh", &self.text(false))
            .field("en", &self.text(true))
            .finish()
    }
}

/// A number as decimal text, on the stack: what `Display` writes, without the
/// formatting machinery or a heap allocation.
pub(crate) struct Digits {
    // Room for a u64 with 28 decimals: a sign, "0.", 28 digits.
    buf: [u8; 40],
    start: usize,
}

impl Digits {
    fn empty() -> Digits {
        Digits {
            buf: [0; 40],
            start: 40,
        }
    }

    fn push_front(&mut self, b: u8) {
        if let Some(i) = self.start.checked_sub(1)
            && let Some(slot) = self.buf.get_mut(i)
        {
            *slot = b;
            self.start = i;
        }
    }

    fn push_front_u64(&mut self, mut n: u64) {
        loop {
            self.push_front(ascii_digit(n));
            n /= 10;
            if n == 0 {
                break;
            }
        }
    }

    /// `n` as `Display` writes it.
    pub(crate) fn uint(n: u64) -> Digits {
        let mut d = Digits::empty();
        d.push_front_u64(n);
        d
    }

    /// `m` as [`Money::to_plain_string`] writes it: `1234.50`, `-3.00`.
    pub(crate) fn money(m: Money) -> Digits {
        let fen = m.fen();
        let abs = fen.unsigned_abs();
        let mut d = Digits::empty();
        d.push_front(ascii_digit(abs));
        d.push_front(ascii_digit(abs / 10));
        d.push_front(b'.');
        d.push_front_u64(abs / 100);
        if fen < 0 {
            d.push_front(b'-');
        }
        d
    }

    /// `d` normalized, as `Display` writes it (`0.6`, `60`, `-1.25`); `None`
    /// when its mantissa does not fit in a u64 (the caller formats it).
    pub(crate) fn decimal(d: Decimal) -> Option<Digits> {
        let d = d.normalize();
        let mut n = u64::try_from(d.mantissa().unsigned_abs()).ok()?;
        let mut out = Digits::empty();
        if d.scale() > 0 {
            for _ in 0..d.scale() {
                out.push_front(ascii_digit(n));
                n /= 10;
            }
            out.push_front(b'.');
        }
        out.push_front_u64(n);
        if d.mantissa() < 0 {
            out.push_front(b'-');
        }
        Some(out)
    }

    pub(crate) fn as_str(&self) -> &str {
        self.buf
            .get(self.start..)
            .and_then(|b| std::str::from_utf8(b).ok())
            .unwrap_or_default()
    }
}

/// The last decimal digit of `n`, in ASCII.
fn ascii_digit(n: u64) -> u8 {
    b'0' + u8::try_from(n % 10).unwrap_or(0)
}

/// A decimal as `Display` writes it normalized (`0.6`, `60`), on the stack
/// where its mantissa fits in a u64.
fn write_decimal(out: &mut impl fmt::Write, d: Decimal) -> fmt::Result {
    match Digits::decimal(d) {
        Some(t) => out.write_str(t.as_str()),
        None => write!(out, "{}", d.normalize()),
    }
}

/// A member's share of a loss split over a group, by base points or equally.
fn write_share(
    out: &mut impl fmt::Write,
    group: &ShareText,
    points: Option<&str>,
    part: Money,
    en: bool,
) -> fmt::Result {
    let money = Digits::money(part);
    let money = money.as_str();
    let g = &*group.group;
    let (name, total) = (&*g.name_zh, &*g.total);
    let (name_en, head_zh, head_en) = (&*g.name_en, group.head.zh(), group.head.en());
    let prefix: [&str; 7] = match (g.by_points, en) {
        (true, false) => [head_zh, "，按", name, " 总基点 ", total, " 中个人基点 ", ""],
        (true, true) => [
            head_en,
            ", split over ",
            name_en,
            " by base points ",
            "",
            "",
            "",
        ],
        (false, false) => [head_zh, "，由", name, " ", total, " 人平均分摊 ", ""],
        (false, true) => [
            head_en,
            ", split equally over ",
            name_en,
            " (",
            total,
            " people): ¥",
            "",
        ],
    };
    prefix.iter().try_for_each(|p| out.write_str(p))?;
    let rest: [&str; 6] = match (points, en) {
        (Some(p), false) => [p, " 分摊 ", money, " 元", "", ""],
        (Some(p), true) if g.by_points => [p, " of ", total, ": ¥", money, ""],
        (Some(p), true) => [p, money, "", "", "", ""],
        (None, false) => [money, " 元", "", "", "", ""],
        (None, true) => [money, "", "", "", "", ""],
    };
    rest.iter().try_for_each(|p| out.write_str(p))
}

/// A party's line of a loss borne by responsibility shares.
fn write_part(
    out: &mut impl fmt::Write,
    loss: &PartText,
    share: Option<&Decimal>,
    part: Money,
    en: bool,
) -> fmt::Result {
    let part = Digits::money(part);
    out.write_str(if en { loss.head.en() } else { loss.head.zh() })?;
    match (share, en) {
        (None, false) => out.write_str("，全额承担")?,
        (None, true) => out.write_str(", borne in full")?,
        (Some(w), _) => {
            out.write_str(if en {
                ", responsibility share "
            } else {
                "，按责任比例 "
            })?;
            write_decimal(out, *w)?;
            out.write_str("/")?;
            write_decimal(out, loss.total)?;
            if !en {
                out.write_str(" 分摊")?;
            }
        }
    }
    let parts = if en {
        [": ¥", part.as_str(), ""]
    } else {
        [" ", part.as_str(), " 元"]
    };
    parts.iter().try_for_each(|p| out.write_str(p))
}

/// A violation's case, `（案件 C-1）` / ` (case C-1)`, or nothing.
fn write_violation_case(out: &mut impl fmt::Write, case: Option<&CaseId>, en: bool) -> fmt::Result {
    let Some(case) = case else {
        return Ok(());
    };
    let parts = if en {
        [" (case ", case.as_str(), ")"]
    } else {
        ["（案件 ", case.as_str(), "）"]
    };
    parts.iter().try_for_each(|p| out.write_str(p))
}

/// A violation's line fining the responsible person.
fn write_violation(
    out: &mut impl fmt::Write,
    kind: &ViolationText,
    case: Option<&CaseId>,
    items: u32,
    amount: Money,
    en: bool,
) -> fmt::Result {
    let amount = Digits::money(amount);
    out.write_str(if en {
        &kind.description_en
    } else {
        &kind.description_zh
    })?;
    write_violation_case(out, case, en)?;
    let parts = if en {
        [": fine of the responsible person ¥", amount.as_str(), ""]
    } else {
        ["：责任人罚款 ", amount.as_str(), " 元"]
    };
    parts.iter().try_for_each(|p| out.write_str(p))?;
    let Some(each) = kind.per_item else {
        return Ok(());
    };
    let (each, items) = (Digits::money(each), Digits::uint(u64::from(items)));
    let parts = if en {
        [" (¥", each.as_str(), " × ", items.as_str(), " items)"]
    } else {
        ["（", each.as_str(), " 元 × ", items.as_str(), " 项）"]
    };
    parts.iter().try_for_each(|p| out.write_str(p))
}

/// A sanction and its case: `警告一次（案件 C-1）` / `warning (case C-1)`
/// (the kind's id with spaces for underscores).
fn write_sanction(
    out: &mut impl fmt::Write,
    kind: SanctionKind,
    case: Option<&CaseId>,
    en: bool,
) -> fmt::Result {
    if en {
        for (k, word) in kind.id().split('_').enumerate() {
            if k > 0 {
                out.write_str(" ")?;
            }
            out.write_str(word)?;
        }
    } else {
        out.write_str(kind.label_zh())?;
        out.write_str("一次")?;
    }
    write_violation_case(out, case, en)
}

/// A violation's line fining the supervisor of the responsible person.
fn write_supervisor(
    out: &mut impl fmt::Write,
    of: &SupervisorText,
    case: Option<&CaseId>,
    amount: Money,
    en: bool,
) -> fmt::Result {
    let amount = Digits::money(amount);
    let kind = &of.kind;
    out.write_str(if en {
        &kind.description_en
    } else {
        &kind.description_zh
    })?;
    write_violation_case(out, case, en)?;
    let parts = if en {
        [
            ": supervisor's fine for ",
            &of.name,
            " (",
            of.id.as_str(),
            ") ¥",
            amount.as_str(),
            "",
        ]
    } else {
        [
            "：",
            &of.name,
            "（",
            of.id.as_str(),
            "）的主管连带罚款 ",
            amount.as_str(),
            " 元",
        ]
    };
    parts.iter().try_for_each(|p| out.write_str(p))
}

/// A breach's overtime line, in Chinese (the regulation's words where the
/// policy names them) or English.
fn write_breach(
    out: &mut impl fmt::Write,
    b: &BreachText,
    case: &CaseId,
    round: u32,
    en: bool,
) -> fmt::Result {
    let money = Digits::money(b.fine);
    let round = Digits::uint(u64::from(round));
    let (case, milestone, level) = (case.as_str(), b.milestone.as_str(), b.level.as_str());
    let parts: [&str; 12] = if en {
        [
            "Case ",
            case,
            ": milestone ",
            milestone,
            " breached in round ",
            round.as_str(),
            " (level ",
            level,
            if b.by_milestone {
                "); this milestone's overtime fine ¥"
            } else {
                "); overtime fine ¥"
            },
            money.as_str(),
            if b.once_per_case {
                " (charged once per case)"
            } else {
                ""
            },
            "",
        ]
    } else {
        // The regulation's words: 「初次对应」, 不满意; the ids,
        // as before names were known, where the policy gave none.
        let (open, milestone, close) = match &b.milestone_zh {
            Some(name) => ("「", &**name, "」"),
            None => (" 里程碑 ", milestone, " "),
        };
        let (level_label, level) = match &b.level_zh {
            Some(name) => ("轮超时（投诉级别：", &**name),
            None => ("轮超时（级别 ", level),
        };
        [
            "案件 ",
            case,
            open,
            milestone,
            close,
            "第",
            round.as_str(),
            level_label,
            level,
            if b.by_milestone {
                "），该时限超时扣罚 "
            } else {
                "），超时扣罚 "
            },
            money.as_str(),
            if b.once_per_case {
                " 元（每案计一次）"
            } else {
                " 元"
            },
        ]
    };
    parts.iter().try_for_each(|p| out.write_str(p))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_escape_pipes_and_line_breaks() {
        assert_eq!(
            tousu_model::markdown::Cell("a | b\nc|").to_string(),
            "a \\| b c\\|"
        );
        assert_eq!(tousu_model::markdown::Cell("纯文本").to_string(), "纯文本");
    }

    #[test]
    fn decimals_are_written_as_display_writes_them() {
        use rust_decimal::Decimal;
        for (m, scale) in [
            (0i64, 0u32),
            (6, 1),
            (60, 0),
            (600, 1),
            (5, 2),
            (-125, 2),
            (1, 28),
            (i64::MAX, 28),
            (i64::MIN + 1, 5),
            (123_456_789, 3),
        ] {
            let d = Decimal::new(m, scale);
            assert_eq!(
                Digits::decimal(d).unwrap().as_str(),
                d.normalize().to_string(),
                "{m}e-{scale}"
            );
        }
        assert_eq!(Digits::decimal(-Decimal::ZERO).unwrap().as_str(), "0");
        assert!(Digits::decimal(Decimal::MAX).is_none());
    }

    #[test]
    fn explanations_compare_by_text() {
        let group = Arc::new(ShareText {
            head: Head::new(&["甲"], &["A"]),
            group: Arc::new(GroupText {
                name_zh: "乙".into(),
                name_en: "B".into(),
                total: "5".into(),
                by_points: true,
            }),
        });
        let shared = Explanation::share(group, Some(Arc::from("2")), Money::from_fen(150));
        let zh = "甲，按乙 总基点 5 中个人基点 2 分摊 1.50 元";
        let en = "A, split over B by base points 2 of 5: ¥1.50";
        assert_eq!(shared.zh().to_string(), zh);
        assert_eq!(shared.en().to_string(), en);
        assert_eq!(shared, Explanation::new(zh, en));
        assert_ne!(shared, Explanation::new(zh, "A 2 of 5: ¥1.51"));
    }
}
