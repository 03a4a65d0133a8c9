//! Closed vocabularies with English ids and Chinese labels.
//!
//! Every enumeration here serializes as its English id (`"phone"`), parses
//! from that id (case-insensitively), from its Chinese label (`"电话"`) or from
//! the other Chinese names the seed regulations use (`"热线"`), and rejects
//! anything else with an error that lists what is accepted.
//!
//! ```
//! use tousu_model::{Channel, Satisfaction};
//! assert_eq!("热线".parse::<Channel>()?, Channel::Phone);
//! assert_eq!("Phone".parse::<Channel>()?, Channel::Phone);
//! assert_eq!(Channel::Phone.label_zh(), "电话");
//! assert_eq!("不满意".parse::<Satisfaction>()?, Satisfaction::Unsatisfied);
//! let err = "fax".parse::<Channel>().unwrap_err();
//! assert!(err.to_string().contains("accepted: phone, 电话, 热线"));
//! # Ok::<(), tousu_model::ModelError>(())
//! ```

use std::borrow::Cow;

use crate::ModelError;

macro_rules! labelled_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $(
                $(#[$vmeta:meta])*
                $variant:ident = $id:literal, $zh:literal $(, $alias:literal)*;
            )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
        #[serde(try_from = "String", into = "&'static str")]
        #[non_exhaustive]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )+
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[ $( $name::$variant, )+ ];

            /// Every text that parses: each id, its Chinese label and its aliases.
            pub const ACCEPTED: &'static [&'static str] = &[ $( $id, $zh, $( $alias, )* )+ ];

            /// The English id, as serialized.
            pub const fn id(self) -> &'static str {
                match self { $( $name::$variant => $id, )+ }
            }

            /// The Chinese label used in forms and reports.
            pub const fn label_zh(self) -> &'static str {
                match self { $( $name::$variant => $zh, )+ }
            }

            /// Other Chinese names the regulations use for this value.
            pub const fn aliases_zh(self) -> &'static [&'static str] {
                match self { $( $name::$variant => &[ $( $alias, )* ], )+ }
            }
        }

        impl std::str::FromStr for $name {
            type Err = ModelError;
            fn from_str(s: &str) -> Result<Self, ModelError> {
                let t = s.trim();
                $(
                    if t.eq_ignore_ascii_case($id) || t == $zh $( || t == $alias )* {
                        return Ok($name::$variant);
                    }
                )+
                Err(ModelError::UnknownLabel {
                    kind: stringify!($name),
                    input: s.to_owned(),
                    accepted: Self::ACCEPTED.to_vec(),
                })
            }
        }

        impl TryFrom<String> for $name {
            type Error = ModelError;
            fn try_from(s: String) -> Result<Self, ModelError> {
                s.parse()
            }
        }

        impl From<$name> for &'static str {
            fn from(v: $name) -> &'static str {
                v.id()
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.id())
            }
        }

        impl schemars::JsonSchema for $name {
            fn schema_name() -> Cow<'static, str> {
                Cow::Borrowed(stringify!($name))
            }

            fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
                let ids: Vec<String> = Self::ALL.iter().map(|v| format!("{} ({})", v.id(), v.label_zh())).collect();
                schemars::json_schema!({
                    "type": "string",
                    "enum": Self::ACCEPTED,
                    "description": format!("Serialized as the English id; the Chinese label and aliases also parse. Values: {}.", ids.join(", ")),
                })
            }
        }
    };
}

labelled_enum! {
    /// How a complaint reached the organization (投诉渠道).
    pub enum Channel {
        /// Telephone or hotline (电话 / 热线, e.g. 95598, 12366).
        Phone = "phone", "电话", "热线", "电话投诉";
        /// In person, at a counter or on site (来访 / 现场).
        Visit = "visit", "来访", "现场", "上门", "当面";
        /// Letter or other written submission (信函 / 书面).
        Letter = "letter", "信函", "书面", "来信";
        /// Electronic mail (电子邮件).
        Email = "email", "电子邮件", "邮件", "E-mail";
        /// Web site or online form (网站 / 在线).
        Web = "web", "网站", "在线", "网上", "网络";
        /// Instant messaging (聊天工具: QQ, WeChat chat).
        Chat = "chat", "聊天工具", "微信", "QQ";
        /// Official social-media account (公众号).
        OfficialAccount = "official_account", "公众号";
        /// Customer opinion book at a branch (意见簿).
        OpinionBook = "opinion_book", "意见簿", "客户意见簿";
        /// Suggestion or complaint box (意见箱 / 投诉箱).
        SuggestionBox = "suggestion_box", "意见箱", "投诉箱";
        /// Press, television or online media exposure (媒体).
        Media = "media", "媒体", "新闻媒体";
        /// Referred or assigned by a higher authority (上级转办 / 交办).
        Referral = "referral", "上级转办", "交办", "转办", "上级交办";
        /// Raised internally, by staff or an inspection (内部).
        Internal = "internal", "内部", "内部反馈";
        /// Anything else (其他).
        Other = "other", "其他";
    }
}

labelled_enum! {
    /// Customer class used by statistics and by some rules (客户分类).
    pub enum CustomerClass {
        /// Class A (A类客户).
        A = "a", "A类", "A类客户";
        /// Class B (B类客户).
        B = "b", "B类", "B类客户";
        /// Class C (C类客户).
        C = "c", "C类", "C类客户";
        /// Class D (D类客户).
        D = "d", "D类", "D类客户";
        /// Key account (大客户).
        KeyAccount = "key_account", "大客户", "重要客户";
    }
}

