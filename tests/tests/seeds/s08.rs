use super::*;
use chrono::{DateTime, Utc};

// ---------------------------------------------------------------------------
// S08 — 中信银行客户意见簿, a form folded into the S11 file: what each box of the
// book becomes, and what an entry of each kind owes.
// ---------------------------------------------------------------------------

/// 「我要□投诉□建议□表扬」: the book takes complaints, suggestions and praise.
/// Every entry is read within a day (S11 第九条「投诉管理人应每日查阅客户意见簿,及时了解
/// 客户意见和建议」); only a complaint owes a reply within 三日 (第七条(二)),
/// answered and signed in the book (so no later record, `callback`, is owed;
/// see `s11`). 「我现在心情是□」 is the fact `mood`, 「姓名:□先生□女士」
/// and 「联系电话:」 the complainant. (The file ran the reply clock for praise and
/// suggestions too, and breached them.)
#[test]
fn s08_each_box_of_the_opinion_book() {
    let roster = roster(
        &[("branch", "洛阳某支行营业部", None)],
        &[
            (
                "tsm",
                "投诉管理人",
                "branch",
                &["complaint_manager"],
                Some("bh"),
            ),
            ("bh", "网点负责人", "branch", &["branch_head"], None),
        ],
    );
    // Written on the Friday before the 2025 National Day holiday.
    let t0 = beijing(2025, 9, 26, 17, 0);
    let entry = |kind: FeedbackKind, content: &str| {
        let mut s = Scenario::new(policy("bank-branch-s11.toml"), roster.clone());
        let c = Complaint::builder(t0, Channel::OpinionBook, content)
            .kind(kind)
            .complainant(person("李先生").with_phone("13903790001"))
            .category(cat("service_attitude"))
            .fact(fact("mood"), text("满意"))
            .build()
            .unwrap();
        s.register("tsm", "S08-1", c).unwrap();
        // 每日: the next day, Saturday 27 September, is a rest day: rolled to
        // Sunday the 28th, a 调休 working day.
        let dues = due_all(&s, t0);
        assert!(
            dues.contains(&"opinion_book_review → 2025-09-29 00:00".to_owned()),
            "{dues:?}"
        );
        let started: Vec<String> = s
            .events
            .iter()
            .filter_map(|e| match &e.kind {
                EventKind::ClockStarted { milestone, .. } => Some(milestone.to_string()),
                _ => None,
            })
            .collect();
        // Read on Saturday 27 September: in time.
        s.ok("tsm", beijing(2025, 9, 27, 9, 0), accept());
        s.tick(beijing(2025, 10, 10, 9, 0));
        (started, breach_list(&s), s)
    };
    for (kind, content) in [
        (FeedbackKind::Praise, "我要表扬：柜员小王耐心细致"),
        (FeedbackKind::Suggestion, "我要建议：增加一台自助填单机"),
    ] {
        let (started, breaches, _) = entry(kind, content);
        assert_eq!(started, ["opinion_book_review"], "{kind:?}");
        assert!(breaches.is_empty(), "{kind:?}: {breaches:?}");
    }
    let (started, breaches, s) = entry(FeedbackKind::Complaint, "我要投诉：柜员态度冷淡");
    // 三日 counted from the day after: 27, 28 and 29 September.
    assert_eq!(due(&s, t0, "book_reply"), "2025-09-30 00:00");
    assert_eq!(started, ["book_reply", "opinion_book_review"]);
    // 三日 from Friday 26 September end on Monday the 29th: unanswered, breached.
    assert_eq!(breaches, ["book_reply@1"]);
    let c = &s.case().complaint;
    assert_eq!(c.facts.get(&fact("mood")), Some(&text("满意")));
    assert_eq!(c.complainant.name.as_deref(), Some("李先生"));
}

