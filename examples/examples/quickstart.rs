//! Quickstart: the README's main job.
//!
//! Builds one realistic complaint per intake channel with the model crate,
//! numbers them with the default pattern (年度月份流水号), and prints them as a
//! table with their Chinese labels. The lifecycle (deadlines, escalation,
//! penalties, reports) joins this example as the workflow and the facade land.
//!
//! Run it with `cargo run -p tousu-examples --example quickstart`.

use chrono::{FixedOffset, TimeZone};
use tousu_model::{
    Channel, Complainant, Complaint, ComplaintFlags, ComplaintNoParts, ComplaintNoPattern,
    CustomerClass, Money, ProductData, Remedy, RemedyKind, Respondent, StaffId,
};

type Error = Box<dyn std::error::Error>;

/// One intake: channel, who, what, what they ask for.
struct Intake {
    channel: Channel,
    complainant: Complainant,
    content: &'static str,
    class: Option<CustomerClass>,
    requested: Vec<Remedy>,
}

fn intakes() -> Result<Vec<Intake>, Error> {
    let yuan = |s: &str| s.parse::<Money>();
    Ok(vec![
        Intake {
            channel: Channel::Phone,
            complainant: Complainant::person("王先生")?.with_phone("13900000001"),
            content: "热水器安装后漏水，要求上门维修",
            class: Some(CustomerClass::B),
            requested: vec![Remedy::new(RemedyKind::Repair)],
        },
        Intake {
            channel: Channel::Visit,
            complainant: Complainant::person("刘女士")?,
            content: "营业厅排队两小时无人办理",
            class: Some(CustomerClass::C),
            requested: vec![Remedy::new(RemedyKind::Apology)],
        },
        Intake {
            channel: Channel::Letter,
            complainant: Complainant::organization("3号楼业主委员会")?,
            content: "电梯连续三周故障，物业未及时维修",
            class: Some(CustomerClass::KeyAccount),
            requested: vec![
                Remedy::new(RemedyKind::Repair),
                Remedy::new(RemedyKind::Explanation),
            ],
        },
        Intake {
            channel: Channel::Email,
            complainant: Complainant::organization("东莞某五金公司")?,
            content: "货架立柱焊点开裂，批次不良",
            class: Some(CustomerClass::A),
            requested: vec![Remedy::with_amount(
                RemedyKind::PriceAllowance,
                yuan("1,200.00")?,
            )?],
        },
        Intake {
            channel: Channel::Web,
            complainant: Complainant::person("陈先生")?,
            content: "网上预约维修，技师未按时上门",
            class: None,
            requested: vec![Remedy::with_amount(RemedyKind::Compensation, yuan("50")?)?],
        },
        Intake {
            channel: Channel::Chat,
            complainant: Complainant::person("赵女士")?,
            content: "会员卡余额被重复扣费",
            class: Some(CustomerClass::B),
            requested: vec![Remedy::with_amount(RemedyKind::Refund, yuan("199.00")?)?],
        },
        Intake {
            channel: Channel::OfficialAccount,
            complainant: Complainant::anonymous(),
            content: "餐厅菜品有异物",
            class: None,
            requested: vec![Remedy::new(RemedyKind::Replacement)],
        },
        Intake {
            channel: Channel::OpinionBook,
            complainant: Complainant::person("孙先生")?,
            content: "柜员服务态度冷淡",
            class: Some(CustomerClass::D),
            requested: vec![Remedy::new(RemedyKind::Apology)],
        },
        Intake {
            channel: Channel::SuggestionBox,
            complainant: Complainant::anonymous(),
            content: "小区夜间噪音无人管理",
            class: None,
            requested: Vec::new(),
        },
        Intake {
            channel: Channel::Media,
            complainant: Complainant::person("周女士")?,
            content: "新车交付一周出现异响，已联系报社",
            class: Some(CustomerClass::A),
            requested: vec![Remedy::new(RemedyKind::Return)],
        },
        Intake {
            channel: Channel::Referral,
            complainant: Complainant::person("吴先生")?,
            content: "12366转办：发票开具延误",
            class: None,
            requested: vec![Remedy::new(RemedyKind::Explanation)],
        },
        Intake {
            channel: Channel::Internal,
            complainant: Complainant::organization("质检部")?,
            content: "巡检发现客户资料登记不全",
            class: None,
            requested: Vec::new(),
        },
        Intake {
            channel: Channel::Other,
            complainant: Complainant::person("郑先生")?,
            content: "快递破损，货物缺件",
            class: Some(CustomerClass::C),
            requested: vec![Remedy::with_amount(RemedyKind::Compensation, yuan("80")?)?],
        },
    ])
}

