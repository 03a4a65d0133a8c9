//! A grant's `holds_case` (rulings 121, 129, 130, 148, 149, 151, 152, 156,
//! 162, 165, 166, 170 and 173): whether
//! the grant's actions need the case to be with the actor, whether a case
//! nobody was handed counts as with him, and whether the departments an
//! assignment called in, or those above its lead, count as well.

use std::borrow::Cow;
use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::CaseView;
use crate::authority::Action;
use crate::policy::Policy;
use crate::status::Status;

/// Where the case must be for a grant to hold. In a policy file: `false`
/// (the default), `true`, `"handed"`, `"co_handling"`, `"in_line"`,
/// `"received"`, `"received_in_line"`, `"sent"`, `"followed"`, `"lead"`,
/// `"sender"`, `"role_absent"`, `"reported"`, or a list of the strings.
///
/// ```toml
/// # answers only a case handed to him: not one he registered that
/// # nobody has been handed yet (S24 5.3 2); ruling 130)
/// { actions = ["reply"], holds_case = "handed" }
/// # investigates a case his department leads or was called in to handle
/// # jointly (ruling 148)
/// { actions = ["investigate"], holds_case = "co_handling" }
/// # accepts a case his body leads, whether it went to his department, one
/// # above it or one under it (ruling 149)
/// { actions = ["close"], holds_case = "in_line" }
/// # handles a case his department received until it is handed on
/// # (首问负责制; ruling 151)
/// { actions = ["investigate"], holds_case = "received" }
/// # rules on a complaint a store under him received (呈报上级主管), and
/// # approves within the line of the department it was handed to (ruling 170)
/// { actions = ["accept", "approve"], holds_case = ["received_in_line", "in_line"] }
/// # reports on a case his department handed on (S29; ruling 152)
/// { actions = ["record_action"], holds_case = "sent" }
/// # answers a case his department received, before and after any
/// # hand-over: 一跟到底 (S42 (3); ruling 162)
/// { actions = ["reply"], holds_case = ["received", "followed"] }
/// # works a case handed to his department, also once a step took it over
/// # to a superior (S18; ruling 173)
/// { actions = ["record_action"], holds_case = ["handed", "lead"] }
/// # reports to the province on a case passed to his station, also once
/// # he charged a unit with it and the province took it up (S29; ruling 166)
/// { actions = ["record_action"], holds_case = ["received", "lead", "sender"] }
/// # reports on a case sent to his section, else, when it was sent where
/// # no section is, whichever section (S41 5.1.3, 5.1.4; ruling 166)
/// { actions = ["propose_solution"], holds_case = ["lead", "role_absent"] }
/// # hands on a case his department reported up and must still send on,
/// # or one his own department's staff passed up to him (ruling 165)
/// { actions = ["assign"], holds_case = ["handed", "reported"] }
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum HoldsCase {
    /// `false`: wherever the case is.
    #[default]
    Anywhere,
    /// `true`: the case is with the actor (ruling 121): a step that took
    /// it over after its assignment gave it to the holders of that step's
    /// role (ruling 129); else its named handler or lead department; with
    /// no assignment, the role the last take-over gave it to; neither
    /// assigned nor taken over, anyone's (the desk that received it).
    WithActor,
    /// `"handed"`: as `true`, but a case neither assigned nor taken over
    /// is nobody's — only a case handed to the actor (ruling 130).
    Handed,
    /// `"co_handling"`: as `true`, or the case's assignment (not taken over
    /// since) called the actor's department, or one it is under, in to
    /// handle the case jointly (`co_handling`, ruling 148).
    CoHandling,
    /// `"in_line"`: as `true`, or the actor's department is above the
    /// lead department of the case's assignment (not taken over since):
    /// the case is within the actor's body (ruling 149).
    InLine,
    /// `"received"`: before any hand-over (neither assigned nor taken
    /// over), only the department of the one who received the case (the
    /// complaint's first responder, 首问责任人, or a department under it)
    /// holds it — anyone, when none is recorded; after one, as `true`
    /// (ruling 151).
    Received,
    /// `"received_in_line"`: before any hand-over, the line of the
    /// department that received the case — the department of the
    /// complaint's first responder, one under it or one above it (anyone,
    /// when none is recorded); after one, as `true` (ruling 170). The
    /// reading `"received"` with the departments above the receiver: with
    /// `"in_line"` in a list, the line of whoever holds the case, before a
    /// hand-over and after it.
    ReceivedInLine,
    /// `"sent"`: as `true`, or the actor's department is (or is under) the
    /// department of the one who made the case's standing hand-over
    /// (assigned or transferred it), not taken over since: the body that
    /// sent the case on still answers for it (ruling 152).
    Sent,
    /// `"followed"`: as `true`, or the case was handed on (assigned or
    /// taken over) and the actor is in the department of the one who
    /// received it (the complaint's first responder, or a department under
    /// it; anyone, when none is recorded): the desk that received a case
    /// follows it through every hand-over, transfer and take-over
    /// (一跟到底, ruling 162). Before a hand-over it adds nothing; with
    /// `"received"` in a list, the receiving department holds the case
    /// from intake to the end.
    Followed,
    /// `"lead"`: as `true`, or the actor is the named handler of the case's
    /// standing assignment (the last assignment or transfer) or in its lead
    /// department (or one under it), also after a step took the case over
    /// since: the department handling it keeps it while a superior holds it
    /// over it (ruling 173). Without a take-over after the assignment it
    /// adds nothing to `true`; without an assignment, nothing at all.
    Lead,
    /// `"sender"`: as `true`, or the actor's department is (or is under)
    /// the department of the one who made the case's standing hand-over
    /// (assigned or transferred it), also after a step took the case over
    /// since: `"sent"` kept through a take-over, as `"lead"` keeps `true`'s
    /// lead (ruling 166). The body that passed the case on still reports
    /// on it while a superior holds it.
    Sender,
    /// `"role_absent"`: as `true`, or the case's standing assignment (taken
    /// over since or not) went where no holder of the grant's role is: its
    /// named handler does not hold the role and nobody in its lead
    /// department (or one under it) does; then every holder of the role
    /// holds it (ruling 166: 「由品质科或工程科有关人员…提出报告」 when the
    /// 副总 sent a department that is neither section). Without an
    /// assignment it adds nothing.
    RoleAbsent,
    /// `"reported"`: as `true`, except while the case stands taken over by
    /// a step someone took by hand (a report up): then with the holders of
    /// that step's role in the line of the reporter's department — that
    /// department or one above it; every holder when none is there (ruling
    /// 129's reading, with the reporter's department for the lead) — and
    /// with the reporter's department (or one under it), which keeps the
    /// case it reported (ruling 165). A step a rule took, or one recorded
    /// before the reporter was kept, reads as under `true`. It reads that
    /// moment instead of `true`, so with `"handed"`, `"received"` or
    /// `"received_in_line"` in a list it replaces `true` in their reading.
    Reported,
    /// A list, `["handed", "co_handling"]` (ruling 156): the one reading
    /// of a case nobody was handed the list names (`"handed"`,
    /// `"received"` or `"received_in_line"`, ruling 170; `true` when it
    /// names none), or any of the
    /// widenings it names (`"co_handling"`, `"in_line"`, `"sent"`,
    /// `"followed"`, `"lead"`, `"sender"`, `"role_absent"`), with `"reported"` (ruling 165) reading a
    /// case a step took over by hand. The
    /// bits are those of [`HoldsCase::bit`]; a list of one value loads as
    /// that value.
    AnyOf(u16),
}

