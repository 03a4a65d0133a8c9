"""A small Python client for `tousu serve`, and the helpers the checks share:
start the service on a free loopback port, call it, validate every answer
against the OpenAPI document it serves."""

import json
import os
import re
import signal
import socket
import subprocess
import time

import requests
from jsonschema import Draft202012Validator

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TOUSU = os.environ.get("TOUSU_BIN", os.path.join(ROOT, "target", "debug", "tousu"))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Service:
    """`tousu serve` as a child process over an SQLite file."""

    def __init__(self, db, roster, token=None, extra=()):
        self.db, self.roster, self.token, self.extra = db, roster, token, list(extra)
        self.proc = None
        self.openapi = None
        self.checked = 0

    def start(self):
        self.port = free_port()
        env = dict(os.environ)
        if self.token:
            env["TOUSU_TOKEN"] = self.token
        env.setdefault("RUST_LOG", "warn")
        self.proc = subprocess.Popen(
            [TOUSU, "serve", "--db", self.db, "--roster", self.roster,
             "--bind", f"127.0.0.1:{self.port}", *self.extra],
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        self.base = f"http://127.0.0.1:{self.port}"
        self.http = requests.Session()
        if self.token:
            self.http.headers["Authorization"] = f"Bearer {self.token}"
        # Ready when it answers (the store opens before the port does).
        for _ in range(600):
            if self.proc.poll() is not None:
                raise RuntimeError("tousu serve exited: " + self.proc.stderr.read().decode())
            try:
                self.openapi = requests.get(self.base + "/openapi.json", timeout=1).json()
                return self
            except requests.ConnectionError:
                time.sleep(0.05)
        raise RuntimeError("tousu serve did not start")

    def kill(self):
        """SIGKILL: no graceful shutdown, as a crash would be."""
        self.proc.kill()
        self.proc.wait()

    def stop(self):
        """SIGTERM: the graceful shutdown."""
        self.proc.send_signal(signal.SIGTERM)
        return self.proc.wait(timeout=30)

    def call(self, method, path, body=None, params=None, text=None, expect=200):
        if text is not None:
            r = self.http.request(method, self.base + path, data=text.encode(), params=params)
        else:
            r = self.http.request(method, self.base + path, json=body, params=params)
        doc = r.json()
        validate_response(self.openapi, method, path, r.status_code, doc)
        self.checked += 1
        assert r.status_code == expect, f"{method} {path}: {r.status_code} {doc}"
        return doc


def operation(openapi, method, path):
    """The OpenAPI operation whose path template matches `path`."""
    for template, item in openapi["paths"].items():
        pattern = "^" + re.sub(r"\{[^}]+\}", "[^/]+", template) + "$"
        if re.match(pattern, path) and method.lower() in item:
            return item[method.lower()]
    raise AssertionError(f"{method} {path} is not in the OpenAPI document")


def validate_response(openapi, method, path, status, doc):
    """Validates an answer against its response schema in the document."""
    op = operation(openapi, method, path)
    response = op["responses"].get(str(status))
    assert response is not None, f"{method} {path} answered {status}, not in the document"
    schema = dict(response["content"]["application/json"]["schema"])
    # The component schemas where `#/components/schemas/…` finds them.
    schema["components"] = openapi["components"]
    Draft202012Validator(schema).validate(doc)


def cli(db, roster, *args, stdin=None, expect=0):
    """`tousu cases …` over `db`; its JSON answer."""
    p = subprocess.run([TOUSU, "cases", "--json", "--db", db, "--roster", roster, *args],
                       input=stdin.encode() if stdin else None, capture_output=True)
    out = p.stdout.decode()
    assert p.returncode == expect, f"{args}: exit {p.returncode}: {out} {p.stderr.decode()}"
    return json.loads(out)
