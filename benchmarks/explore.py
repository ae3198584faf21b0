"""How fast the explorer page is built, opens and responds, in headless Chromium.

    python benchmarks/explore.py

Three networks, measured in the same run: the bundled sample (the baseline), a one-person
LinkedIn export of 3,000 contacts (a star), and 3,000 contacts whose contacts know each other
(benchmarks/generate.py with "me" given 3,000 contacts). For each: seconds to build and write
the page, then in the browser the milliseconds from navigation until the page has drawn, and
until a search for a target, a click on a person and a zoom have been drawn (two animation
frames after the action). Needs the system chromium and chromedriver.
"""

from __future__ import annotations

import json
import shutil
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

AS_OF = date(2026, 11, 22)
REPEAT = 5
ACT = """
var done = arguments[arguments.length - 1], t0 = performance.now();
ACTION
requestAnimationFrame(function () { requestAnimationFrame(function () {
  done(performance.now() - t0); }); });
"""


def _star(folder: Path, contacts: int) -> Path:
    import csv

    folder.mkdir(parents=True)
    rows = [["First Name", "Last Name", "URL", "Email Address", "Company", "Position",
             "Connected On"]]
    companies = [f"Company {i:03d}" for i in range(300)]
    for i in range(contacts):
        rows.append([f"Person{i:04d}", f"Contact{i % 97:02d}",
                     f"https://www.linkedin.com/in/p{i:04d}", "", companies[(i * 7) % 300],
                     "Analyst", "12 Mar 2024"])
    export = folder.parent / "Connections.csv"
    with open(export, "w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)
    from click.testing import CliRunner

    from graphkit.cli.main import main

    for args in (["init", str(folder), "--me", "Robin Hale"],
                 ["--data", str(folder), "import", "linkedin", str(export)],
                 ["--data", str(folder), "target", "add", "Company 007"]):
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 0, result.output
    return folder


def _clustered(folder: Path, contacts: int) -> Path:
    import generate

    generate.CONTACTS = contacts
    generate.generate(contacts + 1000, 1, folder)
    return folder


def _browser():  # type: ignore[no-untyped-def]
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "chromium"
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1600,1000"):
        options.add_argument(arg)
    return webdriver.Chrome(service=Service(shutil.which("chromedriver") or "chromedriver"),
                            options=options)


def measure(name: str, folder: Path, out: Path, driver) -> dict[str, object]:  # type: ignore[no-untyped-def]
    from graphkit.explore.page import write_explorer
    from graphkit.workspace import open_store

    start = time.perf_counter()
    store = open_store(folder, as_of=AS_OF)
    saved = write_explorer(store, out)
    build = time.perf_counter() - start
    opened, search, click, zoom = [], [], [], []
    for _ in range(REPEAT):
        driver.get(out.as_uri())
        opened.append(driver.execute_async_script(
            "var done = arguments[0]; requestAnimationFrame(function () {"
            "requestAnimationFrame(function () { done(performance.now()); }); });"))
        target = driver.execute_script(
            "var d = JSON.parse(document.getElementById('graphkit-data').textContent);"
            "return (d.targets[0] || {}).name || d.people[1].name;")
        search.append(driver.execute_async_script(ACT.replace(
            "ACTION", "var s = document.getElementById('search'); s.value = "
            + json.dumps(target) + "; document.getElementById('search-form').requestSubmit();")))
        click.append(driver.execute_async_script(ACT.replace(
            "ACTION", "document.querySelector('#nodes .node[data-i=\"1\"]')"
            ".dispatchEvent(new MouseEvent('click', {bubbles: true}));")))
        zoom.append(driver.execute_async_script(ACT.replace(
            "ACTION", "document.getElementById('zoom-in').click();")))
    return {"network": name, "people": saved.people, "ties": saved.ties,
            "bytes": out.stat().st_size, "build_s": build,
            "open_ms": statistics.median(opened), "search_ms": statistics.median(search),
            "click_ms": statistics.median(click), "zoom_ms": statistics.median(zoom),
            "neighbourhood": saved.neighbourhood}


def main() -> None:
    from graphkit.workspace.locate import sample_folder

    work = Path(tempfile.mkdtemp(prefix="graphkit-explore-bench-"))
    networks = [("sample (baseline)", sample_folder()),
                ("star, 3,000 contacts", _star(work / "star" / "net", 3000)),
                ("clustered, 3,000 contacts", _clustered(work / "clustered", 3000))]
    driver = _browser()
    try:
        rows = [measure(name, folder, work / f"page-{i}.html", driver)
                for i, (name, folder) in enumerate(networks)]
    finally:
        driver.quit()
        shutil.rmtree(work, ignore_errors=True)
    base = rows[0]
    print(f"explorer page, median of {REPEAT} loads in headless Chromium "
          f"({shutil.which('chromium')})")
    print(f"{'network':<27} {'people':>6} {'ties':>6} {'MB':>5} {'build s':>8} {'open ms':>8} "
          f"{'search ms':>9} {'click ms':>8} {'zoom ms':>7} {'open x':>7}")
    for r in rows:
        print(f"{r['network']:<27} {r['people']:>6} {r['ties']:>6} "
              f"{int(r['bytes']) / 1e6:>5.1f} {r['build_s']:>8.2f} {r['open_ms']:>8.0f} "
              f"{r['search_ms']:>9.0f} {r['click_ms']:>8.0f} {r['zoom_ms']:>7.0f} "
              f"{float(r['open_ms']) / float(base['open_ms']):>7.1f}"
              + ("  (neighbourhood mode)" if r["neighbourhood"] else ""))


if __name__ == "__main__":
    main()
