#!/usr/bin/env python3
"""Opens tousu's HTML reports and SVG timelines in headless Chromium.

For each file given: Chromium loads it from disk with every host mapped to
nowhere, saves a screenshot next to it (FILE.png) and dumps the DOM. The
check fails when the page logs anything to the console (the pages carry no
script, so any message is an error: a failed load, a parse error), when the
file refers to anything outside itself, when a chart is missing or empty,
or when the screenshot is blank.

Usage: browser_check.py [--self-test] FILE.html|FILE.svg ...
Needs only Python 3 and Debian's `chromium` package.
"""

import html.parser
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib

# The sections of a report page, one chart each (PeriodReport::to_html).
REPORT_CHARTS = [
    "category", "channel", "level", "trend", "on-time",
    "handling-time", "overdue-age", "penalties",
]
DRAWN = {"rect", "path", "polyline", "polygon", "line", "circle", "text"}


def chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    sys.exit("browser_check: chromium is not installed (apt-get install -y chromium)")


def run_chromium(path, url, extra):
    args = [
        path, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
        "--no-first-run", "--disable-extensions", "--disable-background-networking",
        "--host-resolver-rules=MAP * ~NOTFOUND", "--enable-logging=stderr", "--v=0",
        "--user-data-dir=" + tempfile.mkdtemp(prefix="tousu-chromium-"),
    ] + extra + [url]
    return subprocess.run(args, capture_output=True, text=True, timeout=120)


def console_messages(stderr):
    return [line for line in stderr.splitlines() if ":CONSOLE" in line]


class Figures(html.parser.HTMLParser):
    """Collects each chart figure's drawn SVG elements and texts."""

    def __init__(self):
        super().__init__()
        self.figures = []  # (kind, id, drawn elements, texts)
        self.sections = []
        self.depth = 0
        self.current = None
        self.in_text = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "section" and a.get("id"):
            self.sections.append(a["id"])
        classes = (a.get("class") or "").split()
        if tag == "figure" and ("chart-figure" in classes or "timeline" in classes):
            section = self.sections[-1] if self.sections else ""
            self.current = [classes[0], a.get("id") or section, 0, []]
            self.figures.append(self.current)
            self.depth = 1
        elif self.current is not None:
            if tag == "figure":
                self.depth += 1
            if tag in DRAWN:
                self.current[2] += 1
            self.in_text = tag == "text"

    def handle_endtag(self, tag):
        if self.current is not None and tag == "figure":
            self.depth -= 1
            if self.depth == 0:
                self.current = None
        if tag == "text":
            self.in_text = False

    def handle_data(self, data):
        if self.current is not None and self.in_text and data.strip():
            self.current[3].append(data.strip())


def png_pixels(path):
    """Decodes an 8-bit RGB or RGBA, non-interlaced PNG (what Chromium writes)."""
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    pos, idat, width = 8, b"", 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, color, _, _, interlace = struct.unpack(">IIBBBBB", body)
            if depth != 8 or color not in (2, 6) or interlace:
                raise ValueError(f"unsupported PNG depth {depth} colour {color}")
            bpp = 3 if color == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * bpp
    prev = bytearray(stride)
    rows = []
    for y in range(height):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if f == 1:
                line[i] = (line[i] + a) & 255
            elif f == 2:
                line[i] = (line[i] + b) & 255
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                line[i] = (line[i] + pred) & 255
        rows.append(bytes(line))
        prev = line
    return width, height, bpp, rows


def blank(path):
    """Whether the screenshot is (nearly) one colour."""
    width, height, bpp, rows = png_pixels(path)
    colours, inked = set(), 0
    for row in rows[::4]:
        for x in range(0, width * bpp, bpp * 4):
            px = row[x:x + 3]
            colours.add(px)
            if px != b"\xff\xff\xff":
                inked += 1
    sampled = len(rows[::4]) * len(range(0, width * bpp, bpp * 4))
    return len(colours) < 3 or inked < sampled // 200


def svg_size(path):
    head = open(path, encoding="utf-8").read(400)
    m = re.search(r'<svg[^>]*width="(\d+)"[^>]*height="(\d+)"', head)
    return (int(m.group(1)), int(m.group(2))) if m else (1280, 800)


def check(path, browser):
    problems = []
    text = open(path, encoding="utf-8").read()
    # Nothing outside the file: no src/href/url() to anything but itself.
    for m in re.finditer(r'(?:src|href)\s*=\s*["\']([^"\'#][^"\']*)|url\(\s*["\']?([^)"\']+)', text):
        problems.append(f"refers to {m.group(1) or m.group(2)!r}")
    if re.search(r"<script|<link|@import|<img|<iframe", text, re.I):
        problems.append("carries a script, link, import, image or frame")

    url = "file://" + os.path.abspath(path)
    is_svg = path.endswith(".svg")
    size = svg_size(path) if is_svg else (1280, 1200)
    shot = path + ".png"
    out = run_chromium(browser, url, [f"--window-size={size[0]},{size[1]}", f"--screenshot={shot}"])
    if out.returncode != 0 or not os.path.exists(shot):
        problems.append(f"chromium could not take a screenshot: {out.stderr[-500:]}")
    else:
        if blank(shot):
            problems.append(f"the screenshot {shot} is blank")
    dom = run_chromium(browser, url, ["--dump-dom"])
    problems += [f"console: {m}" for m in console_messages(out.stderr + dom.stderr)]

    if is_svg:
        parser = Figures()
        parser.feed('<figure class="timeline" id="file">' + text + "</figure>")
    else:
        parser = Figures()
        parser.feed(dom.stdout)
        charts = {f[1] for f in parser.figures if f[0] == "chart-figure"}
        for wanted in REPORT_CHARTS:
            if wanted not in charts:
                problems.append(f"the chart {wanted!r} is missing")
    if not parser.figures:
        problems.append("no chart at all")
    for kind, ident, drawn, texts in parser.figures:
        # A frame, axes and labels alone are a dozen elements; data adds more.
        if drawn < 12 or not texts:
            problems.append(f"the {kind} {ident!r} is empty ({drawn} elements, {len(texts)} texts)")
    summary = ", ".join(f"{f[1]}:{f[2]}" for f in parser.figures)
    return problems, summary


def self_test(browser):
    """The check must fail on a broken page: a console error, an empty chart."""
    d = tempfile.mkdtemp(prefix="tousu-browser-self-test-")
    bad = os.path.join(d, "bad.html")
    with open(bad, "w", encoding="utf-8") as f:
        f.write('<!DOCTYPE html><html><body><h1>x</h1><script>console.error("boom")</script>'
                '<section id="category"><figure class="chart-figure"><svg width="10" height="10"></svg>'
                "</figure></section></body></html>")
    problems, _ = check(bad, browser)
    expected = ["console", "is empty", "'trend' is missing", "carries a script"]
    missing = [e for e in expected if not any(e in p for p in problems)]
    if missing:
        sys.exit(f"browser_check self-test: a broken page passed ({missing} not caught): {problems}")
    print("browser_check self-test: a broken page is caught "
          f"({len(problems)} problems)")


def main(argv):
    browser = chromium()
    files = [a for a in argv if not a.startswith("--")]
    if "--self-test" in argv:
        self_test(browser)
    failed = False
    for path in files:
        problems, summary = check(path, browser)
        if problems:
            failed = True
            print(f"FAIL {path}")
            for p in problems:
                print(f"  - {p}")
        else:
            print(f"ok   {path} (screenshot {path}.png; drawn elements per chart: {summary})")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