/// Where a case is for one staff member, as the engine reads it: the part
/// of [`CaseView`] a `holds_case` reads, for a grant's actor or a
/// `role_holding_case` owner's holder (ruling 172).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[allow(clippy::struct_excessive_bools)]
pub struct Whereabouts {
    /// With him as ruling 121 reads it ([`CaseView::holds_case`]).
    pub holds_case: bool,
    /// Handed to anybody ([`CaseView::handed`]).
    pub handed: bool,
    /// His department was called in ([`CaseView::co_handling`]).
    pub co_handling: bool,
    /// Within his line ([`CaseView::in_line`]).
    pub in_line: bool,
    /// His department received it ([`CaseView::received`]).
    pub received: bool,
    /// His department is in the line of the one that received it
    /// ([`CaseView::received_in_line`], ruling 170).
    pub received_in_line: bool,
    /// His department sent it on ([`CaseView::sent`]).
    pub sent: bool,
    /// He or his department leads its standing assignment, taken over
    /// since or not ([`CaseView::lead`], ruling 173).
    pub lead: bool,
    /// His department made its standing hand-over, taken over since or not
    /// ([`CaseView::sender`], ruling 166).
    pub sender: bool,
    /// Its standing assignment went where no holder of the role asked
    /// about is ([`CaseView::role_absent`], ruling 166).
    pub role_absent: bool,
    /// With him as `"reported"` reads it ([`CaseView::reported`], ruling
    /// 165).
    pub reported: bool,
}