/// S11 第七条(二)「对当场不能答复的,应在三日内回复客户」 is the reply a complaint in the
/// book owes (第九条「投诉处理完毕,投诉管理人要在客户意见簿上回复相关处理意见」); neither
/// article, nor any other of S11, gives the branch a 延期 — more time is the
/// 回复时限 agreed with the customer (第八条(三)「和客户约定回复时限」), which a writer in
/// the book, who may have left no contact, is not asked for. The tenth audit:
/// the complaint manager could ask the branch head for an extension, which
/// paused the 三日 (assumed, with no clause), so a complaint in the book
/// answered a week late breached nothing (fails on the old file).
#[test]
fn s08_the_three_days_of_a_complaint_in_the_book_are_not_extended() {
    let roster = roster(
        &[("branch", "洛阳某支行营业部", None)],
        &[
            (
                "tsm",
                "投诉管理人",
                "branch",
                &["complaint_manager"],
                Some("bh"),
            ),
            ("bh", "网点负责人", "branch", &["branch_head"], None),
        ],
    );
    let mut s = Scenario::new(policy("bank-branch-s11.toml"), roster);
    // Written on Wednesday 17 June 2026, before the Dragon Boat Festival
    // (19–21 June).
    let t0 = beijing(2026, 6, 17, 10, 0);
    let c = Complaint::builder(t0, Channel::OpinionBook, "我要投诉：理财经理反复推销保险")
        .kind(FeedbackKind::Complaint)
        .complainant(person("王女士"))
        .category(cat("service_attitude"))
        .build()
        .unwrap();
    s.register("tsm", "S08-X", c).unwrap();
    s.ok("tsm", beijing(2026, 6, 17, 17, 0), accept());
    // 三日: 18, 19 and 20 June; the 20th falls in the holiday, rolled to
    // Monday the 22nd.
    assert_eq!(due(&s, t0, "book_reply"), "2026-06-23 00:00");
    let asked = s
        .run(
            "tsm",
            beijing(2026, 6, 18, 9, 0),
            CommandKind::RequestExtension {
                reason: "需总行个金部核查销售记录".to_owned(),
                until: None,
            },
        )
        .unwrap_err();
    assert!(matches!(asked, Rejection::NotPermitted { .. }), "{asked}");
    let decided = s
        .run(
            "bh",
            beijing(2026, 6, 18, 10, 0),
            CommandKind::ApproveExtension,
        )
        .unwrap_err();
    assert!(
        matches!(decided, Rejection::NotPermitted { .. }),
        "{decided}"
    );
    s.tick(beijing(2026, 6, 24, 9, 0));
    s.assert_replays();
    assert_eq!(breach_list(&s), ["book_reply@1"]);
}

/// A branch with a teller, its designated 投诉管理人 and the branch head,
/// under S11's file (the opinion book's rules live there).
fn branch_with_its_complaint_manager() -> Scenario {
    let roster = roster(
        &[("branch", "洛阳某支行营业部", None)],
        &[
            ("gy", "柜员小王", "branch", &["staff"], Some("tsm")),
            (
                "tsm",
                "投诉管理人",
                "branch",
                &["complaint_manager"],
                Some("bh"),
            ),
            ("bh", "网点负责人", "branch", &["branch_head"], None),
        ],
    );
    Scenario::new(policy("bank-branch-s11.toml"), roster)
}

/// S11 第九条「投诉管理人应每日查阅客户意见簿,及时了解客户意见和建议」: the daily
/// reading is the 投诉管理人's from the clause, not from his first act on the
/// entry. A teller who copies an entry into the register has not made the
/// 投诉管理人's reading, and the book is not a complaint he received
/// (第六条's 首问负责制 is the employee's whom the customer addressed): an
/// entry nobody reads in time is the roster's 投诉管理人's (`holder`, ruling
/// 75), the teller's only when the roster names no single one. The second
/// tenth-session audit: the late reading was the teller's (fails on the old
/// file).
#[test]
fn s08_an_unread_entry_is_the_complaint_managers() {
    let mut s = branch_with_its_complaint_manager();
    // Written on Tuesday 12 May 2026, after the Labour Day holiday.
    let t0 = beijing(2026, 5, 12, 16, 0);
    let c = Complaint::builder(t0, Channel::OpinionBook, "我要建议：叫号屏增加预计等候时间")
        .kind(FeedbackKind::Suggestion)
        .complainant(person("赵女士"))
        .category(cat("waiting"))
        .build()
        .unwrap();
    s.register("gy", "S08-R", c).unwrap();
    // 每日: the end of Wednesday 13 May.
    assert_eq!(due(&s, t0, "opinion_book_review"), "2026-05-14 00:00");
    s.tick(beijing(2026, 5, 14, 9, 0));
    s.assert_replays();
    assert_eq!(breach_owners(&s), ["opinion_book_review@1 → tsm"]);
}

