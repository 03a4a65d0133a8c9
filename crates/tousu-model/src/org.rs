//! The organization: departments as a tree, staff, and the roster that holds both.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::hash::{BuildHasherDefault, Hasher};

use rust_decimal::Decimal;

use crate::error::ProblemSink;
use crate::{DepartmentId, ModelError, Money, RoleId, StaffId};

/// The schema version of [`Roster`] documents this crate writes.
pub const ROSTER_SCHEMA_VERSION: u32 = 1;

/// A department or team (部门 / 班组).
#[derive(
    Clone, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(deny_unknown_fields)]
pub struct Department {
    /// Its id.
    pub id: DepartmentId,
    /// Its name (客服部, 工程部, ...).
    pub name: String,
    /// The department it belongs to; `None` for a top-level department.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<DepartmentId>,
}

impl Department {
    /// A department under `parent` (or at the top).
    pub fn new(id: DepartmentId, name: impl Into<String>, parent: Option<DepartmentId>) -> Self {
        Department {
            id,
            name: name.into(),
            parent,
        }
    }
}

/// Departments as a validated tree: ids unique, parents known, no cycles.
///
/// ```
/// use tousu_model::{Department, DepartmentId, DepartmentTree};
/// let id = |s: &str| DepartmentId::new(s);
/// let tree = DepartmentTree::new(vec![
///     Department::new(id("hq")?, "总经理室", None),
///     Department::new(id("cs")?, "客服部", Some(id("hq")?)),
///     Department::new(id("cs-1")?, "客服一组", Some(id("cs")?)),
/// ])?;
/// let up: Vec<&str> = tree.ancestors(&id("cs-1")?).map(|d| d.id.as_str()).collect();
/// assert_eq!(up, ["cs", "hq"]);
/// assert!(tree.is_within(&id("cs-1")?, &id("hq")?));
///
/// // A cycle is rejected with the ids on it.
/// let err = DepartmentTree::new(vec![
///     Department::new(id("a")?, "A", Some(id("b")?)),
///     Department::new(id("b")?, "B", Some(id("a")?)),
/// ]).unwrap_err();
/// assert!(err.to_string().contains("cycle"));
/// # Ok::<(), tousu_model::ModelError>(())
/// ```
#[derive(
    Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(try_from = "Vec<Department>", into = "Vec<Department>")]
pub struct DepartmentTree {
    departments: BTreeMap<DepartmentId, Department>,
}

impl DepartmentTree {
    /// Validates and builds the tree; every problem is reported with its index.
    pub fn new(departments: Vec<Department>) -> Result<Self, ModelError> {
        let mut sink = ProblemSink::default();
        let mut map = BTreeMap::new();
        for (i, d) in departments.iter().enumerate() {
            if d.name.trim().is_empty() {
                sink.push(format!("[{i}].name"), "is blank");
            }
            if map.insert(d.id.clone(), d.clone()).is_some() {
                sink.push(
                    format!("[{i}].id"),
                    format!("{:?} is defined twice", d.id.as_str()),
                );
            }
        }
        for (i, d) in departments.iter().enumerate() {
            if let Some(p) = &d.parent
                && !map.contains_key(p)
            {
                sink.push(
                    format!("[{i}].parent"),
                    format!("{:?} is not a department in this list", p.as_str()),
                );
            }
        }
        // A walk longer than the number of departments can only be a cycle.
        let mut reported: BTreeSet<&DepartmentId> = BTreeSet::new();
        for (i, d) in departments.iter().enumerate() {
            let mut path = vec![&d.id];
            let mut cur = d.parent.as_ref();
            while let Some(p) = cur {
                if p == &d.id {
                    if path.iter().all(|id| reported.insert(id)) {
                        let ids: Vec<&str> = path.iter().map(|id| id.as_str()).collect();
                        sink.push(
                            format!("[{i}].parent"),
                            format!("forms a cycle: {} -> {}", ids.join(" -> "), d.id),
                        );
                    }
                    break;
                }
                if path.len() > map.len() {
                    break;
                }
                path.push(p);
                cur = map.get(p).and_then(|x| x.parent.as_ref());
            }
        }
        sink.finish()?;
        Ok(DepartmentTree { departments: map })
    }

    /// The department with this id.
    pub fn get(&self, id: &DepartmentId) -> Option<&Department> {
        self.departments.get(id)
    }

    /// Whether the id is a department here.
    pub fn contains(&self, id: &DepartmentId) -> bool {
        self.departments.contains_key(id)
    }

    /// All departments, by id.
    pub fn iter(&self) -> impl Iterator<Item = &Department> {
        self.departments.values()
    }

    /// The number of departments.
    pub fn len(&self) -> usize {
        self.departments.len()
    }

    /// Whether there are no departments.
    pub fn is_empty(&self) -> bool {
        self.departments.is_empty()
    }