/// The values a list may name, in the order they are written back.
const LISTED: [HoldsCase; 11] = [
    HoldsCase::Handed,
    HoldsCase::Received,
    HoldsCase::ReceivedInLine,
    HoldsCase::CoHandling,
    HoldsCase::InLine,
    HoldsCase::Sent,
    HoldsCase::Followed,
    HoldsCase::Lead,
    HoldsCase::Sender,
    HoldsCase::RoleAbsent,
    HoldsCase::Reported,
];

impl HoldsCase {
    /// The bit a single value has in a list ([`HoldsCase::AnyOf`]); `0`
    /// for `false`, `true` and a list, which a list does not name.
    #[must_use]
    pub const fn bit(self) -> u16 {
        match self {
            HoldsCase::Handed => 1,
            HoldsCase::Received => 2,
            HoldsCase::CoHandling => 4,
            HoldsCase::InLine => 8,
            HoldsCase::Sent => 16,
            HoldsCase::Followed => 32,
            HoldsCase::ReceivedInLine => 64,
            HoldsCase::Lead => 128,
            HoldsCase::Sender => 256,
            HoldsCase::RoleAbsent => 512,
            HoldsCase::Reported => 1024,
            HoldsCase::Anywhere | HoldsCase::WithActor | HoldsCase::AnyOf(_) => 0,
        }
    }

    /// The single values a grant names: itself, or each one of its list.
    pub fn values(self) -> impl Iterator<Item = HoldsCase> {
        let one = (!matches!(self, HoldsCase::AnyOf(_))).then_some(self);
        let bits = if let HoldsCase::AnyOf(b) = self { b } else { 0 };
        one.into_iter()
            .chain(LISTED.into_iter().filter(move |v| bits & v.bit() != 0))
    }

    /// Whether only a case handed to someone can hold: `"handed"`, alone or
    /// in a list (every widening of a list needs an assignment too).
    #[must_use]
    pub const fn needs_hand_over(self) -> bool {
        match self {
            HoldsCase::Handed => true,
            HoldsCase::AnyOf(b) => b & HoldsCase::Handed.bit() != 0,
            _ => false,
        }
    }
    /// Whether the grant asks where the case is (`true` or `"handed"`).
    #[must_use]
    pub const fn is_set(self) -> bool {
        !matches!(self, HoldsCase::Anywhere)
    }

    /// Whether the grant does not ask (`false`, the default; for
    /// `skip_serializing_if`).
    #[must_use]
    pub const fn is_anywhere(&self) -> bool {
        matches!(self, HoldsCase::Anywhere)
    }

    /// Whether the condition holds for `case`, as the engine read where
    /// the case is for the actor: with him as ruling 121 reads it
    /// (`holds_case`), handed to anybody (`handed`), with a department the
    /// assignment called in (`co_handling`), within his line (`in_line`).
    #[must_use]
    pub const fn holds(self, case: &CaseView<'_>) -> bool {
        self.holds_at(&Whereabouts {
            holds_case: case.holds_case,
            handed: case.handed,
            co_handling: case.co_handling,
            in_line: case.in_line,
            received: case.received,
            received_in_line: case.received_in_line,
            sent: case.sent,
            lead: case.lead,
            sender: case.sender,
            role_absent: case.role_absent,
            reported: case.reported,
        })
    }

