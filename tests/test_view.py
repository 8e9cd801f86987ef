"""`servanda view` and `servanda table` on real pipeline output, the site checked in a
real browser: headless Chromium (Debian's package) loads the pages from disk, its DOM
after the page's own script ran is parsed, and a screenshot is inspected."""

from __future__ import annotations

import html.parser
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from servanda.output import document_record
from servanda.table import COLUMNS, commitment_rows, page_name
from servanda.view import build_site
from servanda.view.assets import LABEL_COLOURS
from tests.conftest import CORPUS, ROOT, TOTA_TXT

SEEDS = [CORPUS / "001_35aa4428eebad88a.txt", CORPUS / "000_f321c7ed43b71061.txt"]
TOTA = TOTA_TXT.parent / "xml" / "pta_2.xml"
CHROMIUM = next((shutil.which(n) for n in ("chromium", "chromium-browser") if shutil.which(n)), None)
needs_browser = pytest.mark.skipif(
    CHROMIUM is None,
    reason="Chromium is not installed (make test installs Debian's chromium; apt-get install chromium)",
)
pytestmark = pytest.mark.slow  # the pipeline runs the documents first


@pytest.fixture(scope="module")
def records(cue_pipeline) -> list[dict]:
    from servanda.runner import process_path

    paths = SEEDS + ([TOTA] if TOTA.exists() else [])
    docs = [process_path(cue_pipeline, p) for p in paths]
    return [document_record(d, cue_pipeline.versions) for d in docs]  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def pred(records, tmp_path_factory) -> Path:
    from servanda.jsonl import write_jsonl

    return write_jsonl(tmp_path_factory.mktemp("pred") / "pred.jsonl", records)