    /// The parent, grandparent, ... of a department, nearest first (the
    /// department itself excluded). The tree has no cycles, so this ends.
    pub fn ancestors<'a>(&'a self, id: &DepartmentId) -> impl Iterator<Item = &'a Department> + 'a {
        let mut cur = self.departments.get(id).and_then(|d| d.parent.as_ref());
        std::iter::from_fn(move || {
            let d = self.departments.get(cur?)?;
            cur = d.parent.as_ref();
            Some(d)
        })
    }

    /// Whether `id` is `ancestor` or lies below it.
    pub fn is_within(&self, id: &DepartmentId, ancestor: &DepartmentId) -> bool {
        id == ancestor || self.ancestors(id).any(|d| &d.id == ancestor)
    }
}

impl TryFrom<Vec<Department>> for DepartmentTree {
    type Error = ModelError;
    fn try_from(v: Vec<Department>) -> Result<Self, ModelError> {
        DepartmentTree::new(v)
    }
}

impl From<DepartmentTree> for Vec<Department> {
    fn from(t: DepartmentTree) -> Self {
        t.departments.into_values().collect()
    }
}

/// A staff member (员工).
#[derive(
    Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(deny_unknown_fields)]
pub struct Staff {
    /// Their id.
    pub id: StaffId,
    /// Their name.
    pub name: String,
    /// The department they belong to.
    pub department: DepartmentId,
    /// The roles the policy grants permissions to.
    #[serde(default)]
    pub roles: BTreeSet<RoleId>,
    /// Their direct supervisor (主管), who may share a fine.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supervisor: Option<StaffId>,
    /// Base points (基点数): their share when a department's deduction is split.
    #[serde(default = "one", with = "crate::decimal_text")]
    #[schemars(with = "String")]
    pub base_points: Decimal,
    /// Monthly efficiency bonus (效益奖金), the base of the monthly deduction cap.
    #[serde(default)]
    pub monthly_bonus: Money,
}

fn one() -> Decimal {
    Decimal::ONE
}

impl Staff {
    /// A staff member with one base point, no roles and no bonus.
    pub fn new(id: StaffId, name: impl Into<String>, department: DepartmentId) -> Self {
        Staff {
            id,
            name: name.into(),
            department,
            roles: BTreeSet::new(),
            supervisor: None,
            base_points: Decimal::ONE,
            monthly_bonus: Money::ZERO,
        }
    }

    /// With a role.
    pub fn with_role(mut self, role: RoleId) -> Self {
        self.roles.insert(role);
        self
    }

    /// With a supervisor.
    pub fn with_supervisor(mut self, supervisor: StaffId) -> Self {
        self.supervisor = Some(supervisor);
        self
    }

    /// With base points (`Decimal::from(3)`, `"1.5".parse()?`; `tousu`'s
    /// prelude has `Decimal`) and a monthly bonus ([`Money::from_yuan`],
    /// [`Money::parse`]).
    pub fn with_pay(mut self, base_points: Decimal, monthly_bonus: Money) -> Self {
        self.base_points = base_points;
        self.monthly_bonus = monthly_bonus;
        self
    }

    /// Whether they hold the role.
    pub fn has_role(&self, role: &RoleId) -> bool {
        self.roles.contains(role)
    }
}

/// The departments and staff of an organization, validated together.
///
/// ```
/// use rust_decimal::Decimal;
/// use tousu_model::*;
/// let cs = DepartmentId::new("cs")?;
/// let roster = Roster::new(
///     DepartmentTree::new(vec![Department::new(cs.clone(), "客服部", None)])?,
///     vec![
///         Staff::new(StaffId::new("e1")?, "李经理", cs.clone()).with_pay(Decimal::from(3), Money::from_yuan(2000)?),
///         Staff::new(StaffId::new("e2")?, "王专员", cs.clone()).with_supervisor(StaffId::new("e1")?),
///     ],
/// )?;
/// assert_eq!(roster.in_department(&cs).count(), 2);
/// # Ok::<(), tousu_model::ModelError>(())
/// ```
#[derive(
    Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(try_from = "RosterDoc", into = "RosterDoc")]
pub struct Roster {
    departments: DepartmentTree,
    /// The staff in id order.
    staff: Vec<Staff>,
    /// Where each id is in `staff`: every command looks its actor up (and
    /// often a handler or a supervisor), and a search of the ordered map
    /// this replaced compared ids by their text at each node.
    #[schemars(skip)]
    index: StaffIndex,
}

/// The positions of a roster's staff by id ([`Roster::staff`]).
#[derive(Clone, Default, PartialEq, Eq)]
struct StaffIndex(HashMap<StaffId, usize, BuildHasherDefault<IdHasher>>);

impl std::fmt::Debug for StaffIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The staff list says it all; the index is where each one is.
        write!(f, "StaffIndex({} ids)", self.0.len())
    }
}