    /// Whether the condition holds where the case is for one staff member
    /// ([`Whereabouts`]): a grant's actor, or a holder of the role a
    /// `role_holding_case` owner names (rulings 161, 172).
    #[must_use]
    pub const fn holds_at(self, case: &Whereabouts) -> bool {
        match self {
            HoldsCase::Anywhere => true,
            HoldsCase::WithActor => case.holds_case,
            HoldsCase::Handed => case.holds_case && case.handed,
            HoldsCase::CoHandling => case.holds_case || case.co_handling,
            HoldsCase::InLine => case.holds_case || case.in_line,
            HoldsCase::Received => {
                if case.handed {
                    case.holds_case
                } else {
                    case.received
                }
            }
            HoldsCase::ReceivedInLine => {
                if case.handed {
                    case.holds_case
                } else {
                    case.received_in_line
                }
            }
            HoldsCase::Sent => case.holds_case || case.sent,
            HoldsCase::Followed => case.holds_case || (case.handed && case.received),
            HoldsCase::Lead => case.holds_case || case.lead,
            HoldsCase::Sender => case.holds_case || case.sender,
            HoldsCase::RoleAbsent => case.holds_case || case.role_absent,
            HoldsCase::Reported => case.reported,
            HoldsCase::AnyOf(b) if b & HoldsCase::Reported.bit() != 0 => {
                // `"reported"` reads a case a step took over by hand instead
                // of `true` (ruling 165): the rest of the list on that reading.
                let read = Whereabouts {
                    holds_case: case.reported,
                    ..*case
                };
                HoldsCase::AnyOf(b & !HoldsCase::Reported.bit()).holds_at(&read)
            }
            HoldsCase::AnyOf(b) => {
                let base = if b & HoldsCase::Handed.bit() != 0 {
                    HoldsCase::Handed
                } else if b & HoldsCase::Received.bit() != 0 {
                    HoldsCase::Received
                } else if b & HoldsCase::ReceivedInLine.bit() != 0 {
                    HoldsCase::ReceivedInLine
                } else {
                    HoldsCase::WithActor
                };
                base.holds_at(case)
                    || (b & HoldsCase::CoHandling.bit() != 0 && case.co_handling)
                    || (b & HoldsCase::InLine.bit() != 0 && case.in_line)
                    || (b & HoldsCase::Sent.bit() != 0 && case.sent)
                    || (b & HoldsCase::Followed.bit() != 0 && case.handed && case.received)
                    || (b & HoldsCase::Lead.bit() != 0 && case.lead)
                    || (b & HoldsCase::Sender.bit() != 0 && case.sender)
                    || (b & HoldsCase::RoleAbsent.bit() != 0 && case.role_absent)
            }
        }
    }

