"""The Label Studio round trip: every gold record survives export and import unchanged, the
per-region controls carry a relabelled commitment's and a new entity's attributes, and —
against a real Label Studio server (installed by `make label-studio` in .venv-ls) — an
annotation submitted through its API comes back into the gold file as the annotator meant."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

from servanda import gold
from servanda.gold.labelstudio import CONTROLS

from .conftest import ROOT

RECORDS = gold.load_gold() if gold.GOLD_PATH.exists() else []
pytestmark = pytest.mark.skipif(not RECORDS, reason="annotations/gold.jsonl is missing")
DOC_ID = "001_35aa4428eebad88a"
LABEL_STUDIO = ROOT / ".venv-ls" / "bin" / "label-studio"
# an empty migrated database made by `make label-studio`; without it the server migrates its own
TEMPLATE_DB = ROOT / ".venv-ls" / "template" / "label_studio.sqlite3"
START_TIMEOUT_S = 300  # the migrations of a fresh database take about 100 s on a loaded 2-core machine
REQUEST_TIMEOUT_S = 60
MENTION = r"Albania|Croatia|Kosova"


def _submitted(task: dict[str, Any]) -> dict[str, Any]:
    """The task as Label Studio exports it after the annotator submits the predictions."""
    task = json.loads(json.dumps(task))
    task["annotations"] = [{"result": task.pop("predictions")[0]["result"], "was_cancelled": False}]
    return task


def test_every_gold_record_round_trips():
    for r in RECORDS:
        back = gold.from_label_studio(_submitted(gold.to_label_studio(r)))
        assert back == r, r["doc_id"]


def test_the_config_has_a_per_region_control_for_every_attribute():
    view = ET.fromstring(gold.LABEL_STUDIO_CONFIG)
    tags = {el.get("name"): el for el in view.iter() if el.get("name")}
    for control in CONTROLS:
        assert tags[control.name].get("perRegion") == "true", control.name
    assert tags["parties"].tag == "TextArea" and tags["parties"].get("perRegion") is None


def _result(rid: str, name: str, kind: str, value: dict[str, Any]) -> dict[str, Any]:
    return {"id": rid, "from_name": name, "to_name": "text", "type": kind, "value": value}


def _correct(result: list[dict[str, Any]], text: str) -> tuple[list[dict[str, Any]], dict[str, Any], dict[str, Any]]:
    """What an annotator does in Label Studio, as its editor serialises it (a region's
    offsets and text, then the control's value): relabel the first recital as a
    commitment (actors, strength, conditional; no beneficiaries) and mark an untagged
    mention of a party as a PARTY with its id. Returns the new result and the clause and
    entity the gold record must then hold."""
    result = json.loads(json.dumps(result))
    region = next(r for r in result if r["from_name"] == "clause" and r["value"]["labels"] == ["recital"])
    region["value"]["labels"] = ["commitment"]
    s, e = region["value"]["start"], region["value"]["end"]
    span = {"start": s, "end": e, "text": text[s:e]}
    result.append(_result(region["id"], "actors", "textarea", {**span, "text": ["ALB,  XKX"]}))
    result.append(_result(region["id"], "strength", "choices", {**span, "choices": ["soft"]}))
    result.append(_result(region["id"], "conditional", "choices", {**span, "choices": ["conditional"]}))
    clause = {"start": s, "end": e, "label": "commitment", "actors": ["ALB", "XKX"], "beneficiaries": []}
    clause.update(strength="soft", conditional=True)

    taken = [(r["value"]["start"], r["value"]["end"]) for r in result if r["from_name"] == "entity"]
    mention = next(m for m in re.finditer(MENTION, text) if all(m.end() <= s or e <= m.start() for s, e in taken))
    party = {"Albania": "ALB", "Croatia": "HRV", "Kosova": "XKX"}[mention[0]]
    span = {"start": mention.start(), "end": mention.end(), "text": mention[0]}
    result.append(_result("new-party", "entity", "labels", {**span, "labels": ["PARTY"]}))
    result.append(_result("new-party", "entity_id", "textarea", {**span, "text": [party]}))
    entity = {"start": mention.start(), "end": mention.end(), "label": "PARTY", "id": party}
    return result, clause, entity


def _missing_a_party(record: dict[str, Any]) -> dict[str, Any]:
    """The record less a one-word PARTY mention, which the annotator then marks."""
    record = json.loads(json.dumps(record))
    text = gold.read_text(record["path"])
    missed = next(e for e in record["entities"] if re.fullmatch(MENTION, text[e["start"] : e["end"]]))
    record["entities"].remove(missed)
    return record


def _expected(record: dict[str, Any], clause: dict[str, Any], entity: dict[str, Any]) -> dict[str, Any]:
    expected = json.loads(json.dumps(record))
    expected["clauses"] = [clause if c["start"] == clause["start"] else c for c in expected["clauses"]]
    expected["entities"] = sorted([*expected["entities"], entity], key=lambda e: e["start"])
    return expected


def test_per_region_results_override_meta_and_follow_the_label():
    record = _missing_a_party(next(r for r in RECORDS if r["doc_id"] == DOC_ID))
    task = gold.to_label_studio(record)
    result, clause, entity = _correct(task["predictions"][0]["result"], task["data"]["text"])
    # an export made before the controls existed kept the attributes in meta: results override it
    next(r for r in result if r["id"] == "new-party")["meta"] = {"id": "NOPE"}
    # a commitment relabelled as a recital loses its attributes, though its controls' results stay
    demoted = next(r for r in result if r["from_name"] == "clause" and r["value"]["labels"] == ["commitment"])
    demoted["value"]["labels"] = ["recital"]
    task["annotations"] = [{"result": result, "was_cancelled": False}]
    back = gold.from_label_studio(task)
    expected = _expected(record, clause, entity)
    start, end = demoted["value"]["start"], demoted["value"]["end"]
    expected["clauses"] = [
        {"start": start, "end": end, "label": "recital"} if c["start"] == start else c for c in expected["clauses"]
    ]
    assert back == expected
    assert gold.validate_record(back).ok


def test_a_stray_or_unknown_result_is_refused():
    record = next(r for r in RECORDS if r["doc_id"] == DOC_ID)
    result = gold.to_label_studio(record)["predictions"][0]["result"]
    stray = {
        "id": "nowhere",
        "from_name": "strength",
        "to_name": "text",
        "type": "choices",
        "value": {"choices": ["firm"]},
    }
    for extra, words in ((stray, "belongs to no labelled region"), ({**stray, "from_name": "mood"}, "unknown control")):
        task = {"data": {"doc_id": DOC_ID, "path": record["path"]}, "annotations": [{"result": [*result, extra]}]}
        with pytest.raises(gold.LabelStudioError, match=words):
            gold.from_label_studio(task)


def test_a_new_party_id_comes_from_the_parties_box():
    record = next(r for r in RECORDS if r["doc_id"] == DOC_ID)
    task = _submitted(gold.to_label_studio(record))
    result = task["annotations"][0]["result"]
    box = next(r for r in result if r["from_name"] == "parties")
    box["value"]["text"] = ["XKX, ALB,HRV  SRB"]
    assert gold.from_label_studio(task)["parties"] == ["ALB", "HRV", "SRB", "XKX"]


# --- against a real Label Studio --------------------------------------------------------


class LabelStudio:
    """A Label Studio server on 127.0.0.1 with its data in a temporary folder."""

    def __init__(self, data_dir: Path) -> None:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.token = "servanda-test-token-0123456789"
        self.log = data_dir / "label-studio.log"
        if TEMPLATE_DB.exists():
            shutil.copy(TEMPLATE_DB, data_dir / TEMPLATE_DB.name)
        env = {
            **os.environ,
            "HOME": str(data_dir),
            "LABEL_STUDIO_BASE_DATA_DIR": str(data_dir),
            "COLLECT_ANALYTICS": "false",
            "LATEST_VERSION_CHECK": "false",
            "LABEL_STUDIO_LATEST_VERSION_CHECK": "false",
        }
        args = [str(LABEL_STUDIO), "start", "--no-browser", "--data-dir", str(data_dir), "--port", str(self.port)]
        args += ["--internal-host", "127.0.0.1", "--username", "annotator@example.org", "--password", "not-a-secret-1"]
        args += ["--user-token", self.token, "--enable-legacy-api-token"]
        with open(self.log, "wb") as log:
            self.process = subprocess.Popen(
                args, cwd=data_dir, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
            )

    def wait_until_up(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                pytest.fail(f"Label Studio exited with {self.process.returncode}:\n{self.log_tail()}")
            try:
                with urllib.request.urlopen(self.url + "/health", timeout=5) as r:
                    if r.status == 200:
                        return
            except OSError:
                pass
            time.sleep(2)
        pytest.fail(f"Label Studio did not answer within {START_TIMEOUT_S} s:\n{self.log_tail()}")

    def log_tail(self) -> str:
        return self.log.read_text(errors="replace")[-3000:]

    def call(self, method: str, path: str, body: Any = None) -> Any:
        data = None if body is None else json.dumps(body).encode()
        headers = {"Authorization": f"Token {self.token}", "Content-Type": "application/json"}
        request = urllib.request.Request(self.url + path, data=data, method=method, headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=REQUEST_TIMEOUT_S) as r:
                return json.loads(r.read() or b"null")
        except urllib.error.HTTPError as err:
            pytest.fail(f"{method} {path}: {err.code} {err.read()[:2000]!r}")

    def stop(self) -> None:
        """Stop the server's process group (it was started in a session of its own)."""
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=20)