/// FNV-1a over an id's text: ids are short, and a roster is the
/// integrator's own configuration, not input an attacker chooses, so the
/// standard library's keyed hash (several times the work on a short id)
/// buys nothing here.
#[derive(Clone, Copy)]
struct IdHasher(u64);

impl Default for IdHasher {
    fn default() -> Self {
        IdHasher(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for IdHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// The stored form of a [`Roster`].
#[derive(
    Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(deny_unknown_fields)]
pub struct RosterDoc {
    /// The document's schema version ([`ROSTER_SCHEMA_VERSION`]).
    #[serde(default = "roster_version")]
    pub schema_version: u32,
    /// The departments.
    pub departments: DepartmentTree,
    /// The staff.
    pub staff: Vec<Staff>,
}

fn roster_version() -> u32 {
    ROSTER_SCHEMA_VERSION
}

impl Roster {
    /// Validates staff against the departments: unique ids, known departments
    /// and supervisors, no one their own supervisor (directly or around a
    /// loop), base points and bonuses not negative.
    pub fn new(departments: DepartmentTree, staff: Vec<Staff>) -> Result<Self, ModelError> {
        let mut sink = ProblemSink::default();
        let mut map = BTreeMap::new();
        for (i, s) in staff.iter().enumerate() {
            if map.insert(s.id.clone(), s.clone()).is_some() {
                sink.push(
                    format!("staff[{i}].id"),
                    format!("{:?} is listed twice", s.id.as_str()),
                );
            }
            if s.name.trim().is_empty() {
                sink.push(format!("staff[{i}].name"), "is blank");
            }
            if !departments.contains(&s.department) {
                sink.push(
                    format!("staff[{i}].department"),
                    format!(
                        "{:?} is not a department of the roster",
                        s.department.as_str()
                    ),
                );
            }
            if s.base_points.is_sign_negative() && !s.base_points.is_zero() {
                sink.push(
                    format!("staff[{i}].base_points"),
                    format!("{} is negative; base points are 0 or more", s.base_points),
                );
            }
            if s.monthly_bonus.is_negative() {
                sink.push(
                    format!("staff[{i}].monthly_bonus"),
                    format!("{} is negative; a bonus is 0 or more", s.monthly_bonus),
                );
            }
        }
        for (i, s) in staff.iter().enumerate() {
            let Some(sup) = &s.supervisor else { continue };
            if !map.contains_key(sup) {
                sink.push(
                    format!("staff[{i}].supervisor"),
                    format!("{:?} is not on the roster", sup.as_str()),
                );
                continue;
            }
            let mut cur = Some(sup);
            let mut steps = 0;
            while let Some(c) = cur {
                if c == &s.id {
                    sink.push(
                        format!("staff[{i}].supervisor"),
                        format!(
                            "{:?} is their own supervisor through the chain of supervisors",
                            s.id.as_str()
                        ),
                    );
                    break;
                }
                steps += 1;
                if steps > map.len() {
                    break;
                }
                cur = map.get(c).and_then(|x| x.supervisor.as_ref());
            }
        }
        sink.finish()?;
        let staff: Vec<Staff> = map.into_values().collect();
        let index = StaffIndex(
            staff
                .iter()
                .enumerate()
                .map(|(i, s)| (s.id.clone(), i))
                .collect(),
        );
        Ok(Roster {
            departments,
            staff,
            index,
        })
    }

    /// The department tree.
    pub fn departments(&self) -> &DepartmentTree {
        &self.departments
    }

    /// The staff member with this id.
    pub fn staff(&self, id: &StaffId) -> Option<&Staff> {
        self.staff.get(*self.index.0.get(id)?)
    }

    /// All staff, by id.
    pub fn all_staff(&self) -> impl Iterator<Item = &Staff> {
        self.staff.iter()
    }

    /// The staff of a department (not of its sub-departments), by id.
    pub fn in_department<'a>(
        &'a self,
        id: &'a DepartmentId,
    ) -> impl Iterator<Item = &'a Staff> + 'a {
        self.staff.iter().filter(move |s| &s.department == id)
    }
}

impl TryFrom<RosterDoc> for Roster {
    type Error = ModelError;
    fn try_from(doc: RosterDoc) -> Result<Self, ModelError> {
        if doc.schema_version > ROSTER_SCHEMA_VERSION {
            return Err(ModelError::Invalid {
                problems: vec![crate::Problem::new(
                    "schema_version",
                    format!(
                        "{} is newer than this library reads (at most {ROSTER_SCHEMA_VERSION})",
                        doc.schema_version
                    ),
                )],
            });
        }
        Roster::new(doc.departments, doc.staff)
    }
}

impl From<Roster> for RosterDoc {
    fn from(r: Roster) -> Self {
        RosterDoc {
            schema_version: ROSTER_SCHEMA_VERSION,
            departments: r.departments,
            staff: r.staff,
        }
    }
}