/// S11 第九条「投诉处理完毕,投诉管理人要在客户意见簿上回复相关处理意见,并签字确认」: the
/// 三日 of a complaint written in the book (第七条(二)) are the 投诉管理人's from
/// the clause, as its daily reading is: a teller who copied the entry into the
/// register was not addressed by the customer (第六条's 首问负责制 is the
/// employee's who was). The complaint runs `book_reply`, not `reply`, and a
/// reply nobody gave is the roster's 投诉管理人's (`holder`, ruling 75). The
/// second tenth-session audit: the 三日 were the teller's (fails on the old
/// file).
#[test]
fn s08_a_complaint_in_the_book_is_the_complaint_managers_to_answer() {
    let mut s = branch_with_its_complaint_manager();
    // Written on Monday 18 May 2026.
    let t0 = beijing(2026, 5, 18, 11, 0);
    let c = book_complaint(
        t0,
        "我要投诉：大堂经理未告知需要预约",
        "孙先生",
        "13903790002",
        "business_process",
    );
    s.register("gy", "S08-C", c).unwrap();
    // Nobody acts on it. 三日: 19, 20 and 21 May, due at the end of the 21st;
    // the reading was due at the end of the 19th.
    s.tick(beijing(2026, 5, 22, 9, 0));
    s.assert_replays();
    assert_eq!(
        breach_owners(&s),
        ["book_reply@1 → tsm", "opinion_book_review@1 → tsm"]
    );
}

/// S11 第九条「投诉处理完毕,投诉管理人要在客户意见簿上回复相关处理意见,并签字确认;客户留有
/// 联系方式的,必须回复客户」 gives a complaint written in the book no 回复时限 agreed
/// with its writer, who is not there: 第八条(三)「当场不能答复的,投诉管理人要安抚客户
/// 情绪,并和客户约定回复时限」 and 第十一条(一)3 agree one with a customer at the
/// counter or on the phone. A complaint in the book owes the 三日 of 第七条(二)
/// (`book_reply`) and no date of the 投诉管理人's own: he may not set one on it
/// (refused, nothing changes), while he still may for a complaint made at the
/// counter. The eleventh audit (fails on the old file, where the date was set
/// on the book's complaint and ran beside the 三日).
#[test]
fn s08_no_reply_time_is_agreed_for_a_complaint_in_the_book() {
    let mut s = branch_with_its_complaint_manager();
    // Written on Wednesday 10 June 2026.
    let t0 = beijing(2026, 6, 10, 14, 0);
    let c = Complaint::builder(
        t0,
        Channel::OpinionBook,
        "我要投诉：自助存款机吞卡后无人处理",
    )
    .kind(FeedbackKind::Complaint)
    .complainant(person("周女士").with_phone("13903790003"))
    .category(cat("business_process"))
    .build()
    .unwrap();
    s.register("gy", "S08-D", c).unwrap();
    s.ok("tsm", minutes(t0, 60), accept());
    let before = s.case().clone();
    let promised = s
        .run(
            "tsm",
            minutes(t0, 70),
            CommandKind::SetAgreedDeadline {
                deadline: beijing(2026, 6, 18, 17, 0),
            },
        )
        .unwrap_err();
    assert_eq!(promised.kind(), "grant_condition_unmet", "{promised}");
    assert_eq!(s.case(), &before, "the refusal changes nothing");
    // 三日: 11, 12 and 13 June; the 13th is a Saturday, so the end of Monday 15 June.
    assert_eq!(due(&s, t0, "book_reply"), "2026-06-16 00:00");
    s.tick(beijing(2026, 6, 16, 9, 0));
    s.assert_replays();
    assert_eq!(breach_owners(&s), ["book_reply@1 → tsm"]);

    // The same complaint made at the counter: the time is agreed (第八条(三)).
    let mut counter = branch_with_its_complaint_manager();
    let c = Complaint::builder(t0, Channel::Visit, "自助存款机吞卡后无人处理")
        .complainant(person("周女士").with_phone("13903790003"))
        .category(cat("business_process"))
        .build()
        .unwrap();
    counter.register("gy", "S08-E", c).unwrap();
    counter.ok("tsm", minutes(t0, 10), accept());
    counter.ok(
        "tsm",
        minutes(t0, 20),
        CommandKind::SetAgreedDeadline {
            deadline: beijing(2026, 6, 12, 17, 0),
        },
    );
}

