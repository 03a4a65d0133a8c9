//! Fields owed before a case passes a point (`[[registration.before]]`,
//! ruling 65), on S38's file: 6「对不能立即答复或解决的问题,做好登记,留下联系方法」
//! asks a contact of a complaint that is handed on, not of one answered at once.

use tousu_model::{Channel, Complainant, Complaint};
use tousu_policy::authority::Action;
use tousu_policy::{ClockEvent, Policy, Severity, check_invariants};

const S38: &str = include_str!("../../../policies/hospital-s38.toml");

const ENTRY: &str = "[[registration.before]]\nevents = [\"assigned\", \"escalated\", \"agreed_deadline_set\"]\nrequired = [\"contact\"]\n";

/// The S38 file with its entry replaced by `entry`.
fn with_entry(entry: &str) -> String {
    assert!(S38.contains(ENTRY), "the S38 file's entry moved");
    S38.replacen(ENTRY, entry, 1)
}

fn report(text: &str) -> String {
    Policy::parse_toml(text).unwrap().check().to_string()
}

fn complaint(contact: bool) -> Complaint {
    let who = Complainant::person("患者").unwrap();
    let who = if contact {
        who.with_phone("13800000038")
    } else {
        who
    };
    Complaint::builder(
        "2026-03-02T02:00:00Z".parse().unwrap(),
        Channel::Visit,
        "门诊缴费后发票金额与清单不符",
    )
    .complainant(who)
    .build()
    .unwrap()
}

#[test]
fn the_s38_entry_loads_round_trips_and_binds_only_handing_on() {
    let p = Policy::from_toml_str(S38).unwrap();
    let back = Policy::parse_toml(&p.to_toml_string().unwrap()).unwrap();
    assert_eq!(back.registration, p.registration);
    let reg = p.registration.as_ref().unwrap();
    // Registration itself asks nothing: a patient answered at once leaves no number.
    assert!(reg.first_missing(&complaint(false)).is_none());
    let missing = reg
        .missing_before(&complaint(false), Action::Assign, &[ClockEvent::Assigned])
        .unwrap();
    assert_eq!(
        (missing.index, missing.event, missing.field.path()),
        (0, ClockEvent::Assigned, "complainant.contact".to_owned())
    );
    assert!(
        reg.missing_before(&complaint(true), Action::Assign, &[ClockEvent::Assigned])
            .is_none()
    );
    // A reply is not handing on.
    assert!(
        reg.missing_before(&complaint(false), Action::Reply, &[ClockEvent::Replied])
            .is_none()
    );
    // A step the rules take (an unsatisfied callback's rung) is never refused:
    // only a command that causes the event itself is.
    assert!(
        reg.missing_before(
            &complaint(false),
            Action::RecordCallback,
            &[ClockEvent::CallbackRecorded, ClockEvent::Escalated]
        )
        .is_none()
    );
    assert!(
        reg.missing_before(
            &complaint(false),
            Action::Escalate,
            &[ClockEvent::Escalated]
        )
        .is_some()
    );
}

#[test]
fn an_entry_is_checked_with_paths() {
    let empty = report(&with_entry(
        "[[registration.before]]\nevents = []\nrequired = []\n",
    ));
    assert!(
        empty.contains("registration.before[0].events: is empty; name the clock events"),
        "{empty}"
    );
    assert!(
        empty.contains("registration.before[0].required: is empty; name the fields"),
        "{empty}"
    );
    let registered = report(&with_entry(
        "[[registration.before]]\nevents = [\"registered\", \"assigned\", \"assigned\"]\nrequired = [\"contact\", \"contact\"]\n",
    ));
    assert!(
        registered.contains("registration.before[0].events[0]: `registered` is the registration itself: list what every registration must give in registration.required"),
        "{registered}"
    );
    assert!(
        registered.contains("registration.before[0].events[2]: `assigned` is listed twice"),
        "{registered}"
    );
    assert!(
        registered
            .contains("registration.before[0].required[1]: complainant.contact is listed twice"),
        "{registered}"
    );
    let unknown = Policy::parse_toml(&with_entry(
        "[[registration.before]]\nevents = [\"handed_on\"]\nrequired = [\"contact\"]\n",
    ));
    assert!(unknown.is_err());
    let v1 = report(&S38.replacen("schema_version = 2", "schema_version = 1", 1));
    assert!(
        v1.contains("registration: is a section of schema_version 2; write schema_version = 2"),
        "{v1}"
    );
    let already = report(&S38.replacen(
        ENTRY,
        &format!("[registration]\nrequired = [\"contact\"]\n{ENTRY}"),
        1,
    ));
    assert!(
        already.contains("registration.before[0].required[0]: complainant.contact is already required at registration (registration.required[0]): this entry never refuses for it"),
        "{already}"
    );
}

