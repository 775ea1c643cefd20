#!/usr/bin/env python3
"""Rebuild the texts of the extraction probe sets R and H from the public corpora.

The texts themselves are not in this repository (they belong to the newspapers and news agencies
that published them).  Each gold record says where its text comes from (`source`) and holds the
sha256 of the exact UTF-8 text; this script cuts every text again from local copies of the corpora
and checks it against that hash.

    python3 rebuild.py --corpus saudinewsnet=PATH --corpus reuters21578=PATH \
                       --corpus wikinewssum=PATH --out DIR [--only r-ar01,h-en02]

PATH is a checkout of the corpus repository at the commit named in README.md:
  saudinewsnet  parallelfold/SaudiNewsNet       (reads dataset/YYYY-MM-DD.zip directly)
  reuters21578  mihaibogdan10/json-reuters-21578 (reads sgm-data/reut2-NNN.sgm)
  wikinewssum   airKlizz/WikinewsSum at commit 1d985031625909c908766812e8a18d0c88116ec8
                (endataset.json was removed later), or any folder holding that endataset.json
Writes DIR/set-r/<id>.txt and DIR/set-h/<id>.txt; exits 1 if any text is missing or differs.
"""

from __future__ import annotations

import argparse
import hashlib
import html
import json
import re
import sys
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
SETS = {"set-r": HERE / "set-r.gold.jsonl", "set-h": HERE / "set-h.gold.jsonl"}
REPO_KEYS = {
    "parallelfold/SaudiNewsNet": "saudinewsnet",
    "mihaibogdan10/json-reuters-21578": "reuters21578",
    "airKlizz/WikinewsSum": "wikinewssum",
}


def tidy(text: str) -> str:
    """Right-strip every line, drop blank lines at both ends, end with one newline."""
    lines = [ln.rstrip() for ln in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines) + "\n"


_cache: dict = {}


def saudinewsnet(root: Path, src: dict) -> str:
    """selector `snn-json`: article `index` of the JSON array in the day's zip;
    text = title, blank line, content (lines right-stripped)."""
    key = ("snn", src["path"])
    if key not in _cache:
        with zipfile.ZipFile(root / src["path"]) as z:
            _cache[key] = json.loads(z.read(src["member"]).decode("utf-8"))
    art = _cache[key][src["index"]]
    if art.get("url") != src["url"]:
        raise ValueError(f"url mismatch at {src['path']}#{src['index']}: {art.get('url')!r}")
    return tidy(art["title"].strip() + "\n\n" + tidy(art["content"]))


def reuters(root: Path, src: dict) -> str:
    """selector `reuters-sgm`: the <REUTERS NEWID=n> document; text = <TITLE>, blank line, <BODY>
    (SGML entities decoded, the closing &#3; dropped, lines right-stripped)."""
    key = ("reu", src["path"])
    if key not in _cache:
        _cache[key] = (root / src["path"]).read_text(encoding="latin-1")
    raw = _cache[key]
    m = re.search(rf'<REUTERS[^>]*NEWID="{int(src["newid"])}">(.*?)</REUTERS>', raw, re.S)
    if not m:
        raise ValueError(f"NEWID {src['newid']} not in {src['path']}")
    doc = m.group(1)
    title = html.unescape(re.search(r"<TITLE>(.*?)</TITLE>", doc, re.S).group(1))
    body = html.unescape(re.search(r"<BODY>(.*?)</BODY>", doc, re.S).group(1)).replace("\x03", "")
    return tidy(title.strip() + "\n\n" + tidy(body))


def wikinewssum(root: Path, src: dict) -> str:
    """selector `wns-source`: line `line` (0-based) of endataset.json, sources[`source`].maintext
    (a cited source article as its crawler stored it), lines right-stripped."""
    path = root / src["path"] if (root / src["path"]).exists() else root
    key = ("wns", str(path))
    if key not in _cache:
        _cache[key] = path.read_text(encoding="utf-8").splitlines()
    rec = json.loads(_cache[key][src["line"]])
    s = rec["sources"][src["source"]]
    if s.get("url") != src["url"]:
        raise ValueError(f"url mismatch at line {src['line']}: {s.get('url')!r}")
    return tidy(s["maintext"])


CUTTERS = {"snn-json": saudinewsnet, "reuters-sgm": reuters, "wns-source": wikinewssum}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", action="append", default=[], metavar="NAME=PATH")
    ap.add_argument("--out", required=True)
    ap.add_argument("--only", default="", help="comma-separated ids")
    ap.add_argument("--no-check", action="store_true", help="write texts even if the sha256 differs")
    a = ap.parse_args(argv)
    roots = {}
    for c in a.corpus:
        name, _, p = c.partition("=")
        roots[name] = Path(p).expanduser()
    only = {x for x in a.only.split(",") if x}
    bad = 0
    n = 0
    for setname, gold in SETS.items():
        outdir = Path(a.out) / setname
        outdir.mkdir(parents=True, exist_ok=True)
        for line in gold.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            rec = json.loads(line)
            if only and rec["id"] not in only:
                continue
            src = rec["source"]
            cname = REPO_KEYS[src["repo"]]
            if cname not in roots:
                print(f"{rec['id']}: no --corpus {cname}=PATH given", file=sys.stderr)
                bad += 1
                continue
            try:
                text = CUTTERS[src["selector"]](roots[cname], src)
            except Exception as e:  # report and go on
                print(f"{rec['id']}: {e}", file=sys.stderr)
                bad += 1
                continue
            digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
            if rec.get("sha256") and digest != rec["sha256"]:
                print(f"{rec['id']}: sha256 {digest} != {rec['sha256']}", file=sys.stderr)
                bad += 1
                if not a.no_check:
                    continue
            (outdir / f"{rec['id']}.txt").write_text(text, encoding="utf-8")
            n += 1
    print(f"wrote {n} texts, {bad} problems", file=sys.stderr)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