/// S11 第九条「对超出本网点处理权限的投诉,经网点负责人确认后,报总行规范服务管理部门处理」
/// (第八条(四), 第十条(三), 第十一条(一)4 likewise): a complaint in the book goes
/// to the head office only once the 网点负责人 has confirmed it is beyond the
/// branch. The 投诉管理人 who finds it so (the fact `beyond_branch_authority`)
/// and classifies the case by the rules does not confirm it: the level stays
/// `branch` and his report to the head office is refused; the branch head's
/// reclassification is the confirmation, and then the report is taken. The
/// second eleventh-session audit (fails on the old file, where a classification
/// rule on that fact made the case `beyond_branch` and the report was taken
/// with no confirmation).
#[test]
fn s08_only_the_branch_head_confirms_a_complaint_beyond_the_branch() {
    let mut s = Scenario::new(policy("bank-branch-s11.toml"), branch_and_head_office());
    // Written on Monday 9 November 2026.
    let t0 = beijing(2026, 11, 9, 10, 0);
    let c = Complaint::builder(
        t0,
        Channel::OpinionBook,
        "我要投诉：信用卡年费规则变更未提前通知",
    )
    .kind(FeedbackKind::Complaint)
    .complainant(person("钱先生").with_phone("13903790009"))
    .category(cat("fees"))
    .build()
    .unwrap();
    s.register("gy", "S08-H", c).unwrap();
    s.ok("tsm", minutes(t0, 60), accept());
    s.ok("tsm", minutes(t0, 61), assign("branch", "tsm"));
    s.ok("tsm", minutes(t0, 62), investigate());
    s.ok(
        "tsm",
        minutes(t0, 90),
        CommandKind::RecordFacts {
            facts: [(fact("beyond_branch_authority"), yes())].into(),
        },
    );
    s.ok(
        "tsm",
        minutes(t0, 91),
        CommandKind::Classify {
            level: None,
            reason: None,
        },
    );
    assert_eq!(
        level_of(&s),
        "branch",
        "classified beyond the branch with no confirmation"
    );
    let before = s.case().clone();
    let reported = s
        .run(
            "tsm",
            minutes(t0, 95),
            escalate_to("head-office", "年费规则由总行制定"),
        )
        .unwrap_err();
    assert_eq!(reported.kind(), "no_escalation_step", "{reported}");
    assert_eq!(s.case(), &before, "the refusal changes nothing");
    // The branch head confirms it: then the complaint manager reports it.
    s.ok(
        "bh",
        minutes(t0, 120),
        CommandKind::Classify {
            level: Some(level("beyond_branch")),
            reason: Some("年费规则属总行统一制定,超出本网点处理权限".to_owned()),
        },
    );
    s.ok(
        "tsm",
        minutes(t0, 125),
        escalate_to("head-office", "年费规则由总行制定"),
    );
    assert_eq!(steps_taken(&s), ["head-office"]);
    s.assert_replays();
}

