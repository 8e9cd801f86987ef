"""Officials' name spans on real Ukrainian text, checked against lang-uk's ner-uk (a silver check).

    python benchmarks/ner_uk_officials.py NER_UK_REPO [--show] [--out FILE]

NER_UK_REPO is a checkout of https://github.com/lang-uk/ner-uk (commit 7772b45 was measured;
the search tool's ``fetch`` brings it). Its ``v2.0/data`` holds BRUK and «Наші гроші» news
with brat annotations, among them PERS (a person's name) and JOB (a job title). No OFFICIAL is
annotated there, so two silver figures stand in:

- of the OFFICIAL spans the pipeline gives, the share that are exactly a PERS span (a name
  cut short or run on, a body or a brand read as a person all miss);
- of the PERS spans right after a JOB span, the share the pipeline gives as an OFFICIAL (an
  upper bound well under 1: the JOB may be a private post, which is no OFFICIAL).

Only the texts of ner-uk's training part are read (its test part stays for scoring the NER),
and of them none that copies a gold text, a held-out challenge text or a RESERVED BRUK file
(a 200-character window, spaces removed; the RESERVED files are read from the BRUK mirror
beside the shared corpora, where one is: none is in ner-uk 7772b45). Results:
benchmarks/results/ner_uk_officials.json.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BRUK_COMMIT = "0665e895834c6a20acb1b48e58ba07e149c31f32"
WINDOW, STEP = 200, 400


def _git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True).stdout


def _show(repo: Path, path: str, rev: str = "HEAD") -> str:
    return _git(repo, "show", f"{rev}:{path}")


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def protected_text() -> str:
    """Gold texts, held-out challenge texts and (where a BRUK mirror is at hand) the RESERVED
    BRUK files, spaces removed, one per line."""
    from servanda.paths import RESERVED_PATH, SHARED_ROOT
    from servanda.training.ner_uk import protected_texts

    texts = protected_texts()
    bruk = SHARED_ROOT.parent / ".mirror" / "brown-uk+corpus" / "repo"
    reserved = {
        line.strip()
        for line in RESERVED_PATH.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    }
    if bruk.exists():
        listing = _git(bruk, "ls-tree", "-r", "--name-only", BRUK_COMMIT, "data").split()
        texts += [_show(bruk, f, BRUK_COMMIT) for f in listing if f.rsplit("/", 1)[-1][:-4] in reserved]
    return "\n".join(_flat(t) for t in texts)


def documents(repo: Path) -> list[dict]:
    """ner-uk's training texts with their PERS and JOB spans, protected texts left out."""
    split = _show(repo, "v2.0/data/dev-test-split.txt").split("\n")
    training = {h for h in split[1 : split.index("TEST")] if h}
    protected = protected_text()
    listing = _git(repo, "ls-tree", "-r", "--name-only", "HEAD", "v2.0/data").split()
    out = []
    for path in sorted(p for p in listing if p.endswith(".txt") and p.rsplit("/", 1)[-1][:-4] in training):
        text = _show(repo, path)
        flat = _flat(text)
        if any(flat[i : i + WINDOW] in protected for i in range(0, max(1, len(flat) - WINDOW), STEP)):
            continue
        spans = []
        for line in _show(repo, path[:-4] + ".ann").splitlines():
            cells = line.split("\t")
            if len(cells) >= 4 and cells[1] in ("PERS", "JOB") and cells[2].isdigit() and cells[3].isdigit():
                spans.append((cells[1], int(cells[2]), int(cells[3])))
        out.append({"id": path.split("/", 2)[-1][:-4], "text": text, "spans": spans})
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("ner_uk", type=Path)
    parser.add_argument("--show", action="store_true", help="print every mismatch")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "ner_uk_officials.json")
    args = parser.parse_args(argv)
    import servanda

    nlp = servanda.load(classifier="cues")
    docs = documents(args.ner_uk)
    officials = as_person = titled = titled_found = 0
    for d in docs:
        text = d["text"]
        doc = nlp(text, doc_id=d["id"].replace("/", "_"))
        found = {(e.start, e.end): e for e in doc.entities if e.label == "OFFICIAL"}
        persons = {(s, e) for kind, s, e in d["spans"] if kind == "PERS"}
        jobs = [e for kind, _, e in d["spans"] if kind == "JOB"]
        for (s, e), ent in found.items():
            officials += 1
            as_person += (s, e) in persons
            if args.show and (s, e) not in persons:
                print("not PERS", d["id"], repr(text[s:e]), "|", ent.role, file=sys.stderr)
        for s, e in sorted(persons):
            if any(j <= s and re.fullmatch(r"[\s,]{1,3}", text[j:s]) for j in jobs):
                titled += 1
                titled_found += (s, e) in found
                if args.show and (s, e) not in found:
                    print("missed", d["id"], repr(text[max(0, s - 60) : e]), file=sys.stderr)
    result = {
        "task": "OFFICIAL spans against ner-uk PERS spans (silver), ner-uk 2.0 training texts",
        "documents": len(docs),
        "officials": officials,
        "officials_that_are_PERS": as_person,
        "share_that_are_PERS": round(as_person / max(1, officials), 4),
        "PERS_after_JOB": titled,
        "PERS_after_JOB_found": titled_found,
        "share_of_PERS_after_JOB_found": round(titled_found / max(1, titled), 4),
    }
    print(json.dumps(result, indent=1, ensure_ascii=False))
    args.out.write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
