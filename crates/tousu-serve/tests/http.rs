//! The service in-process on a loopback port: statuses, the error shape,
//! idempotency, the token and the size limit. A minimal HTTP/1.1 client
//! over std's TcpStream keeps the test free of a client crate.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::sync::{Arc, Mutex};

use serde_json::{Value, json};
use tousu::prelude::*;
use tousu_serve::Service;
use tousu_serve::http::{Config, serve};

fn roster() -> Roster {
    let cs = DepartmentId::new("cs").unwrap();
    let eng = DepartmentId::new("eng").unwrap();
    Roster::new(
        DepartmentTree::new(vec![
            Department::new(cs.clone(), "客服部", None),
            Department::new(eng.clone(), "工程部", None),
        ])
        .unwrap(),
        vec![
            Staff::new(StaffId::new("kf1").unwrap(), "李客服", cs)
                .with_role(RoleId::new("complaint_manager").unwrap()),
            Staff::new(StaffId::new("h1").unwrap(), "张师傅", eng)
                .with_role(RoleId::new("handler").unwrap()),
        ],
    )
    .unwrap()
}

struct Server {
    addr: SocketAddr,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(t) = self.thread.take() {
            t.join().unwrap();
        }
    }
}

fn start(config: Config) -> Server {
    start_with(config, Policy::default_policy().unwrap())
}

fn start_with(config: Config, policy: Policy) -> Server {
    let (tx, rx) = std::sync::mpsc::channel();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let thread = std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .unwrap();
        rt.block_on(async move {
            let engine = Engine::new(policy, roster(), MemoryStore::new()).unwrap();
            let service = Arc::new(Mutex::new(Service::new(engine)));
            let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
            tx.send(listener.local_addr().unwrap()).unwrap();
            serve(listener, service, &config, async {
                let _ = stopped.await;
            })
            .await
            .unwrap();
        });
    });
    Server {
        addr: rx.recv().unwrap(),
        stop: Some(stop),
        thread: Some(thread),
    }
}

fn request(
    addr: SocketAddr,
    method: &str,
    path: &str,
    token: Option<&str>,
    body: &str,
) -> (u16, Value) {
    let mut stream = TcpStream::connect(addr).unwrap();
    let auth = token
        .map(|t| format!("Authorization: Bearer {t}\r\n"))
        .unwrap_or_default();
    write!(
        stream,
        "{method} {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n{auth}Content-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    )
    .unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).unwrap();
    let text = String::from_utf8(raw).unwrap();
    let (head, body) = text.split_once("\r\n\r\n").unwrap();
    let status: u16 = head.split(' ').nth(1).unwrap().parse().unwrap();
    // Bodies are small and sent whole (Content-Length), never chunked here.
    (status, serde_json::from_str(body).unwrap_or(Value::Null))
}

fn filing() -> Value {
    json!({
        "command_id": "f1", "actor": "kf1", "case_id": "K1",
        "complaint": {
            "complainant": {"kind": "person", "name": "王先生", "contact": {"phone": "13900000000"}},
            "content": "热水器安装后接口漏水", "category": "installation_repair",
            "received_at": "2025-11-03T09:00:00+08:00", "channel": "phone", "first_responder": "kf1"
        }
    })
}