/// S11 第九条「投诉处理完毕,投诉管理人要在客户意见簿上回复相关处理意见,并签字确认;客户留有
/// 联系方式的,必须回复客户」: a complaint written in the book ends with the
/// 投诉管理人's reply in the book, signed there; its writer may have left no
/// contact, so no 回访 can follow it. The branch head closes the replied entry
/// on that reply (`[closure] callback = "none"` limited by `callback_when` to
/// the channel `opinion_book`, ruling 120), as closure kind `on_reply`; a
/// complaint made at the counter still needs the 投诉管理人's record first (the
/// `callback` record, 第八条(三)), and its closing without one is refused and
/// changes nothing. Fixed (eleventh session): fails on the old file, where the
/// book's complaint could be closed only after a satisfied callback.
#[test]
fn s08_a_complaint_in_the_book_closes_on_its_reply_in_the_book() {
    let mut s = branch_with_its_complaint_manager();
    // Written on Monday 8 June 2026 by a customer who left no contact.
    let t0 = beijing(2026, 6, 8, 10, 0);
    let c = Complaint::builder(t0, Channel::OpinionBook, "我要投诉：等候时间过长")
        .kind(FeedbackKind::Complaint)
        .complainant(person("钱女士"))
        .category(cat("waiting"))
        .build()
        .unwrap();
    s.register("tsm", "S08-F", c).unwrap();
    s.ok("tsm", minutes(t0, 30), accept());
    s.ok(
        "tsm",
        minutes(t0, 60),
        reply("已在客户意见簿上回复处理意见并签字确认"),
    );
    s.ok("bh", minutes(t0, 90), close());
    assert_eq!(status(&s), Status::Closed);
    assert_eq!(closure_kind(&s), "OnReply");
    assert_eq!(breach_owners(&s), Vec::<String>::new());
    s.assert_replays();

    // The same complaint made at the counter: the record comes first.
    let mut counter = branch_with_its_complaint_manager();
    let c = Complaint::builder(t0, Channel::Visit, "等候时间过长")
        .complainant(person("钱女士").with_phone("13903790004"))
        .category(cat("waiting"))
        .build()
        .unwrap();
    counter.register("tsm", "S08-G", c).unwrap();
    counter.ok("tsm", minutes(t0, 30), accept());
    counter.ok("tsm", minutes(t0, 60), reply("已解释并致歉"));
    let before = counter.case().clone();
    let closed = counter.run("bh", minutes(t0, 90), close()).unwrap_err();
    assert_eq!(closed.kind(), "invalid_transition", "{closed}");
    assert_eq!(counter.case(), &before, "the refusal changes nothing");
}