@pytest.fixture(scope="module")
def label_studio(tmp_path_factory):
    if not LABEL_STUDIO.exists():
        pytest.skip(f"Label Studio is not installed in {LABEL_STUDIO.parent.parent} (make label-studio installs it)")
    server = LabelStudio(tmp_path_factory.mktemp("label-studio"))
    try:
        server.wait_until_up()
        yield server
    finally:
        server.stop()


def _gold_copy(record: dict[str, Any], folder: Path) -> Path:
    """A temporary gold file holding ``record``, beside a copy of its document, laid out as
    in the project (so that its ``path`` resolves)."""
    (folder / "annotations").mkdir()
    (folder / Path(record["path"]).parent).mkdir(parents=True)
    shutil.copy(gold.resolve_path(record["path"]), folder / record["path"])
    gold_copy = folder / "annotations" / "gold.jsonl"
    gold_copy.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    return gold_copy


def _export_and_import(label_studio: LabelStudio, project_id: int, gold_copy: Path) -> dict[str, Any]:
    """Label Studio's JSON export of the project, imported into ``gold_copy``: its one record."""
    exported = label_studio.call("GET", f"/api/projects/{project_id}/export?exportType=JSON&download_all_tasks=true")
    export = gold_copy.parent.parent / "export.json"
    export.write_text(json.dumps(exported, ensure_ascii=False), encoding="utf-8")
    done = servanda("annotations", "import", str(export), "--gold", str(gold_copy))
    assert done.returncode == 0, done.stderr
    (corrected,) = gold.load_gold(gold_copy)
    return corrected


