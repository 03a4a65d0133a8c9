use super::*;

// ---------------------------------------------------------------------------
// S19 — service recovery: spoiled food handled at the table.
// ---------------------------------------------------------------------------
#[test]
fn s19_service_recovery_at_the_table() {
    let p = policy("service-recovery-s19.toml");
    let roster = roster(
        &[("rest", "餐厅", None)],
        &[
            ("w", "服务员小何", "rest", &["server"], Some("fm")),
            ("fm", "当班经理", "rest", &["floor_manager"], None),
        ],
    );
    // After service the remedy is announced within 24 hours (assumed).
    let mut later = Scenario::new(p.clone(), roster.clone());
    let t1 = beijing(2025, 7, 20, 9, 0);
    later
        .register(
            "w",
            "S19-2",
            Complaint::builder(t1, Channel::Phone, "昨晚用餐后腹泻，怀疑海鲜不新鲜")
                .category(cat("after_service"))
                .build()
                .unwrap(),
        )
        .unwrap();
    assert!(due_all(&later, t1).contains(&"remedy → 2025-07-21 09:00".to_owned()));

    let mut s = Scenario::new(p, roster);
    let t0 = beijing(2025, 7, 19, 19, 30);
    let c = Complaint::builder(t0, Channel::Visit, "刚上的海鲜粥有明显异味")
        .complainant(person("12号桌客人").with_phone("13700001212"))
        .category(cat("spoiled_food"))
        .build()
        .unwrap();
    s.register("w", "S19-1", c).unwrap();
    s.ok("w", minutes(t0, 1), accept());
    s.ok("w", minutes(t0, 1), assign_with("rest", "w", &[]));
    s.ok("w", minutes(t0, 2), investigate());
    s.ok(
        "w",
        minutes(t0, 2),
        note("当客人面撤下海鲜粥处理掉；已告知当班其他服务人员共同关注12号桌"),
    );
    // 「迅速行动」: the remedy within 10 minutes (assumed).
    s.ok(
        "w",
        minutes(t0, 6),
        propose(
            vec![
                remedy(RemedyKind::Apology, None, "承认错误，不辩解"),
                remedy(RemedyKind::Replacement, None, "重新制作一份"),
                remedy(RemedyKind::PriceAllowance, Some("88"), "海鲜粥免单"),
                remedy(RemedyKind::Gift, None, "赠送果盘及纪念品"),
            ],
            "协商经济补偿方法",
        ),
    );
    s.ok("fm", minutes(t0, 8), approve());
    s.ok(
        "fm",
        minutes(t0, 9),
        reply("经理致歉：粥已重做，免单88元，赠果盘"),
    );
    s.ok(
        "w",
        minutes(t0, 60),
        callback(Satisfaction::Satisfied, "离店前再次致歉，客人满意"),
    );
    s.ok("w", minutes(t0, 61), close());
    assert!(breach_list(&s).is_empty(), "{:?}", breach_list(&s));
    s.assert_replays();
    insta::assert_snapshot!("s19_service_recovery", timeline(&s.events));
}
