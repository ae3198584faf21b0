"""The explorer page: what it holds (paths equal to path-to's, no notes, escaped names), the
command, and the page itself in a real browser (headless Chromium from the system packages,
driven by Selenium through the system chromedriver: nothing downloaded)."""

from __future__ import annotations

import json
import os
import re
import shutil
import stat
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from graphkit.analysis.paths import path_to
from graphkit.cli.main import main
from graphkit.errors import GraphkitError
from graphkit.explore import view as explore_view
from graphkit.explore.page import embed_json, render_page, write_explorer
from graphkit.explore.view import explorer_data, star_message
from graphkit.model import Employment, Network, Organization, Person, Target, Tie
from graphkit.render.paths import json_data
from graphkit.store.memory import MemoryStore

AS_OF = date(2026, 11, 22)
ROOT = Path(__file__).resolve().parent.parent
HOSTILE = '</script><img src=x onerror="window.__pwned=1">Zoë'
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")


def _sample_store(sample_network):
    return MemoryStore(sample_network, AS_OF)


def _page_data(html_text: str) -> dict:
    found = re.search(r'<script type="application/json" id="graphkit-data">(.*?)</script>',
                      html_text, re.S)
    assert found, "the page carries its data in one JSON block"
    return json.loads(found.group(1))


def _noted(network: Network) -> Network:
    """The network with a private note on every person, tie, introduction and target."""
    return replace(
        network,
        people={k: replace(p, notes=f"SECRET-PERSON-{k}") for k, p in network.people.items()},
        ties=[replace(t, notes=f"SECRET-TIE-{i}") for i, t in enumerate(network.ties)],
        introductions=[replace(x, notes="SECRET-INTRO") for x in network.introductions],
        targets=[replace(t, notes="SECRET-TARGET") for t in network.targets])


def _star() -> Network:
    people = {"me": Person("me", "Robin Hale")}
    people.update({f"c{i}": Person(f"c{i}", f"Contact {i:02d}") for i in range(12)})
    orgs = {"acme": Organization("acme", "Acme Corp"), "ini": Organization("ini", "Initech")}
    jobs = [Employment(f"c{i}", "acme" if i % 3 == 0 else "ini", "Analyst") for i in range(12)]
    ties = [Tie("me", f"c{i}", 0.3 + i / 40) for i in range(12)]
    return Network("me", people, orgs, jobs, ties, targets=[Target("Acme Corp")])


def _hostile() -> Network:
    people = {"me": Person("me", "Me Myself"), "ann": Person("ann", HOSTILE),
              "bo": Person("bo", "Bo <b>Diaz</b> & Co")}
    orgs = {"acme": Organization("acme", "Acme <script>alert(1)</script> Corp")}
    return Network("me", people, orgs, [Employment("bo", "acme", "CFO")],
                   [Tie("me", "ann", 0.8, stage="advice"), Tie("ann", "bo", 0.6)],
                   targets=[Target("acme")])


# --- what the page holds ----------------------------------------------------------------------


def test_paths_are_exactly_path_to_json_for_every_target(sample_network):
    store = _sample_store(sample_network)
    data = explorer_data(store)
    assert data["targets"], "the sample has targets"
    for target in data["targets"]:
        expected = json.loads(json.dumps(json_data(path_to(store, target["id"], 2))))
        assert data["paths"][target["id"]] == expected
    drawn = {p["id"] for p in data["people"]}
    on_paths = {q["id"] for a in data["paths"].values() for p in a["paths"] for q in p["people"]}
    assert on_paths <= drawn, "everyone on a path is drawn, so the page can highlight them"


def test_target_panel_matches_targets_reach(sample_network):
    from graphkit.analysis.reach import reach

    store = _sample_store(sample_network)
    data = explorer_data(store)
    standing = {t.organization.id: t for t in reach(store, 2).targets}
    assert [t["id"] for t in data["targets"]] == list(standing)
    for row in data["targets"]:
        t = standing[row["id"]]
        assert row["doors"] == [d.name for d in t.doors]
        assert row["fragile"] == (t.reachable and t.fragile)
        assert row["reachable"] == t.reachable