/// S11 第九条「对超出本网点处理权限的投诉,经网点负责人确认后,报总行规范服务管理部门处理。投诉处理完毕,投诉管理人要在客户意见簿上回复相关处理意见,并签字确认」:
/// a complaint in the book that went to the head office is still answered in
/// the book by the 投诉管理人 once the head office has handled it. The head
/// office replied to it itself, which met the book's 三日 and let the branch
/// head close the entry on that reply (`callback = "none"` for the book), with
/// no reply in the book. Now the head office's reply is refused on a complaint
/// in the book and changes nothing; the 三日 run on, the 投诉管理人's, who
/// answers in the book, and the branch head closes on that reply. The twelfth
/// audit (fails on the old file, where the head office's reply was taken).
#[test]
fn s08_the_head_office_does_not_answer_in_the_book() {
    let roster = branch_and_head_office();
    let mut s = Scenario::new(policy("bank-branch-s11.toml"), roster);
    // Written on Monday 9 November 2026.
    let t0 = beijing(2026, 11, 9, 10, 0);
    let c = Complaint::builder(
        t0,
        Channel::OpinionBook,
        "我要投诉：信用卡年费规则变更未提前通知",
    )
    .kind(FeedbackKind::Complaint)
    .complainant(person("钱先生").with_phone("13903790009"))
    .category(cat("fees"))
    .build()
    .unwrap();
    s.register("tsm", "S08-I", c).unwrap();
    s.ok("tsm", minutes(t0, 60), accept());
    s.ok(
        "bh",
        minutes(t0, 120),
        CommandKind::Classify {
            level: Some(level("beyond_branch")),
            reason: Some("年费规则属总行统一制定,超出本网点处理权限".to_owned()),
        },
    );
    s.ok(
        "tsm",
        minutes(t0, 125),
        escalate_to("head-office", "年费规则由总行制定"),
    );
    s.ok("bh", minutes(t0, 130), assign_with("ho", "ho1", &[]));
    s.ok("ho1", beijing(2026, 11, 10, 9, 0), investigate());
    let before = s.case().clone();
    let answered = s
        .run(
            "ho1",
            beijing(2026, 11, 11, 15, 0),
            reply("总行已调整年费通知规则"),
        )
        .unwrap_err();
    assert_eq!(answered.kind(), "grant_condition_unmet", "{answered}");
    assert_eq!(s.case(), &before, "the refusal changes nothing");
    assert!(
        due_all(&s, beijing(2026, 11, 11, 15, 0))
            .iter()
            .any(|d| d.starts_with("book_reply")),
        "the 三日 still run"
    );
    // The 投诉管理人 answers in the book; the branch head closes on that reply.
    s.ok(
        "tsm",
        beijing(2026, 11, 11, 16, 0),
        reply("已在客户意见簿上回复总行处理意见并签字确认"),
    );
    s.ok("bh", beijing(2026, 11, 11, 17, 0), close());
    assert_eq!(status(&s), Status::Closed);
    assert_eq!(closure_kind(&s), "OnReply");
    assert_eq!(breach_owners(&s), Vec::<String>::new());
    s.assert_replays();
}

/// S11 第九条「投诉处理完毕,投诉管理人要在客户意见簿上回复相关处理意见,并签字确认;客户留有联系方式的,
/// 必须回复客户」: a complaint written in the book is answered there. The branch
/// head's abnormal closure (assumed: S11 has no 非正常结案) ends one only once the
/// 投诉管理人 has answered it; before, it is refused as `grant_condition_unmet`
/// and changes nothing, the book's 三日 still running. Twentieth audit; fails on
/// the old file (the branch head closed the unanswered entry, meeting the 三日).
#[test]
fn s08_the_branch_head_does_not_end_an_unanswered_complaint_in_the_book() {
    let mut s = branch_with_its_complaint_manager();
    let t0 = beijing(2026, 6, 8, 10, 0);
    let c = book_complaint(
        t0,
        "我要投诉：柜员态度恶劣",
        "孙先生",
        "13903790005",
        "waiting",
    );
    s.register("tsm", "S08-AB", c).unwrap();
    s.ok("tsm", minutes(t0, 30), accept());
    let end = || CommandKind::CloseAbnormally {
        reason: "客户要求无法满足".into(),
    };
    let refused = s.refused("bh", minutes(t0, 60), end());
    assert_eq!(refused.kind(), "grant_condition_unmet", "{refused}");
    s.ok(
        "tsm",
        minutes(t0, 90),
        reply("已在客户意见簿上回复处理意见并签字确认"),
    );
    s.ok("bh", minutes(t0, 120), end());
    assert_eq!(status(&s), Status::Closed);
    s.assert_replays();
}

/// A branch (teller, 投诉管理人, branch head) and the 总行规范服务管理部门's 专员.
fn branch_and_head_office() -> Roster {
    roster(
        &[
            ("branch", "洛阳某支行营业部", None),
            ("ho", "总行规范服务管理部门", None),
        ],
        &[
            ("gy", "柜员小王", "branch", &["staff"], Some("tsm")),
            (
                "tsm",
                "投诉管理人",
                "branch",
                &["complaint_manager"],
                Some("bh"),
            ),
            ("bh", "网点负责人", "branch", &["branch_head"], None),
            (
                "ho1",
                "总行规范服务管理部专员",
                "ho",
                &["head_office"],
                None,
            ),
        ],
    )
}

