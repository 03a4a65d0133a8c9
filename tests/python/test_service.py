"""The integrator's journey from Python (issue 15): three complaints from
registration to closure through `tousu serve` — one breaching its first
response, one with a refused approval — the service killed and restarted
with the cases intact, the same journey through `tousu cases` giving the
same events, every answer valid against the served OpenAPI document.

python3 tests/python/test_service.py   (after `cargo build -p tousu-cli`)
"""

import json
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tousu_client import Service, cli  # noqa: E402

ROSTER = {
    "departments": [{"id": "cs", "name": "客服部"}, {"id": "eng", "name": "工程部"}],
    "staff": [
        {"id": "kf1", "name": "李客服", "department": "cs", "roles": ["complaint_manager"]},
        {"id": "head1", "name": "赵主管", "department": "eng", "roles": ["department_head"]},
        {"id": "h1", "name": "张师傅", "department": "eng", "roles": ["handler"], "supervisor": "head1"},
    ],
}

# The breach: K2's first response (30 minutes) is not given before this tick.
TICK = "2025-11-04T12:00:00+08:00"


def filing(case, day, hour):
    at = f"2025-11-{day:02d}T{hour:02d}:00:00+08:00"
    return {
        "command_id": f"{case}-file", "actor": "kf1", "case_id": case,
        "complaint": {
            "complainant": {"kind": "person", "name": "王先生", "contact": {"phone": "13900000000"}},
            "content": "热水器安装后接口漏水，地板泡坏", "category": "installation_repair",
            "received_at": at, "channel": "phone", "first_responder": "kf1",
        },
    }


def steps(case, day, hour):
    """The commands after filing, each with its expected status; the
    handler's approval is refused (422), the department head's accepted."""
    def at(minutes):
        return f"2025-11-{day:02d}T{hour + minutes // 60:02d}:{minutes % 60:02d}:00+08:00"

    def cmd(n, actor, minutes, kind):
        return {"id": f"{case}-c{n}", "actor": actor, "at": at(minutes), "kind": kind}

    return [
        (cmd(2, "kf1", 5, {"type": "accept"}), 200),
        (cmd(3, "kf1", 8, {"type": "assign", "assignment": {"lead": "eng", "handler": "h1"}}), 200),
        (cmd(4, "h1", 10, {"type": "start_investigation"}), 200),
        (cmd(5, "h1", 20, {"type": "record_findings", "fault": "us", "note": "安装时接口未拧紧"}), 200),
        (cmd(6, "h1", 25, {"type": "propose_solution",
                           "remedies": [{"kind": "repair"}, {"kind": "compensation", "amount": "300"}]}), 200),
        (cmd(7, "h1", 30, {"type": "approve"}), 422),
        (cmd(8, "head1", 40, {"type": "approve"}), 200),
        (cmd(9, "kf1", 60, {"type": "reply", "text": "已安排上门重装并赔偿300元"}), 200),
        (cmd(10, "kf1", 120, {"type": "record_callback", "satisfaction": "satisfied"}), 200),
        (cmd(11, "kf1", 125, {"type": "close"}), 200),
    ]


# K1 goes through on 3 November; K2 is received on 3 November, accepted,
# then left until the tick on the 4th breaches its first response; the rest
# of its commands come after the tick (a case's time never runs backwards).
# K3 is received after the tick, once the service has restarted.
CASES = [("K1", 3, 9), ("K2", 3, 10), ("K3", 4, 14)]


def journey(file_, command, tick, restart=None):
    """Drives the three cases; `restart` is called half way."""
    rejected = []
    for case, day, hour in CASES:
        if case == "K3" and restart:
            restart()
        file_(filing(case, day, hour))
        plan = steps(case, day, hour)
        if case == "K2":
            command(case, *plan[0])
            tick(TICK)
            plan = steps(case, 4, 13)[1:]
        for body, status in plan:
            answer = command(case, body, status)
            if status == 422:
                rejected.append(answer["error"]["rejection"]["type"])
    return rejected