    /// Why the condition does not hold for `case`, in words.
    #[must_use]
    pub fn unmet_reason(self, case: &CaseView<'_>) -> Cow<'static, str> {
        if let HoldsCase::AnyOf(_) = self {
            let each: Vec<String> = self
                .values()
                .map(|v| format!("`holds_case = {v}`"))
                .collect();
            return format!(
                "the case must be with the actor as one of the grant's values reads it (`holds_case = {self}`, ruling 156: {}): it is with none of them",
                each.join(" or ")
            )
            .into();
        }
        Cow::Borrowed(match self {
            HoldsCase::Handed if case.holds_case => {
                "the case must have been handed to the actor (`holds_case = \"handed\"`): nobody has been assigned it and no step has taken it over"
            }
            HoldsCase::CoHandling => {
                "the case must be with the actor or with a department its assignment called in to handle it jointly (`holds_case = \"co_handling\"`): the role a step took it over to after its assignment, else its named handler, the lead department or a co-handling department, else the role a step took it over to; it has gone elsewhere"
            }
            HoldsCase::InLine => {
                "the case must be within the actor's line (`holds_case = \"in_line\"`): the role a step took it over to after its assignment, else its named handler, the lead department or a department above or under it, else the role a step took it over to; it has gone elsewhere"
            }
            HoldsCase::Received if !case.handed => {
                "the case must be with the department that received it (`holds_case = \"received\"`): nobody has been handed it yet, and the actor is not in the department of its first responder"
            }
            HoldsCase::ReceivedInLine if !case.handed => {
                "the case must be within the line of the department that received it (`holds_case = \"received_in_line\"`, ruling 170): nobody has been handed it yet, and the actor's department is neither that of its first responder nor one above or under it"
            }
            HoldsCase::Sent => {
                "the case must be with the actor or the department that handed it on (`holds_case = \"sent\"`): the role a step took it over to after its assignment, else its named handler, the lead department or the department of the one who assigned or transferred it, else the role a step took it over to; it has gone elsewhere"
            }
            HoldsCase::Followed => {
                "the case must be with the actor or, once handed on, with the department that received it (`holds_case = \"followed\"`, ruling 162): the role a step took it over to after its assignment, else its named handler, the lead department or the department of its first responder, else the role a step took it over to; it has gone elsewhere"
            }
            HoldsCase::Reported => {
                "the case must be with the actor as `holds_case = \"reported\"` reads it (ruling 165): once a step someone took by hand took it over, with that step's role in the line of the reporter's department (or every holder when none is there) or with the reporter's department; else the role a step took it over to after its assignment, its named handler or the lead department; it has gone elsewhere"
            }
            HoldsCase::Lead => {
                "the case must be with the actor or with the lead of its standing assignment (`holds_case = \"lead\"`, ruling 173): the role a step took it over to after its assignment, or that assignment's named handler or lead department, else the role a step took it over to; it has gone elsewhere"
            }
            HoldsCase::Sender => {
                "the case must be with the actor or the department that made its standing hand-over (`holds_case = \"sender\"`, ruling 166): the role a step took it over to after its assignment, or the department of the one who assigned or transferred it, else its named handler or the lead department; it has gone elsewhere"
            }
            HoldsCase::RoleAbsent => {
                "the case must be with the actor, or its standing assignment must have gone where no holder of the grant's role is (`holds_case = \"role_absent\"`, ruling 166): its named handler or lead department holds the role, or it was never assigned; it has gone elsewhere"
            }
            _ => {
                "the case must be with the actor (`holds_case`): the role a step took it over to after its assignment, else its named handler or the lead department, else the role a step took it over to; it has gone elsewhere"
            }
        })
    }
}

impl fmt::Display for HoldsCase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let HoldsCase::AnyOf(_) = self {
            f.write_str("[")?;
            for (i, v) in self.values().enumerate() {
                if i > 0 {
                    f.write_str(", ")?;
                }
                write!(f, "{v}")?;
            }
            return f.write_str("]");
        }
        f.write_str(match self {
            HoldsCase::Anywhere => "false",
            HoldsCase::WithActor => "true",
            HoldsCase::Handed => "\"handed\"",
            HoldsCase::CoHandling => "\"co_handling\"",
            HoldsCase::InLine => "\"in_line\"",
            HoldsCase::Received => "\"received\"",
            HoldsCase::ReceivedInLine => "\"received_in_line\"",
            HoldsCase::Sent => "\"sent\"",
            HoldsCase::Followed => "\"followed\"",
            HoldsCase::Lead => "\"lead\"",
            HoldsCase::Sender => "\"sender\"",
            HoldsCase::RoleAbsent => "\"role_absent\"",
            HoldsCase::Reported => "\"reported\"",
            HoldsCase::AnyOf(_) => "",
        })
    }
}

impl Serialize for HoldsCase {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            HoldsCase::Anywhere => serializer.serialize_bool(false),
            HoldsCase::WithActor => serializer.serialize_bool(true),
            HoldsCase::Handed => serializer.serialize_str("handed"),
            HoldsCase::CoHandling => serializer.serialize_str("co_handling"),
            HoldsCase::InLine => serializer.serialize_str("in_line"),
            HoldsCase::Received => serializer.serialize_str("received"),
            HoldsCase::ReceivedInLine => serializer.serialize_str("received_in_line"),
            HoldsCase::Sent => serializer.serialize_str("sent"),
            HoldsCase::Followed => serializer.serialize_str("followed"),
            HoldsCase::Lead => serializer.serialize_str("lead"),
            HoldsCase::Sender => serializer.serialize_str("sender"),
            HoldsCase::RoleAbsent => serializer.serialize_str("role_absent"),
            HoldsCase::Reported => serializer.serialize_str("reported"),
            HoldsCase::AnyOf(_) => serializer.collect_seq(self.values()),
        }
    }
}

