use super::*;

// ---------------------------------------------------------------------------
// S03 — 物业客服篇表格目录, folded into the S04 file (its other tests are in
// `s04`): the register's 记录编号 and its rows as categories.
// ---------------------------------------------------------------------------

/// 「JL-008 客户服务单」「JL-009 客户投诉分析表」: the register numbers its record
/// forms JL-NNN; the case number borrows the prefix (an assumption: the
/// register numbers forms, not cases), the year and month, and a sequence.
#[test]
fn s03_case_numbers_carry_the_registers_prefix() {
    let p = policy("property-system9-s04.toml");
    let number = p
        .complaint_number
        .format(ComplaintNoParts {
            year: 2026,
            month: 3,
            seq: 7,
        })
        .unwrap();
    assert_eq!(number.as_str(), "JL-202603-0007");
}

/// 「工程服务单」: engineering service is a kind of house repair (《房屋维修申请表》),
/// and a complaint about it is accepted like the register's other rows.
#[test]
fn s03_engineering_service_is_a_house_repair() {
    let p = policy("property-system9-s04.toml");
    let engineering = p.category(&cat("engineering_service")).unwrap();
    assert_eq!(
        engineering
            .parent
            .as_ref()
            .map(ToString::to_string)
            .as_deref(),
        Some("house_repair")
    );
    let t0 = beijing(2026, 3, 2, 10, 0);
    let c = about(t0, "engineering_service", "工程服务单报修的水管三天未修")
        .build()
        .unwrap();
    assert_eq!(refused_by(&p, &c), None);
}
