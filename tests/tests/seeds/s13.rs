use super::*;

// ---------------------------------------------------------------------------
// S13 — restaurant: a class-1 complaint not settled by the server becomes
// class 2 under the manager; 案例二's 例份 refund.
// ---------------------------------------------------------------------------
#[test]
fn s13_restaurant_class1_unsettled_becomes_class2() {
    let p = policy("restaurant-s13.toml");
    let roster = roster(
        &[
            ("rest", "中餐厅", None),
            ("fb", "餐饮部", None),
            ("mgmt", "总经理室", None),
        ],
        &[
            ("w1", "服务员小郑", "rest", &["server"], Some("lb")),
            ("lb", "领班阿芳", "rest", &["supervisor"], Some("fbm")),
            ("fbm", "中餐部经理", "fb", &["fb_manager"], Some("gm")),
            ("gm", "总经理", "mgmt", &["general_manager"], None),
        ],
    );
    let mut s = Scenario::new(p, roster);
    let t0 = beijing(2025, 10, 1, 12, 30);
    let c = Complaint::builder(
        t0,
        Channel::Visit,
        "12人国庆家宴，点的清蒸石斑上错成红烧，等了40分钟；服务员推荐的招牌菜上了三个例份，分量远超所需",
    )
    .complainant(person("陈女士（8号包厢）").with_phone("13500008888"))
    .category(cat("wrong_order"))
    .build()
    .unwrap();
    s.register("w1", "S13-1", c).unwrap();
    assert_eq!(level_of(&s), "class1");
    s.ok("w1", minutes(t0, 1), accept());
    s.ok("w1", minutes(t0, 2), assign_with("rest", "w1", &[]));
    s.ok("w1", minutes(t0, 3), investigate());
    s.ok(
        "w1",
        minutes(t0, 8),
        propose(
            vec![
                remedy(
                    RemedyKind::Replacement,
                    None,
                    "立即重新制作清蒸石斑（无条件更换）",
                ),
                remedy(RemedyKind::Apology, None, "道歉"),
            ],
            "出品质量/服务质量",
        ),
    );
    s.ok("lb", minutes(t0, 9), approve());
    s.ok("w1", minutes(t0, 10), reply("已重新制作清蒸石斑并致歉"));
    s.ok(
        "w1",
        minutes(t0, 60),
        callback(
            Satisfaction::Unsatisfied,
            "客人不满三个例份的推荐，要求餐厅经理出面",
        ),
    );
    // One round for class 1: the manager takes over, and the unsettled
    // complaint becomes class 2 (the step's `reclassify_to`).
    assert!(s.case().escalations.iter().any(|e| {
        e.step
            .as_ref()
            .is_some_and(|x| x.as_str() == "manager-after-class1")
    }));
    assert_eq!(level_of(&s), "class2");
    s.ok("fbm", minutes(t0, 65), reopen("经理出面处理"));
    s.ok("fbm", minutes(t0, 66), investigate());
    s.ok(
        "fbm",
        minutes(t0, 67),
        findings_of(
            FaultParty::Us,
            &[("w1", "1")],
            "一个例份适合4到6人，12人上三个例份属推荐不当；追究服务员及当班领班责任",
        ),
    );
    // 案例二: the guests pay one 例份 (168 元); the other two are borne by 中餐部.
    s.ok(
        "fbm",
        minutes(t0, 68),
        propose(
            vec![remedy(
                RemedyKind::PriceAllowance,
                Some("336"),
                "只收一份例份的价钱，其余两份由中餐部承担",
            )],
            "措施承诺：点菜时按人数推荐分量",
        ),
    );
    // 336 元 is above the 领班's 200 (assumed): the manager approves.
    let refused = s.run("lb", minutes(t0, 69), CommandKind::Approve);
    assert!(
        matches!(refused, Err(Rejection::OutOfAuthority { .. })),
        "{refused:?}"
    );
    s.ok("fbm", minutes(t0, 69), approve());
    s.ok("fbm", minutes(t0, 75), reply("经理致歉，两份例份免单336元"));
    s.ok(
        "fbm",
        minutes(t0, 120),
        callback(Satisfaction::VerySatisfied, "顾客投诉记录档案已建立"),
    );
    s.ok("fbm", minutes(t0, 125), close());
    s.assert_replays();
    insta::assert_snapshot!("s13_restaurant", timeline(&s.events));
}