def servanda(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "servanda", *args], capture_output=True, text=True, timeout=300)


@pytest.mark.slow
def test_an_annotation_submitted_in_label_studio_comes_back_into_the_gold_file(label_studio, tmp_path):
    record = _missing_a_party(next(r for r in RECORDS if r["doc_id"] == DOC_ID))
    gold_copy = _gold_copy(record, tmp_path)
    tasks = tmp_path / "tasks.json"
    done = servanda("annotations", "export", str(tasks), "--gold", str(gold_copy))
    assert done.returncode == 0, done.stderr
    config = servanda("annotations", "label-studio-config").stdout

    project = label_studio.call("POST", "/api/projects/", {"title": "servanda", "label_config": config})
    imported = label_studio.call("POST", f"/api/projects/{project['id']}/import", json.loads(tasks.read_text()))
    assert (imported["task_count"], imported["prediction_count"]) == (1, 1), imported
    listed = label_studio.call("GET", f"/api/tasks/?project={project['id']}&fields=all")
    (task,) = listed["tasks"]
    result, clause, entity = _correct(task["predictions"][0]["result"], task["data"]["text"])
    label_studio.call("POST", f"/api/tasks/{task['id']}/annotations/", {"result": result, "was_cancelled": False})
    corrected = _export_and_import(label_studio, project["id"], gold_copy)
    assert corrected == _expected(record, clause, entity)