/// A field owed before an event a case needs to end holds the case that
/// lacks it until its details are completed (ruling 66); one owed before an
/// event the rules also cause binds only the commands.
#[test]
fn check_invariants_finds_an_entry_that_strands_a_case() {
    let findings = |text: &str| {
        check_invariants(&Policy::from_toml_str(text).unwrap())
            .into_iter()
            .filter(|f| f.invariant == "record_requirement_binds")
            .map(|f| (f.severity, f.path))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        findings(S38),
        [(
            Severity::Info,
            "registration.before[0].events[1]".to_owned()
        )]
    );
    assert_eq!(
        findings(&with_entry(
            "[[registration.before]]\nevents = [\"closed\", \"withdrawn\", \"not_accepted\"]\nrequired = [\"contact\"]\n",
        )),
        [
            (
                Severity::Error,
                "registration.before[0].events[0]".to_owned()
            ),
            (
                Severity::Warning,
                "registration.before[0].events[1]".to_owned()
            ),
            (
                Severity::Warning,
                "registration.before[0].events[2]".to_owned()
            ),
        ]
    );
}

/// A field owed before an event must be one someone can give after
/// registration (ruling 66): with no role granted `complete_details`, or a
/// field it does not give, a complaint registered without it never passes
/// the events; stuck (an error) when a normal closure passes one of them.
#[test]
fn check_invariants_finds_a_field_nobody_can_complete() {
    let findings = |text: &str| {
        check_invariants(&Policy::from_toml_str(text).unwrap())
            .into_iter()
            .filter(|f| f.invariant == "record_requirement_completable")
            .map(|f| (f.severity, f.path, f.message))
            .collect::<Vec<_>>()
    };
    // S38's receiver completes the contact.
    assert_eq!(findings(S38), []);
    let granted = "\"add_note\", \"complete_details\"]";
    assert_eq!(S38.matches(granted).count(), 1, "the S38 grant moved");
    let nobody = with_entry(ENTRY).replacen(granted, "\"add_note\"]", 1);
    let found = findings(&nobody);
    assert_eq!(
        found
            .iter()
            .map(|(s, p, _)| (*s, p.as_str()))
            .collect::<Vec<_>>(),
        [(Severity::Error, "registration.before[0].required[0]")]
    );
    insta::assert_snapshot!(found[0].2, @"a case whose complaint was registered without complainant.contact can never be taken past `assigned`, `escalated`, `agreed_deadline_set` by a command: no role may complete_details, which would give it afterwards (ruling 66); grant complete_details to a role that takes complaints in, or require complainant.contact at registration (registration.required)");
    // Only a side road (an agreed deadline) is closed off: a warning.
    let side = with_entry(
        "[[registration.before]]\nevents = [\"agreed_deadline_set\"]\nrequired = [\"contact\"]\n",
    )
    .replacen(granted, "\"add_note\"]", 1);
    assert_eq!(
        findings(&side)
            .into_iter()
            .map(|(s, p, _)| (s, p))
            .collect::<Vec<_>>(),
        [(
            Severity::Warning,
            "registration.before[0].required[0]".to_owned()
        )]
    );
    // A field complete_details does not give, granted or not; one required
    // at registration as well is every complaint's already.
    let uncompletable = with_entry(
        "[registration]\nrequired = [\"location\"]\n\n[[registration.before]]\nevents = [\"assigned\"]\nrequired = [\"contact\", \"category\", \"location\", { fact = \"ward\" }]\n",
    );
    let found = findings(&uncompletable);
    assert_eq!(
        found
            .iter()
            .map(|(s, p, _)| (*s, p.as_str()))
            .collect::<Vec<_>>(),
        [
            (Severity::Error, "registration.before[0].required[1]"),
            (Severity::Error, "registration.before[0].required[3]"),
        ]
    );
    insta::assert_snapshot!(found[0].2, @"a case whose complaint was registered without category can never be taken past `assigned` by a command: category is given only at registration (only complete_details changes the complaint afterwards, and it gives the complainant's name, contact, the subject and the location; record_facts records findings, not the complaint); require it at registration (registration.required), or leave it out of this entry");
}

/// `phone` (ruling 138): a telephone number, where `contact` takes an
/// e-mail or an address too; a complaint with none fails both.
#[test]
fn phone_asks_a_telephone_number_not_any_contact() {
    use tousu_policy::RequiredField;
    let by_mail = {
        let mut c = complaint(false);
        c.complainant.contact.email = Some("patient@example.com".into());
        c
    };
    assert!(RequiredField::Contact.is_given(&by_mail));
    assert!(!RequiredField::Phone.is_given(&by_mail));
    assert!(RequiredField::Phone.is_given(&complaint(true)));
    assert!(!RequiredField::Phone.is_given(&complaint(false)));
    assert_eq!(RequiredField::Phone.path(), "complainant.contact.phone");
    // S04 三2「…及联系电话」.
    let p =
        Policy::from_toml_str(include_str!("../../../policies/property-system9-s04.toml")).unwrap();
    let reg = p.registration.as_ref().unwrap();
    let mut by_mail = by_mail;
    by_mail.location = Some("7-2-402".into());
    assert_eq!(
        reg.first_missing(&by_mail),
        Some((2, &RequiredField::Phone))
    );
    let mut called = complaint(true);
    called.location = Some("7-2-402".into());
    assert!(reg.first_missing(&called).is_none());
}