/// The values a policy file may give `holds_case`, for errors.
const ACCEPTED: &str = "true, false, \"handed\" (only a case handed to the actor), \"co_handling\" (or a department its assignment called in), \"in_line\" (or a department above the lead), \"received\" (before a hand-over, only the department that received it), \"received_in_line\" (before a hand-over, the department that received it, one under it or one above it), \"sent\" (or the department that handed it on), \"followed\" (or, once handed on, the department that received it), \"lead\" (or the lead of its standing assignment, also after a take-over), \"reported\" (once a step someone took by hand took it over, that step's role in the reporter's line, or the reporter's department, ruling 165), \"sender\" (or the department that handed it on, also after a take-over), \"role_absent\" (or any holder of the grant's role when its standing assignment went where none is), or a list of these strings (rulings 156, 170: at most one of \"handed\", \"received\" and \"received_in_line\", no value twice)";

/// Why a list cannot be a `holds_case`, if it cannot.
fn list_of(values: &[HoldsCase]) -> Result<HoldsCase, String> {
    let mut bits = 0u16;
    for &v in values {
        if v.bit() == 0 {
            return Err(format!(
                "a `holds_case` list names strings only, not {v}; expected {ACCEPTED}"
            ));
        }
        if bits & v.bit() != 0 {
            return Err(format!(
                "{v} is named twice in the `holds_case` list; expected {ACCEPTED}"
            ));
        }
        bits |= v.bit();
    }
    let readings: Vec<String> = [
        HoldsCase::Handed,
        HoldsCase::Received,
        HoldsCase::ReceivedInLine,
    ]
    .into_iter()
    .filter(|r| bits & r.bit() != 0)
    .map(|r| r.to_string())
    .collect();
    match values {
        [] => Err(format!(
            "a `holds_case` list is empty, so nothing could hold; expected {ACCEPTED}"
        )),
        _ if readings.len() > 1 => Err(format!(
            "a `holds_case` list names both {}, two readings of a case nobody was handed; expected {ACCEPTED}",
            readings.join(" and ")
        )),
        [one] => Ok(*one),
        _ => Ok(HoldsCase::AnyOf(bits)),
    }
}