def main():
    tmp = tempfile.mkdtemp(prefix="tousu-py-")
    roster = os.path.join(tmp, "roster.json")
    with open(roster, "w") as f:
        json.dump(ROSTER, f, ensure_ascii=False)
    passed = 0

    # --- through the HTTP service
    svc = Service(os.path.join(tmp, "serve.db"), roster, token="py-token").start()
    before_restart = {}

    def restart():
        for case in ("K1", "K2"):
            before_restart[case] = svc.call("GET", f"/cases/{case}")
        svc.kill()
        svc.start()
        for case in ("K1", "K2"):
            assert svc.call("GET", f"/cases/{case}") == before_restart[case], case

    ticks = []
    rejected = journey(
        lambda body: svc.call("POST", "/cases", body),
        lambda case, body, status: svc.call("POST", f"/cases/{case}/commands", body, expect=status),
        lambda now: ticks.append(svc.call("POST", "/tick", {"now": now})),
        restart,
    )
    assert rejected == ["not_permitted"] * 3, rejected
    passed += 1
    breached = [e for t in ticks for e in t["events"] if e["kind"]["type"] == "milestone_breached"]
    assert [(e["case_id"], e["kind"]["milestone"]) for e in breached] == [("K2", "first_response")], breached
    passed += 1

    # Retries are answered with the first outcome; a stale version is 409.
    again = svc.call("POST", "/cases/K1/commands", steps("K1", 3, 9)[0][0])
    assert again["events"][0]["command_id"] == "K1-c2"
    stale = dict(steps("K1", 3, 9)[0][0], id="K1-late", expected_version=1)
    assert svc.call("POST", "/cases/K1/commands", stale, expect=409)["error"]["kind"] == "conflict"
    bad = {"id": "x", "actor": "kf1", "at": "2025-11-05T09:00:00+08:00",
           "kind": {"type": "propose_solution", "remedies": [{"kind": "compensation", "amount": "abc"}]}}
    err = svc.call("POST", "/cases/K1/commands", bad, expect=400)["error"]
    assert err["path"] == "kind.remedies[0].amount", err
    passed += 1

    for case, *_ in CASES:
        assert svc.call("GET", f"/cases/{case}")["status"] == "closed", case
    penalties = svc.call("POST", "/penalties", {"period": "2025-11"})
    assert len(penalties["facts"]["breaches"]) == 1
    svc.call("GET", "/report", params={"from": "2025-11-01", "to": "2025-11-30"})
    svc.call("GET", "/overdue", params={"now": TICK})
    svc.call("GET", "/cases/K2/deadlines", params={"now": TICK})
    policy = open(os.path.join(os.path.dirname(__file__), "..", "..", "policies", "default.toml")).read()
    assert svc.call("POST", "/policy/check", text=policy)["ok"] is True
    # Without the token: 401, in the error shape.
    import requests
    r = requests.get(svc.base + "/cases/K1")
    assert r.status_code == 401 and r.json()["error"]["kind"] == "unauthorized"
    passed += 1

    served = {case: svc.call("GET", f"/cases/{case}/events") for case, *_ in CASES}
    assert svc.stop() == 0, "graceful shutdown exits 0"
    passed += 1

    # --- the same journey through the stateful command line
    db = os.path.join(tmp, "cli.db")

    def file_(body):
        return cli(db, roster, "file", "-", stdin=json.dumps(body, ensure_ascii=False))

    def command(case, body, status):
        codes = {200: 0, 422: 3, 409: 4, 400: 1}
        return cli(db, roster, "handle", case, "-", stdin=json.dumps(body, ensure_ascii=False),
                   expect=codes[status])

    cli_rejected = journey(file_, command, lambda now: cli(db, roster, "tick", "--now", now))
    assert cli_rejected == rejected
    for case, *_ in CASES:
        assert cli(db, roster, "events", case) == served[case], case
    passed += 1
    assert cli(db, roster, "penalties", "--period", "2025-11") == penalties
    assert cli(db, roster, "show", "K9", expect=5)["error"]["kind"] == "not_found"
    passed += 1

    print(f"{svc.checked} answers validated against the served OpenAPI document")
    print(f"{passed} passed, 0 failed")


if __name__ == "__main__":
    main()
