"""Every schema tousu prints or ships is one stock validators accept
(Python jsonschema, Draft 2020-12, `pattern` compiled by `re`), and every
JSON example in docs/ is valid against its schema.

Examples checked: docs/examples/*.json(l) by the table below, and every
fenced block in docs/*.md preceded by `<!-- schema: NAME -->` (NAME as
`tousu schema NAME`; a `jsonl` block is checked line by line; a line
marked invalid in the table must fail).

python3 tests/python/test_schemas.py   (after `cargo build -p tousu-cli`)
"""

import glob
import json
import os
import re
import subprocess
import sys

from jsonschema import Draft202012Validator

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tousu_client import ROOT, TOUSU  # noqa: E402

NAMES = [
    "policy", "command", "event", "case", "complaint", "roster", "penalty-facts", "carry-over",
    "period-result", "period-report", "command-input", "filing", "outcome", "run-input",
    "run-output", "deadline", "deadlines", "overdue", "tick", "penalties", "policy-check", "error",
]

# docs/examples: file -> (schema, line numbers that must be refused).
EXAMPLES = {
    "run.jsonl": ("run-input", {9}),  # line 9 misspells `approve`: the run reports it
    "filing.json": ("filing", set()),
    "command.json": ("command-input", set()),
    "error.json": ("error", set()),
}


def schema(name):
    out = subprocess.run([TOUSU, "schema", name], capture_output=True, check=True).stdout
    return json.loads(out)


def validator(s):
    Draft202012Validator.check_schema(s, format_checker=Draft202012Validator.FORMAT_CHECKER)
    return Draft202012Validator(s, format_checker=Draft202012Validator.FORMAT_CHECKER)


def check_lines(name, lines, refused, where):
    v = validator(schema(name))
    count = 0
    for number, line in lines:
        errors = list(v.iter_errors(json.loads(line)))
        if number in refused:
            assert errors, f"{where}:{number} should be refused by the {name} schema"
        else:
            assert not errors, f"{where}:{number}: {errors[0].message} at {list(errors[0].path)}"
        count += 1
    return count


def main():
    passed = 0
    schemas = {name: schema(name) for name in NAMES}
    for path in sorted(glob.glob(os.path.join(ROOT, "docs", "*.schema.json"))):
        schemas[os.path.relpath(path, ROOT)] = json.load(open(path))
    for name, s in schemas.items():
        validator(s)
        passed += 1
    print(f"{len(schemas)} schemas accepted by jsonschema (Draft 2020-12)")
    # The same files for ajv (tests/python/ajv_check.mjs), when CI installed it.
    out_dir = os.environ.get("TOUSU_SCHEMA_DIR")
    if out_dir:
        os.makedirs(out_dir, exist_ok=True)
        for name, s in schemas.items():
            with open(os.path.join(out_dir, os.path.basename(name).replace(".schema.json", "") + ".json"), "w") as f:
                json.dump(s, f)

    examples = 0
    for file, (name, refused) in EXAMPLES.items():
        path = os.path.join(ROOT, "docs", "examples", file)
        text = open(path).read()
        lines = [(i + 1, l) for i, l in enumerate(text.splitlines()) if l.strip()]
        if file.endswith(".json"):
            lines = [(1, text)]
        examples += check_lines(name, lines, refused, f"docs/examples/{file}")
    for md in sorted(glob.glob(os.path.join(ROOT, "docs", "*.md"))):
        text = open(md).read()
        for m in re.finditer(r"<!-- schema: ([a-z-]+) -->\s*```(json|jsonl)\n(.*?)```", text, re.S):
            name, kind, body = m.group(1), m.group(2), m.group(3)
            start = text[: m.start(3)].count("\n") + 1
            if kind == "json":
                lines = [(start, body)]
            else:
                lines = [(start + i, l) for i, l in enumerate(body.splitlines()) if l.strip()]
            examples += check_lines(name, lines, set(), os.path.relpath(md, ROOT))
    # What `tousu run` prints for the documented example (docs/cli.md shows it).
    out = subprocess.run([TOUSU, "run", os.path.join(ROOT, "docs", "examples", "run.jsonl"),
                          "--now", "2025-11-20T09:00:00+08:00"], capture_output=True, check=True)
    lines = [(i + 1, l) for i, l in enumerate(out.stdout.decode().splitlines())]
    examples += check_lines("run-output", lines, set(), "tousu run docs/examples/run.jsonl")
    # What the subcommands print with --json, answers and errors alike.
    policy = os.path.join(ROOT, "policies", "default.toml")
    for name, args, code in [
        ("deadline", ["deadline", "--from", "2025-09-30T10:00:00+08:00", "--within", "15 working days", "--json"], 0),
        ("policy-check", ["policy", "check", policy, "--json"], 0),
        ("error", ["deadline", "--from", "yesterday", "--within", "1 day", "--json"], 2),
        ("error", ["policy", "check", "/nonexistent.toml", "--json"], 1),
        ("error", ["cases", "--json", "--db", os.path.join(ROOT, "target", "schema-check.db"), "show", "K0"], 5),
        ("error", ["run", "--json", "/nonexistent.jsonl"], 1),
        ("error", ["report", "--bogus", "--json"], 2),
    ]:
        p = subprocess.run([TOUSU, *args], capture_output=True)
        assert p.returncode == code, f"{args}: exit {p.returncode}, expected {code}"
        examples += check_lines(name, [(1, p.stdout.decode())], set(), "tousu " + " ".join(args[:2]))
    assert examples > 0
    passed += 1
    print(f"{examples} documents in docs/ valid against their schemas")
    print(f"{passed} passed, 0 failed")


if __name__ == "__main__":
    main()
