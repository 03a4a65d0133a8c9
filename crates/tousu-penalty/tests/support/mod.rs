//! Fixtures shared by the integration tests: the seed schedules and a roster.
#![allow(dead_code)]

use tousu_model::{Money, Roster, StaffId};
use tousu_penalty::{PenaltyFacts, PeriodResult, Statement};
use tousu_policy::PenaltySchedule;

/// Money from text.
pub(crate) fn m(s: &str) -> Money {
    s.parse().unwrap()
}

/// A staff id.
pub(crate) fn id(s: &str) -> StaffId {
    StaffId::new(s).unwrap()
}

/// A schedule from TOML.
pub(crate) fn schedule(toml_text: &str) -> PenaltySchedule {
    toml::from_str(toml_text).unwrap()
}

/// Facts from JSON.
pub(crate) fn facts(json: &str) -> PenaltyFacts {
    serde_json::from_str(json).unwrap()
}

/// A roster from JSON.
pub(crate) fn roster(json: &str) -> Roster {
    serde_json::from_str(json).unwrap()
}

/// The statement of one person.
pub(crate) fn of<'a>(r: &'a PeriodResult, staff: &str) -> &'a Statement {
    r.statements
        .iter()
        .find(|s| s.staff.as_str() == staff)
        .unwrap_or_else(|| panic!("no statement for {staff}"))
}

/// The S12 overtime table (20/30/50/80 元).
pub(crate) const S12: &str = r#"
[overtime]
"不满意" = "20"
"十分不满意" = "30"
"重大投诉" = "50"
"危机事件" = "80"
"#;

/// The S32 violation table (附则), with English descriptions.
pub(crate) const S32: &str = r#"
[violations.reception_etiquette]
description_zh = "接待投诉未按《员工服务礼仪标准》"
description_en = "Reception not to the etiquette standard"
responsible = "20"
[violations.caused_complaint]
description_zh = "未按礼仪标准接待引起投诉"
description_en = "Reception not to standard, causing a complaint"
responsible = "50"
supervisor = "20"
[violations.record_incomplete]
description_zh = "投诉记录漏项、不准确、不详细"
description_en = "Complaint record missing, inaccurate or not detailed"
responsible = "30"
per_item = true
[violations.untimely_handling]
description_zh = "记录不全导致处理不及时、不准确"
description_en = "Incomplete record causing untimely or inaccurate handling"
responsible = "100"
supervisor = "50"
[violations.review_late]
description_zh = "调度主管未按时审核投诉记录"
description_en = "Dispatch supervisor late reviewing the records"
responsible = "50"
[violations.ignored_repeat]
description_zh = "对投诉置之不理引起投诉人再次投诉"
description_en = "Complaint ignored, causing a repeat complaint"
responsible = "100"
supervisor = "50"
"#;

/// The S41 rules: 50 % cap, base-point split, sanctions with assumed values
/// (the source lost them), two major demerits take the whole bonus.
pub(crate) const S41: &str = r#"
[cap]
percent = "50"
[sanctions]
values = { warning = "50", minor_demerit = "100", major_demerit = "300" }
whole_bonus = { sanction = "major_demerit", min_count = 2 }
[losses]
department_split = "base_points"
unattributed = "whole_team_equally"
"#;

/// The S43 ladder: ≥3 → 200, ≥4 → 300, ≥5 with 情节严重 → dismissal
/// recommended (keeping the ≥4 consequences: tiers are exclusive).
pub(crate) const S43: &str = r#"
[count_ladder]
window = "month"
tiers = [
  { min_count = 3, amount = "200", outcomes = ["public_criticism"], description_zh = "当月被投诉超过3次(含)" },
  { min_count = 4, amount = "300", outcomes = ["public_criticism"], description_zh = "当月被投诉超过4次(含)" },
  { min_count = 5, amount = "300", outcomes = ["public_criticism", "dismissal"], requires_serious = true, description_zh = "投诉超过5次并情节严重" },
]
[yearly_reward]
description_zh = "年终评比无投诉"
"#;

/// A small organization: customer service with a dispatch desk, production.
pub(crate) const ROSTER: &str = r#"{
  "departments": [
    {"id": "hq", "name": "总经办"},
    {"id": "cs", "name": "客户服务部", "parent": "hq"},
    {"id": "dispatch", "name": "调度中心", "parent": "cs"},
    {"id": "prod", "name": "生产部", "parent": "hq"}
  ],
  "staff": [
    {"id": "boss", "name": "赵总", "department": "hq", "base_points": "10", "monthly_bonus": "10000"},
    {"id": "cs-mgr", "name": "钱经理", "department": "cs", "supervisor": "boss", "base_points": "5", "monthly_bonus": "3000"},
    {"id": "cs-1", "name": "孙一", "department": "cs", "supervisor": "cs-mgr", "base_points": "2", "monthly_bonus": "1000"},
    {"id": "cs-2", "name": "李二", "department": "cs", "supervisor": "cs-mgr", "base_points": "2", "monthly_bonus": "1000"},
    {"id": "disp-lead", "name": "周主管", "department": "dispatch", "supervisor": "cs-mgr", "base_points": "3", "monthly_bonus": "1500"},
    {"id": "disp-1", "name": "吴三", "department": "dispatch", "supervisor": "disp-lead", "base_points": "1", "monthly_bonus": "800"},
    {"id": "p1", "name": "郑工", "department": "prod", "supervisor": "boss", "base_points": "3", "monthly_bonus": "2000"},
    {"id": "p2", "name": "王工", "department": "prod", "supervisor": "p1", "base_points": "2", "monthly_bonus": "1000"},
    {"id": "p3", "name": "冯学徒", "department": "prod", "supervisor": "p1", "base_points": "5", "monthly_bonus": "0"}
  ]
}"#;
