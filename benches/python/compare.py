"""What a user would pick instead, timed on the inputs of tousu's benches.

Not a test: a timing script whose figures docs/performance.md reports next
to the criterion figures of `benches/benches/calendar.rs` (chinesecalendar's
`find_workday` against `Calendar::nth_working_day_after`) and
`benches/benches/classify.rs` (zen-engine's decision table against
`Policy::classify` on the same 10-row table, `classify_table.json`).
Answers are checked against tousu's before anything is timed.

    pip install chinesecalendar zen-engine
    python3 benches/python/compare.py
"""

import datetime
import json
import pathlib
import timeit

import chinese_calendar
import zen

# tousu's answers (asserted in benches/benches/calendar.rs): the N-th
# working day after 2025-09-30 in China's calendar.
START = datetime.date(2025, 9, 30)
NTH = {
    1: datetime.date(2025, 10, 9),
    15: datetime.date(2025, 10, 28),
    250: datetime.date(2026, 10, 10),
}

# The inputs of benches/benches/classify.rs and the levels tousu gives them.
CASES = [
    ({"injury_or_safety": True}, "crisis", "injury-or-safety"),
    ({"collective": 3}, "very_unsatisfied", "several"),
    ({}, None, None),  # no row: the policy's default (unsatisfied)
]
BASE = {
    "injury_or_safety": False,
    "media_exposure": False,
    "collective": 1,
    "repeat_count": 0,
    "in_litigation": False,
    "customer_class": "a",
    "channel": "phone",
    "anonymous": False,
}


def per_call(fn, number):
    """Best of five runs, seconds per call."""
    return min(timeit.repeat(fn, number=number, repeat=5)) / number


def fmt(seconds):
    if seconds >= 1e-3:
        return f"{seconds * 1e3:.2f} ms"
    if seconds >= 1e-6:
        return f"{seconds * 1e6:.2f} µs"
    return f"{seconds * 1e9:.0f} ns"


def main():
    print(f"chinesecalendar {chinese_calendar.__version__}")
    for n, expected in NTH.items():
        got = chinese_calendar.find_workday(n, START)
        assert got == expected, (n, got, expected)
        t = per_call(lambda: chinese_calendar.find_workday(n, START), 2000 if n < 100 else 100)
        print(f"  find_workday N = {n}: {fmt(t)}")

    content = (pathlib.Path(__file__).parent / "classify_table.json").read_text()
    engine = zen.ZenEngine()
    decision = engine.create_decision(content)
    for extra, level, rule in CASES:
        result = decision.evaluate({**BASE, **extra})["result"]
        assert result.get("level") == level and result.get("rule") == rule, (extra, result)
    for extra, _, _ in CASES:
        inp = {**BASE, **extra}
        t = per_call(lambda: decision.evaluate(inp), 2000)
        print(f"  zen-engine decision table, input {json.dumps(extra)}: {fmt(t)}")


if __name__ == "__main__":
    main()