#[test]
fn statuses_and_the_error_shape() {
    let server = start(Config::default());
    let a = server.addr;
    let (status, filed) = request(a, "POST", "/cases", None, &filing().to_string());
    assert_eq!(status, 200, "{filed}");
    assert_eq!(filed["case"], "K1");
    let version = filed["version"].as_u64().unwrap();

    // The same filing again is a retry: the same events, nothing new.
    let (status, again) = request(a, "POST", "/cases", None, &filing().to_string());
    assert_eq!(status, 200);
    assert_eq!(again["events"], filed["events"]);

    // Bad JSON names the field.
    let bad = json!({"id": "c2", "actor": "kf1", "at": "2025-11-03T09:05:00+08:00",
        "kind": {"type": "propose_solution", "remedies": [{"kind": "compensation", "amount": "abc"}]}});
    let (status, e) = request(a, "POST", "/cases/K1/commands", None, &bad.to_string());
    assert_eq!(status, 400, "{e}");
    assert_eq!(e["error"]["kind"], "invalid");
    assert_eq!(e["error"]["path"], "kind.remedies[0].amount");

    // A stale version is 409 with the typed rejection; nothing changed.
    let stale = json!({"id": "c2", "actor": "kf1", "at": "2025-11-03T09:05:00+08:00",
        "expected_version": version - 1, "kind": {"type": "accept"}});
    let (status, e) = request(a, "POST", "/cases/K1/commands", None, &stale.to_string());
    assert_eq!(status, 409, "{e}");
    assert_eq!(e["error"]["rejection"]["type"], "stale_version");
    assert_eq!(e["error"]["rejection"]["details"]["actual"], version);

    // A refusal by the workflow is 422: the handler may not accept.
    let refused = json!({"id": "c3", "actor": "h1", "at": "2025-11-03T09:05:00+08:00", "kind": {"type": "accept"}});
    let (status, e) = request(a, "POST", "/cases/K1/commands", None, &refused.to_string());
    assert_eq!(status, 422, "{e}");
    assert_eq!(e["error"]["rejection"]["type"], "not_permitted");
    assert!(!e["error"]["message"].as_str().unwrap().contains("StaffId("));

    // Without a version, the command is decided at the current one; sent
    // again (a retry), it returns the same events.
    let accept = json!({"id": "c4", "actor": "kf1", "at": "2025-11-03T09:05:00+08:00", "kind": {"type": "accept"}});
    let (status, first) = request(a, "POST", "/cases/K1/commands", None, &accept.to_string());
    assert_eq!(status, 200, "{first}");
    let (status, retry) = request(a, "POST", "/cases/K1/commands", None, &accept.to_string());
    assert_eq!(status, 200);
    assert_eq!(first["events"], retry["events"]);
    // The same id for another command is a conflict.
    let reused = json!({"id": "c4", "actor": "kf1", "at": "2025-11-03T09:06:00+08:00", "kind": {"type": "accept"}});
    let (status, e) = request(a, "POST", "/cases/K1/commands", None, &reused.to_string());
    assert_eq!(status, 409, "{e}");

    let (status, case) = request(a, "GET", "/cases/K1", None, "");
    assert_eq!(status, 200);
    assert_eq!(case["status"], "accepted");
    let (status, e) = request(a, "GET", "/cases/K9", None, "");
    assert_eq!(
        (status, e["error"]["kind"].as_str()),
        (404, Some("not_found"))
    );
    let (status, e) = request(a, "GET", "/overdue", None, "");
    assert_eq!((status, e["error"]["path"].as_str()), (400, Some("now")));

    // Time passes: the 30-minute first response breaches.
    let (status, ticked) = request(
        a,
        "POST",
        "/tick",
        None,
        r#"{"now": "2025-11-04T09:00:00+08:00"}"#,
    );
    assert_eq!(status, 200, "{ticked}");
    assert!(
        ticked["events"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["kind"]["type"] == "milestone_breached")
    );
    let (status, overdue) = request(
        a,
        "GET",
        "/overdue?now=2025-11-04T09:00:00%2B08:00",
        None,
        "",
    );
    assert_eq!(status, 200, "{overdue}");
    let (status, p) = request(a, "POST", "/penalties", None, r#"{"period": "2025-11"}"#);
    assert_eq!(status, 200, "{p}");
    assert_eq!(p["facts"]["breaches"].as_array().unwrap().len(), 1);
    let (status, r) = request(a, "GET", "/report?from=2025-11-01&to=2025-11-30", None, "");
    assert_eq!(status, 200, "{r}");
    let policy = include_str!("../../../policies/default.toml");
    let (status, c) = request(a, "POST", "/policy/check", None, policy);
    assert_eq!(status, 200, "{c}");
    assert_eq!(c["ok"], true);
    // Text that is not a policy at all is refused input, not a check result.
    let (status, c) = request(a, "POST", "/policy/check", None, "schema_version = 1");
    assert_eq!(
        (status, c["error"]["kind"].as_str()),
        (400, Some("invalid"))
    );
    let (status, doc) = request(a, "GET", "/openapi.json", None, "");
    assert_eq!((status, doc["openapi"].as_str()), (200, Some("3.1.0")));
}

#[test]
fn the_token_and_the_size_limit() {
    let server = start(Config {
        token: Some("s3cret".to_owned()),
        body_limit: 512,
        ..Config::default()
    });
    let a = server.addr;
    let (status, e) = request(a, "GET", "/cases/K1", None, "");
    assert_eq!(
        (status, e["error"]["kind"].as_str()),
        (401, Some("unauthorized"))
    );
    let (status, _) = request(a, "GET", "/cases/K1", Some("wrong!"), "");
    assert_eq!(status, 401);
    let (status, _) = request(a, "GET", "/cases/K1", Some("s3cret"), "");
    assert_eq!(status, 404);
    // The document is open: a client reads it before it has a token.
    let (status, _) = request(a, "GET", "/openapi.json", None, "");
    assert_eq!(status, 200);
    let big = format!("{{\"now\": \"{}\"}}", "x".repeat(1000));
    let (status, e) = request(a, "POST", "/tick", Some("s3cret"), &big);
    assert_eq!(
        (status, e["error"]["kind"].as_str()),
        (413, Some("too_large"))
    );
}

/// The default policy, where the complaint manager hands a case only to a
/// department with a handler (`hands_over_to`, ruling 78) and a case is
/// assigned only once the complaint says how to reach the complainant
/// (`registration.before`, ruling 65), which the complaint manager may
/// complete (`complete_details`, ruling 66).
fn guarded_policy() -> Policy {
    let text = tousu::policy::DEFAULT_POLICY_TOML
        .replacen("schema_version = 1", "schema_version = 2", 1)
        .replacen(
            "id = \"complaint_manager\"\n",
            "id = \"complaint_manager\"\nhands_over_to = [\"handler\"]\n",
            1,
        )
        .replacen("\"add_note\",", "\"add_note\", \"complete_details\",", 1);
    let text = format!(
        "{text}\n[[registration.before]]\nevents = [\"assigned\"]\nrequired = [\"contact\"]\n"
    );
    let policy = Policy::from_toml_str(&text).unwrap();
    assert_eq!(policy.roles[0].hands_over_to.len(), 1);
    assert!(policy.registration.is_some());
    policy
}

/// The rejections a program acts on by their fields carry them in
/// `details`: which field is owed before which event, which department
/// a hand-over may not go to and what it would need.
#[test]
fn rejections_carry_their_details() {
    let server = start_with(Config::default(), guarded_policy());
    let a = server.addr;
    let (status, filed) = request(a, "POST", "/cases", None, &filing().to_string());
    assert_eq!(status, 200, "{filed}");
    let accept = json!({"id": "c1", "actor": "kf1", "at": "2025-11-03T09:05:00+08:00", "kind": {"type": "accept"}});
    let (status, e) = request(a, "POST", "/cases/K1/commands", None, &accept.to_string());
    assert_eq!(status, 200, "{e}");
    // 客服部 has nobody who holds handler.
    let to_cs = json!({"id": "c2", "actor": "kf1", "at": "2025-11-03T09:06:00+08:00",
        "kind": {"type": "assign", "assignment": {"lead": "cs"}}});
    let (status, e) = request(a, "POST", "/cases/K1/commands", None, &to_cs.to_string());
    assert_eq!(status, 422, "{e}");
    assert_eq!(
        e["error"]["rejection"],
        json!({
            "type": "hand_over_refused",
            "message": e["error"]["message"],
            "details": {
                "actor": "kf1", "action": "assign", "roles": ["complaint_manager"],
                "what": "the lead department", "handler": null, "department": "cs", "accepted": ["handler"],
            },
        })
    );

    // A complaint that leaves no way to reach the complainant.
    let mut anonymous = filing();
    anonymous["command_id"] = json!("f2");
    anonymous["case_id"] = json!("K2");
    anonymous["complaint"]["complainant"] = json!({"kind": "person", "name": "王先生"});
    let (status, filed) = request(a, "POST", "/cases", None, &anonymous.to_string());
    assert_eq!(status, 200, "{filed}");
    let (status, e) = request(a, "POST", "/cases/K2/commands", None, &accept.to_string());
    assert_eq!(status, 200, "{e}");
    let to_eng = json!({"id": "c2", "actor": "kf1", "at": "2025-11-03T09:06:00+08:00",
        "kind": {"type": "assign", "assignment": {"lead": "eng", "handler": "h1"}}});
    let (status, e) = request(a, "POST", "/cases/K2/commands", None, &to_eng.to_string());
    assert_eq!(status, 422, "{e}");
    assert_eq!(
        e["error"]["rejection"],
        json!({
            "type": "record_incomplete",
            "message": e["error"]["message"],
            "details": {
                "field": "complainant.contact", "event": "assigned", "action": "assign",
                "policy": "default", "requirement": "registration.before[0]",
            },
        })
    );
    // Nothing changed: the same assignment goes through once the contact is given.
    let complete = json!({"id": "c3", "actor": "kf1", "at": "2025-11-03T09:07:00+08:00",
        "kind": {"type": "complete_details", "details": {"contact": {"phone": "13900000000"}}}});
    let (status, e) = request(a, "POST", "/cases/K2/commands", None, &complete.to_string());
    assert_eq!(status, 200, "{e}");
    let to_eng = json!({"id": "c4", "actor": "kf1", "at": "2025-11-03T09:08:00+08:00",
        "kind": {"type": "assign", "assignment": {"lead": "eng", "handler": "h1"}}});
    let (status, e) = request(a, "POST", "/cases/K2/commands", None, &to_eng.to_string());
    assert_eq!(status, 200, "{e}");
}