def test_targets_come_from_the_one_visible_targets_function(sample_network, monkeypatch):
    store = _sample_store(sample_network)
    everything = explore_view.visible_targets(store)
    keep = everything.listed[:2]
    monkeypatch.setattr(explore_view, "visible_targets",
                        lambda s: replace(everything, listed=keep))
    data = explorer_data(store)
    kept = {t.organization.id for t in keep}
    assert {t["id"] for t in data["targets"]} == kept
    ringed = [p for p in data["people"] if p["at_target"]]
    assert ringed, "people at the kept targets are ringed"
    for person in ringed:  # nobody is ringed for a target this viewer may not see
        assert {j["organization_id"] for j in person["jobs"] if j["current"]} & kept


def test_no_note_is_ever_embedded(sample_network):
    store = MemoryStore(_noted(sample_network), AS_OF)
    page = render_page(explorer_data(store))
    assert "SECRET" not in page
    assert "@example.org" not in page, "emails are not shown either"


def test_a_person_holds_jobs_tie_follow_ups_and_commands(sample_network):
    data = explorer_data(_sample_store(sample_network), prefix="graphkit --data net")
    by_name = {p["name"]: p for p in data["people"]}
    sara = by_name["Sara Pereira"]
    assert sara["hops"] == 1 and sara["tie"]["stage"] == "initiated"
    assert sara["tie"]["evidence"] and sara["tie"]["last_contact"]
    assert [(j["organization"], j["current"]) for j in sara["jobs"]][0] == ("Acme Corp", True)
    commands = [c["command"] for c in sara["commands"]]
    assert commands == ["graphkit --data net log 'Sara Pereira' --kind message",
                        "graphkit --data net stage 'Sara Pereira' advice",
                        "graphkit --data net ask 'Sara Pereira'"]
    marcus = by_name["Marcus Bell"]
    assert marcus["tie"]["stage"] == "referral"
    assert not any(" stage " in c["command"] for c in marcus["commands"]), "the last stage"
    far = next(p for p in data["people"] if p["hops"] == 2)
    first = by_name.get(data["people"][[q["id"] for q in data["people"]].index(far["path"][1])]
                        ["name"])
    assert far["tie"] is None
    assert far["commands"][0]["command"].startswith("graphkit --data net ask ")
    assert "--to" in far["commands"][0]["command"] and first is not None
    assert any(p["follow_ups"] for p in data["people"]), "the sample has follow-ups due"


def test_a_star_explains_itself_and_is_coloured_by_employer():
    data = explorer_data(MemoryStore(_star(), AS_OF))
    assert data["meta"]["star"] is True
    assert data["meta"]["message"] == star_message(12)
    assert "use --infer" in data["meta"]["message"]
    assert data["meta"]["colour_by"] == "organization"
    assert {c["name"].split(" (")[0] for c in data["circles"][:-1]} == {"Acme Corp", "Initech"}


def test_network_strings_cannot_break_out_of_the_page():
    page = render_page(explorer_data(MemoryStore(_hostile(), AS_OF)))
    assert "<img src=x" not in page and "<script>alert" not in page
    assert page.count("</script>") == 2  # the data block and the script, nothing else
    assert _page_data(page)["people"][1]["name"] == HOSTILE
    assert embed_json("\u2028") == '"\\u2028"'


def test_neighbourhood_mode_above_the_stated_size(sample_network, monkeypatch):
    monkeypatch.setattr(explore_view, "NEIGHBOURHOOD_ABOVE", 50)
    assert explorer_data(_sample_store(sample_network))["meta"]["neighbourhood"] is True
    monkeypatch.undo()
    assert explorer_data(_sample_store(sample_network))["meta"]["neighbourhood"] is False


def test_page_is_self_contained_private_and_atomic(sample_network, tmp_path):
    out = tmp_path / "new" / "network.html"
    saved = write_explorer(_sample_store(sample_network), out)
    assert saved.path == out and saved.people > 100
    text = out.read_text(encoding="utf-8")
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert stat.S_IMODE(out.parent.stat().st_mode) == 0o700
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", text)
    assert "<link" not in text and "@import" not in text and "url(" not in text
    assert "default-src 'none'" in text
    assert [p.name for p in tmp_path.joinpath("new").iterdir()] == ["network.html"]


def test_refuses_another_extension(sample_network, tmp_path):
    with pytest.raises(GraphkitError, match="use a .html file name"):
        write_explorer(_sample_store(sample_network), tmp_path / "network.png")


# --- the command --------------------------------------------------------------------------------