# --- and through its editor, as an annotator works ---------------------------------------

CHROMIUM = next((shutil.which(n) for n in ("chromium", "chromium-browser") if shutil.which(n)), None)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Browser:
    """Headless Chromium driven over the DevTools protocol: every wait is bounded."""

    def __init__(self, folder: Path) -> None:
        import websocket

        port = _free_port()
        args = [str(CHROMIUM), "--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1400,1000"]
        args += [f"--remote-debugging-port={port}", f"--user-data-dir={folder}", "about:blank"]
        self.process = subprocess.Popen(
            args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
        )
        self.calls = 0
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/json", timeout=5) as r:
                    page = next(t for t in json.load(r) if t["type"] == "page")
                break
            except (OSError, StopIteration):
                if time.monotonic() > deadline:
                    self.close()
                    pytest.fail("Chromium's DevTools did not answer within 60 s")
                time.sleep(1)
        self.ws = websocket.create_connection(page["webSocketDebuggerUrl"], timeout=REQUEST_TIMEOUT_S)

    def send(self, method: str, **params: Any) -> dict[str, Any]:
        self.calls += 1
        self.ws.send(json.dumps({"id": self.calls, "method": method, "params": params}))
        for _ in range(10_000):  # events arrive between the answers
            message = json.loads(self.ws.recv())
            if message.get("id") == self.calls:
                return message.get("result", {})
        pytest.fail(f"no answer to {method}")

    def js(self, expression: str) -> Any:
        answer = self.send("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in answer:
            pytest.fail(f"{expression}: {answer['exceptionDetails']}")
        return answer["result"].get("value")

    def wait_for(self, expression: str, what: str, timeout_s: float = 60) -> None:
        deadline = time.monotonic() + timeout_s
        while not self.js(f"(() => {{ try {{ return !!({expression}) }} catch (e) {{ return false }} }})()"):
            if time.monotonic() > deadline:
                pytest.fail(f"{what}: not within {timeout_s} s")
            time.sleep(0.5)

    def open(self, url: str) -> None:
        self.send("Page.navigate", url=url)

    def click(self, element: str) -> None:
        """Click the middle of ``element`` (a JavaScript expression) as a mouse does."""
        self.wait_for(element, element, 20)
        self.js(f"({element}).scrollIntoView({{block: 'center'}})")
        time.sleep(0.5)  # the editor may still be scrolling to the selected region
        x, y = self.js(
            f"(() => {{ const r = ({element}).getBoundingClientRect();"
            " return [r.x + r.width / 2, r.y + r.height / 2] })()"
        )
        for kind in ("mousePressed", "mouseReleased"):
            self.send("Input.dispatchMouseEvent", type=kind, x=x, y=y, button="left", clickCount=1)

    def type(self, text: str) -> None:
        """Type ``text`` into the focused box and press Enter (which keeps a per-region text)."""
        self.send("Input.insertText", text=text)
        self.send(
            "Input.dispatchKeyEvent", type="keyDown", key="Enter", code="Enter", windowsVirtualKeyCode=13, text="\r"
        )
        self.send("Input.dispatchKeyEvent", type="keyUp", key="Enter", code="Enter", windowsVirtualKeyCode=13)

    def close(self) -> None:
        if getattr(self, "ws", None) is not None:
            self.ws.close()
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=20)