@pytest.fixture(scope="module")
def site(pred, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("site")
    done = subprocess.run(
        [sys.executable, "-m", "servanda", "view", str(pred), "--out", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert f"{len(SEEDS) + TOTA.exists()} document pages" in done.stderr
    return out


class Dom(html.parser.HTMLParser):
    """Elements with their attributes, and the text inside each element with an id."""

    def __init__(self, markup: str):
        super().__init__()
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.stack: list[str | None] = []
        self.text: dict[str, str] = {}
        self.feed(markup)

    def handle_starttag(self, tag, attrs):
        attributes = {k: v or "" for k, v in attrs}
        self.elements.append((tag, attributes))
        if tag not in ("br", "meta", "link", "input", "img"):
            self.stack.append(attributes.get("id"))

    def handle_endtag(self, tag):
        if self.stack and tag not in ("br", "meta", "link", "input", "img"):
            self.stack.pop()

    def handle_data(self, data):
        for element_id in self.stack:
            if element_id:
                self.text[element_id] = self.text.get(element_id, "") + data

    def having(self, cls: str) -> list[dict[str, str]]:
        return [a for _, a in self.elements if cls in a.get("class", "").split()]


def browse(url: str) -> Dom:
    """The DOM after the page's scripts ran, as headless Chromium dumps it."""
    done = subprocess.run(
        [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", url],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return Dom(done.stdout)


def page_url(site: Path, record: dict, query: str = "") -> str:
    return (site / page_name(record["doc_id"])).resolve().as_uri() + query


@needs_browser
def test_document_page_marks_every_clause_and_entity(site, records):
    for record in records:
        dom = browse(page_url(site, record))
        clauses = dom.having("cl")
        assert [c["id"] for c in clauses] == [f"c{i}" for i in range(len(record["clauses"]))]
        assert [c["data-label"] for c in clauses] == [c["label"] for c in record["clauses"]]
        for i, clause in enumerate(record["clauses"]):
            assert " ".join(dom.text[f"c{i}"].split()) == " ".join(clause["text"].split())
        marks = dom.having("ent")
        entities = [e for e in record["entities"] if e["text"].strip()]
        assert {(m["data-type"], m["data-id"]) for m in marks if "data-type" in m} == {
            (e["label"], (e.get("affiliation") if e["label"] == "OFFICIAL" else e.get("id")) or "") for e in entities
        }
        for m in marks:
            if m.get("data-id"):
                assert m["data-id"] in m["title"]  # the canonical id on hover
        assert dom.text["parties"] == (", ".join(record["parties"]) or "—")
        commitments = [i for i, c in enumerate(record["clauses"]) if c["label"] == "commitment"]
        rows = [a["id"] for tag, a in dom.elements if tag == "tr" and a.get("id", "").startswith("r")]
        assert rows == [f"r{i}" for i in commitments]
        assert "note" not in dom.text  # the file was found and its text_sha256 matched


@needs_browser
def test_filters_by_label_actor_and_score(site, records):
    record = records[0]
    clauses = record["clauses"]
    actor = record["parties"][0]
    scores = sorted({c["score"] for c in clauses})
    cut = scores[len(scores) // 2]  # a minimum that keeps some clauses of a label and not others
    for query, keep in [
        ("?label=commitment", lambda c: c["label"] == "commitment"),
        (f"?actor={actor}", lambda c: actor in (c.get("actors") or [])),
        (f"?label=other&min={cut}", lambda c: c["label"] == "other" and c["score"] >= cut),
        (f"#label=recital&min={cut}", lambda c: c["label"] == "recital" and c["score"] >= cut),
    ]:
        dom = browse(page_url(site, record, query))
        shown = [c["id"] for c in dom.having("cl") if "dim" not in c["class"].split()]
        expected = [f"c{i}" for i, c in enumerate(clauses) if keep(c)]
        assert shown == expected, query
        assert dom.text["shown"] == str(len(expected))
        visible_rows = [
            a["id"] for t, a in dom.elements if t == "tr" and a.get("id", "").startswith("r") and "hidden" not in a
        ]
        assert visible_rows == [f"r{c[1:]}" for c in expected if clauses[int(c[1:])]["label"] == "commitment"]
        assert 0 < len(expected) < len(clauses)


@needs_browser
def test_index_lists_documents_and_sorts_the_party_table(site, records):
    dom = browse((site / "index.html").resolve().as_uri() + "?sort=party&dir=desc")
    links = [
        a["href"]
        for t, a in dom.elements
        if t == "a" and a.get("href", "").startswith("docs/") and "#" not in a["href"]
    ]
    assert links == [page_name(r["doc_id"]) for r in records]
    parties = [a["data-party"] for t, a in dom.elements if t == "tr" and "data-party" in a]
    assert parties == sorted({r["party"] for r in commitment_rows(records)}, reverse=True)
    by_count = browse((site / "index.html").resolve().as_uri() + "#sort=commitments&dir=asc")
    counts = {}
    for row in commitment_rows(records):
        counts[row["party"]] = counts.get(row["party"], 0) + 1
    order = [a["data-party"] for t, a in by_count.elements if t == "tr" and "data-party" in a]
    assert [counts[p] for p in order] == sorted(counts.values())


@needs_browser
def test_screenshot_of_a_document_page(site, records, tmp_path):
    from PIL import Image

    shot = tmp_path / "view.png"
    done = subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            "--window-size=1280,900",
            f"--screenshot={shot}",
            page_url(site, records[0]),
        ],  # fmt: skip
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0 and shot.exists(), done.stderr[-2000:]
    image = Image.open(shot).convert("RGB")
    assert image.size == (1280, 900)
    colours = image.getcolors(maxcolors=1 << 20) or []
    assert len(colours) > 50  # text, shading, marks: not a blank page
    present = {rgb for _, rgb in colours}

    def on_white(colour: str, alpha: float) -> tuple[int, ...]:
        return tuple(round(255 - alpha * (255 - int(colour[i : i + 2], 16))) for i in (1, 3, 5))

    def shown(rgb: tuple[int, ...]) -> bool:
        return any(all(abs(a - b) <= 3 for a, b in zip(rgb, c)) for c in present)

    assert shown(on_white(LABEL_COLOURS["commitment"], 0x66 / 255))  # the legend's swatch
    first = records[0]["clauses"][0]["label"]
    assert shown(on_white(LABEL_COLOURS[first], 0x33 / 255))  # the first clause's shade


def test_changed_or_missing_file_is_said_and_the_text_rebuilt(records, tmp_path):
    record = dict(records[0])
    changed = tmp_path / "changed.txt"
    changed.write_text(Path(SEEDS[0]).read_text(encoding="utf-8") + "\nA sentence added later.\n", encoding="utf-8")
    gone = dict(record, doc_id="gone", path=str(tmp_path / "gone.txt"))
    summary = build_site([dict(record, path=str(changed)), gone], tmp_path / "site", [tmp_path])
    assert any("has changed since this record was made" in n for n in summary.notes)
    assert any("is not available here" in n for n in summary.notes)
    page = (tmp_path / "site" / page_name("gone")).read_text(encoding="utf-8")
    assert page.count('class="cl ') == len(record["clauses"]) and "rebuilt from the clauses" in page


@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
def test_table_as_csv_and_parquet(pred, records, tmp_path, suffix):
    import pandas as pd

    out = tmp_path / f"who{suffix}"
    done = subprocess.run(
        [sys.executable, "-m", "servanda", "table", str(pred), "--out", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    frame = pd.read_parquet(out) if suffix == ".parquet" else pd.read_csv(out, keep_default_na=False)
    rows = commitment_rows(records)
    assert list(frame.columns) == list(COLUMNS) and len(frame) == len(rows) > 0
    assert frame["text"].tolist() == [r["text"] for r in rows]
    assert set(frame["strength"]) <= {"binding", "firm", "soft"}
    commitments = sum(len(c.get("actors") or [1]) for r in records for c in r["clauses"] if c["label"] == "commitment")
    assert len(frame) == commitments


def test_table_refuses_an_unknown_format(pred, tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "servanda", "table", str(pred), "--out", str(tmp_path / "x.xlsx")],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 2 and ".csv, .parquet" in done.stderr
    assert json.loads(pred.read_text().splitlines()[0])["doc_id"]