labelled_enum! {
    /// What the customer answered at the follow-up call (回访满意度).
    pub enum Satisfaction {
        /// 非常满意.
        VerySatisfied = "very_satisfied", "非常满意", "很满意";
        /// 满意.
        Satisfied = "satisfied", "满意";
        /// 一般 (neutral).
        Neutral = "neutral", "一般", "基本满意";
        /// 不满意.
        Unsatisfied = "unsatisfied", "不满意";
    }
}

impl Satisfaction {
    /// Whether the answer counts as satisfied for closing a case and for the
    /// satisfaction rate (非常满意, 满意 and 一般 do; 不满意 does not).
    pub const fn is_satisfied(self) -> bool {
        !matches!(self, Satisfaction::Unsatisfied)
    }
}

labelled_enum! {
    /// A kind of remedy a customer asks for or a solution offers (客户要求 / 处理方案).
    pub enum RemedyKind {
        /// Apology (道歉).
        Apology = "apology", "道歉", "赔礼道歉";
        /// Explanation (解释说明).
        Explanation = "explanation", "解释", "解释说明";
        /// Repair or rework (维修 / 返修).
        Repair = "repair", "维修", "返修", "返工";
        /// Replacement or exchange (换货 / 更换).
        Replacement = "replacement", "换货", "更换";
        /// Return of goods (退货).
        Return = "return", "退货";
        /// Refund (退款).
        Refund = "refund", "退款", "退费";
        /// Price allowance (折让).
        PriceAllowance = "price_allowance", "折让", "让价";
        /// Compensation (赔款 / 赔偿).
        Compensation = "compensation", "赔款", "赔偿";
        /// Gift or goodwill gesture (赠品 / 礼品).
        Gift = "gift", "赠品", "礼品";
        /// Recall (召回).
        Recall = "recall", "召回";
    }
}

labelled_enum! {
    /// Whether a complaint was founded, decided after investigation (投诉性质).
    pub enum Validity {
        /// 有效投诉: founded.
        Valid = "valid", "有效", "有效投诉";
        /// 无效投诉: unfounded.
        Invalid = "invalid", "无效", "无效投诉";
        /// 恶意投诉: malicious.
        Malicious = "malicious", "恶意", "恶意投诉";
    }
}

labelled_enum! {
    /// Who was found at fault (责任方).
    pub enum FaultParty {
        /// The organization itself (我方责任 / 责任投诉).
        Us = "us", "我方", "我方责任", "公司责任";
        /// The customer (客户责任).
        Customer = "customer", "客户", "客户责任";
        /// A third party or supplier (第三方 / 供应商).
        ThirdParty = "third_party", "第三方", "供应商", "第三方责任";
        /// Nobody (无责任投诉).
        Nobody = "nobody", "无责任", "无责任投诉";
    }
}

labelled_enum! {
    /// The kind of customer feedback (客户反馈类型); the policy says what each
    /// kind runs (its `kind` predicate).
    pub enum FeedbackKind {
        /// 投诉 / 客诉 / 抱怨.
        Complaint = "complaint", "投诉", "客诉", "抱怨";
        /// 咨询.
        Inquiry = "inquiry", "咨询";
        /// 建议.
        Suggestion = "suggestion", "建议";
        /// 表扬.
        Praise = "praise", "表扬";
    }
}

labelled_enum! {
    /// Whether a party is a person or an organization.
    pub enum PartyKind {
        /// A natural person (个人).
        Person = "person", "个人";
        /// A company, household committee or other organization (单位 / 企业).
        Organization = "organization", "单位", "企业", "公司";
    }
}

labelled_enum! {
    /// Administrative sanctions and rewards named by the regulations (行政处分 / 奖励).
    pub enum SanctionKind {
        /// 警告.
        Warning = "warning", "警告";
        /// 小过.
        MinorDemerit = "minor_demerit", "小过", "记小过";
        /// 大过.
        MajorDemerit = "major_demerit", "大过", "记大过";
        /// 通报批评: public criticism.
        PublicCriticism = "public_criticism", "通报批评", "批评";
        /// 降级.
        Demotion = "demotion", "降级", "降职";
        /// 开除 / 辞退 (recommended).
        Dismissal = "dismissal", "开除", "辞退", "解聘";
        /// 嘉奖.
        Commendation = "commendation", "嘉奖", "表扬奖励";
        /// 记功.
        Merit = "merit", "记功";
    }
}

labelled_enum! {
    /// How an exact amount is brought to the fen (舍入方式).
    pub enum RoundingMode {
        /// 四舍五入: half away from zero (the default).
        HalfUp = "half_up", "四舍五入";
        /// 银行家舍入: half to even.
        HalfEven = "half_even", "银行家舍入", "四舍六入五成双";
        /// 进位: away from zero.
        Up = "up", "进位", "向上取整";
        /// 舍去: toward zero.
        Down = "down", "舍去", "向下取整";
    }
}

#[allow(clippy::derivable_impls)] // the macro owns the derives; the default is stated here
impl Default for RoundingMode {
    fn default() -> Self {
        RoundingMode::HalfUp
    }
}

impl RoundingMode {
    pub(crate) fn strategy(self) -> rust_decimal::RoundingStrategy {
        use rust_decimal::RoundingStrategy as S;
        match self {
            RoundingMode::HalfUp => S::MidpointAwayFromZero,
            RoundingMode::HalfEven => S::MidpointNearestEven,
            RoundingMode::Up => S::AwayFromZero,
            RoundingMode::Down => S::ToZero,
        }
    }
}