impl<'de> Deserialize<'de> for HoldsCase {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = HoldsCase;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(ACCEPTED)
            }
            fn visit_bool<E: serde::de::Error>(self, v: bool) -> Result<HoldsCase, E> {
                Ok(if v {
                    HoldsCase::WithActor
                } else {
                    HoldsCase::Anywhere
                })
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<HoldsCase, E> {
                match v {
                    "handed" => Ok(HoldsCase::Handed),
                    "co_handling" => Ok(HoldsCase::CoHandling),
                    "in_line" => Ok(HoldsCase::InLine),
                    "received" => Ok(HoldsCase::Received),
                    "received_in_line" => Ok(HoldsCase::ReceivedInLine),
                    "sent" => Ok(HoldsCase::Sent),
                    "followed" => Ok(HoldsCase::Followed),
                    "lead" => Ok(HoldsCase::Lead),
                    "sender" => Ok(HoldsCase::Sender),
                    "role_absent" => Ok(HoldsCase::RoleAbsent),
                    "reported" => Ok(HoldsCase::Reported),
                    other => Err(E::custom(format_args!(
                        "{other:?} is not a `holds_case`; expected {ACCEPTED}"
                    ))),
                }
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<HoldsCase, A::Error> {
                let mut values = Vec::new();
                while let Some(v) = seq.next_element::<HoldsCase>()? {
                    values.push(v);
                }
                list_of(&values).map_err(serde::de::Error::custom)
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

impl JsonSchema for HoldsCase {
    fn schema_name() -> Cow<'static, str> {
        "HoldsCase".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "Where the case must be for the grant to hold (rulings 121, 129, 130, 148, 149, 151, 152, 156, 162, 165, 166, 170, 173): false (anywhere), true (with the actor; a case nobody was handed is anyone's), \"handed\" (with the actor, and handed to him: assigned or taken over), \"co_handling\" (with the actor, or its assignment called the actor's department in to handle it jointly) \"in_line\" (with the actor, or the actor's department is above the assignment's lead department), \"received\" (before any hand-over, only the department of the complaint's first responder, the one who received it; after one, as true), \"received_in_line\" (before any hand-over, the department of the complaint's first responder, one under it or one above it: the receiver's line, ruling 170; after one, as true), \"sent\" (with the actor, or the actor's department is that of the one who assigned or transferred the case), \"followed\" (with the actor, or, once the case was handed on by an assignment, transfer or take-over, the actor's department is that of the complaint's first responder: 一跟到底, ruling 162), \"lead\" (with the actor, or the actor is the named handler of the case's standing assignment or in its lead department, also after a step took the case over since: ruling 173), \"reported\" (as true, except once a step someone took by hand took the case over: then that step's role in the line of the reporter's department, that department or one above it, every holder when none is there, and the reporter's department, which keeps the case it reported: ruling 165; in a list it replaces true in the list's reading), \"sender\" (with the actor, or the actor's department is that of the one who assigned or transferred the case, also after a step took it over since: ruling 166), \"role_absent\" (with the actor, or the case's standing assignment went where no holder of the grant's role is, neither its named handler nor anyone in its lead department: then any holder: ruling 166), or a list of these strings (ruling 156): the list's reading of a case nobody was handed (\"handed\", \"received\" or \"received_in_line\", at most one; true when none), or any of its widenings (\"co_handling\", \"in_line\", \"sent\", \"followed\", \"lead\", \"sender\", \"role_absent\").",
            "anyOf": [
                { "type": "boolean" },
                { "type": "string", "enum": ["handed", "co_handling", "in_line", "received", "received_in_line", "sent", "followed", "lead", "sender", "role_absent", "reported"] },
                {
                    "type": "array",
                    "minItems": 1,
                    "uniqueItems": true,
                    "items": { "type": "string", "enum": ["handed", "co_handling", "in_line", "received", "received_in_line", "sent", "followed", "lead", "sender", "role_absent", "reported"] },
                },
            ],
        })
    }
}

/// The actions the workflow takes only once a case was assigned: an
/// investigation starts from `assigned` alone, and what follows it
/// (findings, proposal, approval, send-back) and a transfer need one too.
/// `record_findings` also records facts from the acceptance on when
/// `validity.facts_from = "acceptance"` (ruling 97), before any hand-over.
fn after_assignment(p: &Policy, a: Action) -> bool {
    match a {
        Action::Investigate
        | Action::ProposeSolution
        | Action::Approve
        | Action::SendBack
        | Action::Transfer => true,
        Action::RecordFindings => p.validity.facts_from == crate::FactsFrom::Investigation,
        _ => false,
    }
}

/// The actions the workflow takes only before a case was ever assigned:
/// registration and acceptance, and `assign` itself, which applies only to
/// an accepted case (a reopened case that was assigned returns to
/// `assigned`).
const fn before_assignment(a: Action) -> bool {
    matches!(
        a,
        Action::Register
            | Action::Accept
            | Action::NotAccept
            | Action::OverrideAcceptance
            | Action::Assign
    )
}

/// The statuses a case reaches only once it was assigned.
const fn handed_status(s: Status) -> bool {
    matches!(
        s,
        Status::Assigned | Status::Investigating | Status::AwaitingApproval | Status::Approved
    )
}

/// `hc` without `value`: the list's other values, one value, or `true`.
fn without(hc: HoldsCase, value: HoldsCase) -> HoldsCase {
    let rest: Vec<HoldsCase> = hc.values().filter(|v| *v != value).collect();
    match rest.as_slice() {
        [] => HoldsCase::WithActor,
        [one] => *one,
        _ => HoldsCase::AnyOf(rest.iter().fold(0, |b, v| b | v.bit())),
    }
}

