//! Every stored model type survives JSON and TOML unchanged.

use proptest::prelude::*;
use serde::{Serialize, de::DeserializeOwned};
use tousu_model::strategies as s;

/// TOML needs a table at the top.
#[derive(Serialize, serde::Deserialize, PartialEq, Debug)]
struct Wrap<T> {
    v: T,
}

fn roundtrip<T: Serialize + DeserializeOwned + PartialEq + std::fmt::Debug>(
    value: T,
) -> Result<(), TestCaseError> {
    let json = serde_json::to_string(&value).map_err(|e| TestCaseError::fail(e.to_string()))?;
    let back: T =
        serde_json::from_str(&json).map_err(|e| TestCaseError::fail(format!("{e}: {json}")))?;
    prop_assert_eq!(&back, &value, "JSON {}", json);
    let toml_text =
        toml::to_string(&Wrap { v: &value }).map_err(|e| TestCaseError::fail(e.to_string()))?;
    let back: Wrap<T> =
        toml::from_str(&toml_text).map_err(|e| TestCaseError::fail(format!("{e}: {toml_text}")))?;
    prop_assert_eq!(&back.v, &value, "TOML {}", toml_text);
    Ok(())
}

macro_rules! roundtrips {
    ($($name:ident: $strategy:expr;)+) => {
        proptest! {
            $(
                #[test]
                fn $name(v in $strategy) {
                    roundtrip(v)?;
                }
            )+
        }
    };
}

roundtrips! {
    level_id: s::level_id();
    category_id: s::category_id();
    role_id: s::role_id();
    fact_name: s::fact_name();
    case_id: s::case_id();
    staff_id: s::staff_id();
    department_id: s::department_id();
    party_id: s::party_id();
    attachment_id: s::attachment_id();
    money: s::money();
    channel: s::channel();
    customer_class: s::customer_class();
    satisfaction: s::satisfaction();
    remedy_kind: s::remedy_kind();
    validity: s::validity();
    fault_party: s::fault_party();
    feedback_kind: s::feedback_kind();
    party_kind: s::party_kind();
    sanction_kind: s::sanction_kind();
    rounding_mode: s::rounding_mode();
    contact: s::contact();
    complainant: s::complainant();
    respondent: s::respondent();
    remedy: s::remedy();
    product: s::product();
    flags: s::flags();
    fact_value: s::fact_value();
    attachment: s::attachment();
    complaint: s::complaint();
    department_tree: s::department_tree(8);
    roster: s::roster(12);
    complaint_no_pattern: s::complaint_no_pattern();
}

proptest! {
    /// Generated complaints are valid, and validation survives storage.
    #[test]
    fn stored_complaints_stay_valid(c in s::complaint()) {
        prop_assert!(c.validate().is_ok(), "{:?}", c.validate());
        let back: tousu_model::Complaint = serde_json::from_str(&serde_json::to_string(&c).unwrap()).unwrap();
        prop_assert!(back.validate().is_ok());
    }

    /// Every enum parses back from its id, its Chinese label and each alias.
    #[test]
    fn channel_labels_parse(ch in s::channel()) {
        prop_assert_eq!(ch.id().parse::<tousu_model::Channel>().unwrap(), ch);
        prop_assert_eq!(ch.label_zh().parse::<tousu_model::Channel>().unwrap(), ch);
        for alias in ch.aliases_zh() {
            prop_assert_eq!(alias.parse::<tousu_model::Channel>().unwrap(), ch);
        }
    }
}