def _labelled(text: str, tags: str) -> str:
    """The visible element of the editor whose own text (less a hotkey hint) is ``text``."""
    return (
        f"[...document.querySelectorAll({tags!r})].find(e => e.getBoundingClientRect().width > 0 && "
        f"e.children.length <= 2 && e.textContent.trim().replace(/(\\[\\w\\])?\\d*$/, '') === {text!r})"
    )


@pytest.mark.slow
def test_a_clause_relabelled_in_the_label_studio_editor_is_imported(label_studio, tmp_path):
    pytest.importorskip("websocket", reason="websocket-client (extra [dev]) drives the browser")
    if CHROMIUM is None:
        pytest.skip("Chromium is not installed (make test installs Debian's chromium)")
    record = next(r for r in RECORDS if r["doc_id"] == DOC_ID)
    gold_copy = _gold_copy(record, tmp_path)
    project = label_studio.call("POST", "/api/projects/", {"title": "editor", "label_config": gold.LABEL_STUDIO_CONFIG})
    label_studio.call("POST", f"/api/projects/{project['id']}/import", [gold.to_label_studio(record)])
    (task,) = label_studio.call("GET", f"/api/tasks/?project={project['id']}")["tasks"]
    recital = next(c for c in record["clauses"] if c["label"] == "recital")

    browser = Browser(tmp_path / "chromium")
    try:
        browser.open(label_studio.url + "/user/login/")
        browser.wait_for("document.querySelector('input[name=email]')", "the login page")
        browser.js(
            "(() => { document.querySelector('input[name=email]').value = 'annotator@example.org';"
            " document.querySelector('input[name=password]').value = 'not-a-secret-1';"
            " document.querySelector('form').submit() })()"
        )
        browser.wait_for("!location.pathname.startsWith('/user/login')", "logging in")
        browser.open(f"{label_studio.url}/projects/{project['id']}/data?tab=0&task={task['id']}")
        store = "window.Htx.annotationStore.selected"
        browser.wait_for(f"{store}.regions.length > 0", "the editor with the predictions")
        # the editor then replaces the annotation it opened with a draft made from the predictions
        ids = [browser.js(f"{store}.id")]
        for _ in range(60):
            time.sleep(1)
            ids.append(browser.js(f"{store}.regions.length && {store}.id"))
            if ids[-1] and ids[-3:] == ids[-1:] * 3:
                break
        else:
            pytest.fail(f"the editor's annotation did not settle: {ids}")
        # the annotator selects the first recital, makes it a soft, conditional commitment of ALB and XKX
        browser.js(f"{store}.selectArea({store}.regions.find(r => r.hasLabel('recital')))")
        browser.wait_for(f"{store}.highlightedNode.labels.join() === 'recital'", "selecting the recital")
        browser.click(_labelled("commitment", "[class*=label]"))
        browser.wait_for(f"{store}.highlightedNode.labels.join() === 'commitment'", "the relabelling")
        browser.click(_labelled("soft", "label, span"))
        browser.click(_labelled("conditional", "label, span"))
        browser.click("[...document.querySelectorAll('textarea, input')].find(e => e.placeholder.startsWith('actors'))")
        browser.type("ALB, XKX")
        browser.click("[...document.querySelectorAll('button')].find(b => b.textContent.trim() === 'Submit')")
        deadline = time.monotonic() + 60
        while label_studio.call("GET", f"/api/tasks/{task['id']}")["total_annotations"] < 1:
            if time.monotonic() > deadline:
                pytest.fail("the submitted annotation did not reach Label Studio within 60 s")
            time.sleep(1)
    finally:
        browser.close()

    corrected = _export_and_import(label_studio, project["id"], gold_copy)
    commitment = {"start": recital["start"], "end": recital["end"], "label": "commitment", "actors": ["ALB", "XKX"]}
    commitment.update(beneficiaries=[], strength="soft", conditional=True)
    expected = json.loads(json.dumps(record))
    expected["clauses"] = [commitment if c["start"] == recital["start"] else c for c in expected["clauses"]]
    assert corrected == expected