/// Where a grant's `"received"` or `"sent"` (rulings 151, 152; alone or in
/// a list, ruling 156) changes nothing, so the grant reads as if the value
/// were not there and the author probably meant something else
/// (`holds_case_applies`, ruling 157): `"received"` (or
/// `"received_in_line"`, ruling 170) on a grant whose
/// actions or statuses all come after an assignment (it limits only a case
/// nobody has been handed); `"sent"` on a grant whose actions all come
/// before one, or in a policy where no role may assign or transfer (only
/// they make a sender); `"followed"` (ruling 162) in a policy where no case
/// is ever handed on — no role may assign or transfer and no escalation
/// step takes a case over — or on a grant whose actions are all taken only
/// before an assignment and whose list reads a case nobody was handed as
/// `"received"` (the receiving department holds it then already, and no
/// take-over can come first when no step takes over). Each finding is the
/// path of the grant's `holds_case` and what to write instead.
pub(crate) fn invariants(p: &Policy) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let may = |a: Action| p.roles.iter().any(|r| r.may_sometimes(a));
    let nobody_sends = !may(Action::Assign) && !may(Action::Transfer);
    let nobody_takes_over = p.escalation.iter().all(|s| s.take_over.is_none());
    for (i, role) in p.roles.iter().enumerate() {
        for (j, g) in role.grants.iter().enumerate() {
            let path = format!("roles[{i}].grants[{j}].holds_case");
            let names = |v: HoldsCase| g.holds_case.values().any(|x| x == v);
            let acts = || {
                g.actions
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            // `"received_in_line"` (ruling 170) limits the same moment.
            let receiving = [HoldsCase::Received, HoldsCase::ReceivedInLine]
                .into_iter()
                .find(|v| names(*v));
            if let Some(value) = receiving {
                let by_actions =
                    !g.actions.is_empty() && g.actions.iter().all(|a| after_assignment(p, *a));
                let by_statuses =
                    !g.statuses.is_empty() && g.statuses.iter().all(|s| handed_status(*s));
                if by_actions || by_statuses {
                    let why = if by_actions {
                        format!(
                            "its actions ({}) are taken only once the case was assigned",
                            acts()
                        )
                    } else {
                        "its statuses are reached only once the case was assigned".to_owned()
                    };
                    out.push((
                        path.clone(),
                        format!(
                            "{value} limits only a case nobody has been handed yet (ruling {}) and {why}, so here it reads as if absent; write `holds_case = {}`, or, if the department that received the case should keep it after handing it on, \"followed\" (ruling 162; \"sent\", ruling 152, keeps it with the department that handed it on)",
                            if value == HoldsCase::Received { 151 } else { 170 },
                            without(g.holds_case, value)
                        ),
                    ));
                }
            }
            if names(HoldsCase::Sent) {
                let why = if nobody_sends {
                    Some("no role may assign or transfer a case (a take-over makes no sender), so no case has a department that sent it on".to_owned())
                } else if !g.actions.is_empty() && g.actions.iter().all(|a| before_assignment(*a)) {
                    Some(format!(
                        "its actions ({}) are taken only before a case is assigned",
                        acts()
                    ))
                } else {
                    None
                };
                if let Some(why) = why {
                    out.push((
                        path.clone(),
                        format!(
                            "\"sent\" widens only a case assigned or transferred, to the department that did so (ruling 152), and {why}, so here it reads as if absent; write `holds_case = {}`, or, if the case should stay with the department that received it until it is handed on, \"received\" (ruling 151)",
                            without(g.holds_case, HoldsCase::Sent)
                        ),
                    ));
                }
            }
            if names(HoldsCase::Followed) {
                let why = if nobody_sends && nobody_takes_over {
                    Some("no role may assign or transfer a case and no escalation step takes one over, so no case is ever handed on".to_owned())
                } else if receiving.is_some()
                    && nobody_takes_over
                    && !g.actions.is_empty()
                    && g.actions.iter().all(|a| before_assignment(*a))
                {
                    Some(format!(
                        "its actions ({}) are taken only before a case is assigned, when {} already keeps it with the department that received it (no step takes a case over first)",
                        acts(),
                        receiving.unwrap_or(HoldsCase::Received)
                    ))
                } else {
                    None
                };
                if let Some(why) = why {
                    out.push((
                        path,
                        format!(
                            "\"followed\" widens only a case handed on, to the department that received it (ruling 162), and {why}, so here it reads as if absent; write `holds_case = {}`",
                            without(g.holds_case, HoldsCase::Followed)
                        ),
                    ));
                }
            }
        }
    }
    out
}