/// S11 第九条「对属于本网点处理权限的投诉,应及时通知责任人进行处理;对超出本网点处理权限的投诉,
/// 经网点负责人确认后,报总行规范服务管理部门处理」: the 投诉管理人 hands a complaint in the book
/// to the branch's 投诉管理人 or head; it reaches the head office only by the report made
/// once the branch head confirmed it beyond the branch. His assignment and his
/// transfer of an unconfirmed complaint to the head office's 专员 are refused as
/// `hand_over_refused` and change nothing. Twentieth audit; fails on the old file
/// (the complaint went to the head office unconfirmed).
#[test]
fn s08_the_complaint_manager_does_not_send_the_book_to_the_head_office_unconfirmed() {
    let mut s = Scenario::new(policy("bank-branch-s11.toml"), branch_and_head_office());
    let t0 = beijing(2026, 11, 9, 10, 0);
    let c = book_complaint(
        t0,
        "我要投诉：取号机故障无人处理",
        "周女士",
        "13903790010",
        "waiting",
    );
    s.register("gy", "S08-HO", c).unwrap();
    s.ok("tsm", minutes(t0, 60), accept());
    assert_eq!(level_of(&s), "branch");
    let refused = s.refused("tsm", minutes(t0, 61), assign("ho", "ho1"));
    assert_eq!(refused.kind(), "hand_over_refused", "{refused}");
    s.ok("tsm", minutes(t0, 62), assign("branch", "tsm"));
    let refused = s.refused("tsm", minutes(t0, 63), transfer("ho", "ho1", "报总行处理"));
    assert_eq!(refused.kind(), "hand_over_refused", "{refused}");
    s.assert_replays();
}

/// S11 第九条「对属于本网点处理权限的投诉,应及时通知责任人进行处理;对超出本网点处理权限的投诉,
/// 经网点负责人确认后,报总行规范服务管理部门处理」: a complaint in the book the branch handles is
/// not the head office's. Its 专员's findings and proposal on one the 投诉管理人 is
/// investigating, never reported, are refused (`holds_case`) and change nothing;
/// the 投诉管理人 finds. Twentieth audit; fails on the old file (the head office's
/// findings were recorded).
#[test]
fn s08_the_head_office_does_not_handle_a_complaint_the_branch_holds() {
    let mut s = Scenario::new(policy("bank-branch-s11.toml"), branch_and_head_office());
    let t0 = beijing(2026, 11, 10, 10, 0);
    let c = book_complaint(
        t0,
        "我要投诉：理财产品介绍不清",
        "吴先生",
        "13903790011",
        "fees",
    );
    s.register("gy", "S08-HB", c).unwrap();
    s.ok("tsm", minutes(t0, 60), accept());
    s.ok("tsm", minutes(t0, 61), assign("branch", "tsm"));
    s.ok("tsm", minutes(t0, 62), investigate());
    let found = || findings(FaultParty::Us, "介绍不充分");
    refused_not_holding(&mut s, "ho1", minutes(t0, 90), found());
    refused_not_holding(
        &mut s,
        "ho1",
        minutes(t0, 95),
        propose(vec![rem(RemedyKind::Apology)], "致歉"),
    );
    s.ok("tsm", minutes(t0, 100), found());
    s.assert_replays();
}

/// A complaint written in the opinion book at `t0` by `who` (phone `phone`),
/// of category `category`.
fn book_complaint(
    t0: DateTime<Utc>,
    text: &str,
    who: &str,
    phone: &str,
    category: &str,
) -> Complaint {
    Complaint::builder(t0, Channel::OpinionBook, text)
        .kind(FeedbackKind::Complaint)
        .complainant(person(who).with_phone(phone))
        .category(cat(category))
        .build()
        .unwrap()
}