/// Column widths in terminal cells; CJK characters take two cells.
const WIDTHS: [usize; 7] = [12, 17, 10, 18, 7, 11, 0];

fn cells(s: &str) -> usize {
    s.chars().map(|c| if c >= '\u{1100}' { 2 } else { 1 }).sum()
}

fn print_row(row: &[String; 7]) {
    let mut line = String::new();
    for (i, (text, width)) in row.iter().zip(WIDTHS).enumerate() {
        let pad = " ".repeat(width.saturating_sub(cells(text)));
        // The amount column is right-aligned, the rest left-aligned.
        if i == 5 {
            line.push_str(&pad);
            line.push_str(text);
            line.push_str("  ");
        } else {
            line.push_str(text);
            line.push_str(&pad);
            line.push(' ');
        }
    }
    println!("{}", line.trim_end());
}

fn main() -> Result<(), Error> {
    let beijing = FixedOffset::east_opt(8 * 3600).ok_or("offset")?;
    let first = beijing
        .with_ymd_and_hms(2025, 9, 30, 9, 0, 0)
        .single()
        .ok_or("time")?;
    let pattern = ComplaintNoPattern::default();
    let handler = StaffId::new("E-0042")?;

    println!("tousu quickstart — one complaint per intake channel (投诉渠道)\n");
    let header = [
        "编号 No.",
        "channel",
        "渠道",
        "complainant",
        "class",
        "claimed",
        "投诉内容",
    ];
    print_row(&header.map(str::to_owned));
    for (i, intake) in intakes()?.into_iter().enumerate() {
        let step = i64::try_from(i)?;
        let received = first + chrono::TimeDelta::minutes(47 * step);
        let mut builder = Complaint::builder(received.to_utc(), intake.channel, intake.content)
            .complainant(intake.complainant)
            .first_responder(handler.clone());
        if let Some(class) = intake.class {
            builder = builder.customer_class(class);
        }
        for r in intake.requested {
            builder = builder.request(r);
        }
        if intake.channel == Channel::Media {
            builder = builder.flags(ComplaintFlags {
                media_exposure: true,
                ..ComplaintFlags::default()
            });
        }
        if intake.channel == Channel::Email {
            builder = builder
                .respondent(Respondent::described("焊接车间")?)
                .product(ProductData {
                    part_no: Some("HJ-2040".into()),
                    quantity: Some(500),
                    defective_quantity: Some(12),
                    undetermined_in_processing: true,
                    ..ProductData::default()
                });
        }
        let complaint = builder.build()?;
        let local = complaint.received_at.with_timezone(&beijing);
        let no = pattern.format(ComplaintNoParts {
            year: chrono::Datelike::year(&local),
            month: chrono::Datelike::month(&local),
            seq: u32::try_from(i + 1)?,
        })?;
        let who = match &complaint.complainant.name {
            Some(name) => name.clone(),
            None => "(匿名 anonymous)".to_owned(),
        };
        let class = complaint.customer_class.map_or("-", |c| c.label_zh());
        print_row(&[
            no.to_string(),
            complaint.channel.id().to_owned(),
            complaint.channel.label_zh().to_owned(),
            who,
            class.to_owned(),
            complaint.amount_claimed()?.to_string(),
            complaint.content,
        ]);
    }
    println!(
        "\nEvery channel parses from its Chinese label too: \"热线\" -> {}",
        "热线".parse::<Channel>()?
    );
    Ok(())
}