def test_cli_writes_the_page(tmp_path):
    out = tmp_path / "network.html"
    result = CliRunner().invoke(main, ["--as-of", "2026-11-22", "explore", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"wrote {out}: ")
    assert "open it in a browser" in result.stdout
    assert _page_data(out.read_text(encoding="utf-8"))["meta"]["as_of"] == "2026-11-22"


def test_cli_errors_are_one_line(tmp_path):
    blocked = tmp_path / "blocked"
    blocked.write_text("a file, not a folder")
    for args, expected in ((["--out", str(tmp_path / "x.png")], "use a .html file name"),
                           (["--out", str(blocked / "n.html")], str(blocked)),
                           (["--depth", "9"], "--depth")):
        result = CliRunner().invoke(main, ["--as-of", "2026-11-22", "explore", *args])
        assert result.exit_code != 0
        assert "Traceback" not in result.output and expected in result.output
        errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
        assert len(errors) == 1 and expected in errors[0], result.stderr


def test_cli_anonymize_writes_no_real_name(tmp_path, sample_network):
    out = tmp_path / "shared.html"
    result = CliRunner().invoke(main, ["--as-of", "2026-11-22", "explore", "--anonymize",
                                       "--out", str(out)])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    data = _page_data(text)
    assert data["meta"]["anonymized"] is True and len(data["people"]) > 100
    for person in sample_network.people.values():
        assert person.name not in text
    for org in sample_network.organizations.values():
        assert org.name not in text
    assert all(p["commands"] == [] for p in data["people"])


# --- in a real browser ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser():
    if not (CHROMIUM and CHROMEDRIVER):
        if os.environ.get("GRAPHKIT_REQUIRE_BROWSER"):
            pytest.fail("chromium and chromedriver are required (apt-get install chromium "
                        "chromium-driver)")
        pytest.skip("no system chromium/chromedriver (apt-get install chromium chromium-driver)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1600,1000", "--no-first-run", "--disable-extensions"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


def _open(driver, path: Path) -> None:
    driver.get(path.as_uri())
    assert driver.execute_script("return document.body.dataset.ready") == "true"


def _console_errors(driver) -> list[str]:
    return [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]


def _hot_names(driver) -> set[str]:
    return set(driver.execute_script(
        "var d = JSON.parse(document.getElementById('graphkit-data').textContent);"
        "return Array.from(document.querySelectorAll('#nodes .node.hot'))"
        ".map(function (c) { return d.people[Number(c.dataset.i)].name; });"))


def test_browser_search_highlights_path_to_and_a_click_fills_the_panel(browser, tmp_path,
                                                                         sample_network):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    out = tmp_path / "network.html"
    write_explorer(MemoryStore(sample_network, AS_OF), out)
    _open(browser, out)
    browser.save_screenshot(str(tmp_path / "1-start.png"))
    labels = browser.find_elements(By.CSS_SELECTOR, "#labels text")
    assert 5 < len(labels) <= 40

    box = browser.find_element(By.ID, "search")
    box.send_keys("Acme Corp", Keys.ENTER)
    expected = json_data(path_to(MemoryStore(sample_network, AS_OF), "Acme Corp", 2))
    assert browser.find_element(By.ID, "target-name").text == "Acme Corp"
    assert _hot_names(browser) == {p["name"] for path in expected["paths"]
                                   for p in path["people"]}
    rows = browser.find_elements(By.CSS_SELECTOR, "#details .path")
    assert sorted(r.get_attribute("data-people") for r in rows) == sorted(
        " > ".join(p["name"] for p in path["people"]) for path in expected["paths"])
    first_group = browser.find_element(By.CSS_SELECTOR, "#details .group").text
    assert first_group.startswith("1. Ask " + expected["paths"][0]["people"][1]["name"])
    browser.save_screenshot(str(tmp_path / "2-acme.png"))
    if os.environ.get("GRAPHKIT_UPDATE_GOLDEN"):
        shutil.copy(tmp_path / "2-acme.png", ROOT / "docs" / "explorer.png")

    # Click Sara Pereira's dot: her jobs, the tie, and the commands, ready to copy.
    data = _page_data(out.read_text(encoding="utf-8"))
    index = [p["name"] for p in data["people"]].index("Sara Pereira")
    browser.execute_script("document.querySelector('#nodes .node[data-i=\"' + arguments[0] + '\"]')"
                           ".dispatchEvent(new MouseEvent('click', {bubbles: true}))", index)
    assert browser.find_element(By.ID, "person-name").text == "Sara Pereira"
    panel = browser.find_element(By.ID, "details").text
    sara = data["people"][index]
    assert "Stage: initiated" in panel
    assert f"Last contact: {sara['tie']['last_contact']}" in panel
    assert "Software Engineer at Acme Corp" in panel
    codes = [c.text for c in browser.find_elements(By.CSS_SELECTOR, "#details .command code")]
    assert codes == [c["command"] for c in sara["commands"]]
    assert "graphkit stage 'Sara Pereira' advice" in codes
    browser.save_screenshot(str(tmp_path / "3-person.png"))

    # A target from the side panel; a filter hides weak paths; zoom and pan keep working.
    browser.find_element(By.CSS_SELECTOR, "#targets li").click()
    assert browser.find_element(By.ID, "target-name").text == data["targets"][0]["name"]
    browser.execute_script("var s = document.getElementById('min-strength'); s.value = 0.5;"
                           "s.dispatchEvent(new Event('input'));")
    hidden = browser.find_elements(By.CSS_SELECTOR, "#nodes .node.hidden")
    weak = [p for p in data["people"] if p["score"] < 0.5]
    assert 0 < len(hidden) <= len(weak)
    before = browser.find_element(By.ID, "viewport").get_attribute("transform")
    browser.find_element(By.ID, "zoom-in").click()
    assert browser.find_element(By.ID, "viewport").get_attribute("transform") != before
    assert _console_errors(browser) == []


def test_browser_star_and_hostile_names(browser, tmp_path):
    from selenium.webdriver.common.by import By

    star = tmp_path / "star.html"
    write_explorer(MemoryStore(_star(), AS_OF), star)
    _open(browser, star)
    message = browser.find_element(By.ID, "message")
    assert message.is_displayed() and message.text == star_message(12)
    browser.save_screenshot(str(tmp_path / "star.png"))

    hostile = tmp_path / "hostile.html"
    write_explorer(MemoryStore(_hostile(), AS_OF), hostile)
    _open(browser, hostile)
    browser.find_element(By.ID, "search").send_keys("Acme\n")
    assert browser.execute_script("return window.__pwned === undefined")
    assert browser.find_elements(By.CSS_SELECTOR, "#details img, #details script") == []
    assert HOSTILE in browser.find_element(By.ID, "details").text
    assert _console_errors(browser) == []


# --- the weekly report links to it ---------------------------------------------------------------


def _report_with_news(sample_dir, tmp_path) -> tuple[Path, str]:
    from test_report import next_week, report_cli

    report_cli(sample_dir, "2026-11-15")
    next_week(sample_dir)
    out = tmp_path / "reports"
    result = report_cli(sample_dir, "2026-11-22", "--format", "html", "--out", str(out))
    assert result.exit_code == 3, result.output
    return out, (out / "graphkit-report-2026-11-22.html").read_text(encoding="utf-8")


def test_html_report_links_newly_reachable_targets_to_the_explorer(sample_dir, tmp_path):
    out, report = _report_with_news(sample_dir, tmp_path)
    explorer = out / "graphkit-explorer-2026-11-22.html"
    assert stat.S_IMODE(explorer.stat().st_mode) == 0o600
    links = re.findall(r'<a href="([^"]+)">see the paths in the explorer</a>', report)
    assert len(links) == 1 and links[0].startswith(explorer.name + "#target=")
    target = links[0].split("#target=")[1]
    assert target in _page_data(explorer.read_text(encoding="utf-8"))["paths"]


def test_html_report_without_news_writes_no_explorer(sample_dir, tmp_path):
    from test_report import report_cli

    out = tmp_path / "reports"
    assert report_cli(sample_dir, "2026-11-22", "--format", "html", "--out", str(out)
                      ).exit_code == 0
    assert [p.name for p in out.iterdir()] == ["graphkit-report-2026-11-22.html"]


def test_browser_report_link_opens_the_target(browser, sample_dir, tmp_path):
    from selenium.webdriver.common.by import By

    out, report = _report_with_news(sample_dir, tmp_path)
    link = re.findall(r'<a href="([^"]+)">see the paths in the explorer</a>', report)[0]
    page, target = link.split("#")
    browser.get((out / page).as_uri() + "#" + target)
    data = _page_data((out / page).read_text(encoding="utf-8"))
    name = data["paths"][target.split("=")[1]]["organization"]["name"]
    assert browser.find_element(By.ID, "target-name").text == name
    assert browser.find_elements(By.CSS_SELECTOR, "#nodes .node.hot")
    assert _console_errors(browser) == []
