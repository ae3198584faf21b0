"""Make the bundled sample network (seeded: the same files every run).

Run from the repository root:  python sample_data/make_sample.py

It writes three LinkedIn exports under sample_data/exports/ (mine in the current format, two
teammates': Priya's current, Marcus's the 2018 legacy format), imports them with graphkit's own
importers, then adds what no export holds: relationship stages and last contacts, colleagues'
ties, groups, introductions, past jobs and the target list.
"""

from __future__ import annotations

import csv
import random
import shutil
import sys
import tempfile
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from graphkit.importing import import_file  # noqa: E402
from graphkit.io.network import read_network  # noqa: E402
from graphkit.model import (  # noqa: E402
    TEAM_COLUMN,
    Employment,
    Introduction,
    Membership,
    Organization,
    Target,
    Tie,
    with_extra,
)
from graphkit.workspace.init import init_network  # noqa: E402
from graphkit.workspace.write import write_network  # noqa: E402

SEED = 2026
TODAY = date(2026, 11, 15)
ME = "Dana Whitfield"
TEAMMATES = ("Priya Raman", "Marcus Bell")

FIRST = """Aaliyah Aaron Abigail Adrian Aisha Alejandro Amara Andre Anika Ben Bianca Brandon Camila
Carlos Chen Chloe Daniel Deepa Diego Elena Emeka Emily Ethan Fatima Gabriel Grace Hannah Hiro
Ian Imani Isaac Jamal Javier Jenna Joon Julia Kai Kavya Kenji Laila Lauren Leo Lucia Malik Maria
Mateo Maya Mei Miguel Nadia Naomi Nikhil Noah Olivia Omar Paolo Quinn Rachel Rafael Rosa Ruth
Samir Sara Sean Sofia Tariq Tessa Tomas Uma Victor Wen Xavier Yara Yusuf Zoe""".split()
LAST = """Abbott Adeyemi Alvarez Anderson Bauer Bernstein Brooks Castillo Chang Chaudhry Cohen
Costa Delgado Dubois Edwards Eriksen Farah Fischer Flores Gallagher Garcia Goldberg Gupta
Hashemi Hayes Hughes Ibrahim Ito Jensen Kapoor Kaur Kim Kowalski Larsen Lee Lindqvist Lopez
Mahmoud Mbeki Mendoza Morales Murphy Nakamura Nguyen Novak Okafor Olsen Ortiz Park Patel Pereira
Quinn Ramirez Reyes Rossi Russo Sato Schmidt Shapiro Silva Singh Sullivan Tanaka Thompson Torres
Vasquez Volkov Walsh Weber Williams Wong Yamamoto Zhang""".split()

# name, industry, location, spellings people type in LinkedIn's Company field
ORGS = [
    ("Acme Corp", "software", "Boston, MA", ["Acme Corp", "ACME Corporation", "Acme, Inc.",
                                              "Acme Corp."]),
    ("Initech", "software", "Cambridge, MA", ["Initech", "Initech LLC"]),
    ("Globex Corporation", "manufacturing", "Waltham, MA", ["Globex", "Globex Corporation"]),
    ("Hooli", "software", "Boston, MA", ["Hooli"]),
    ("Boston Children's Literacy Fund", "non-profit", "Boston, MA",
     ["Boston Children's Literacy Fund"]),
    ("Harborview Health", "healthcare", "Boston, MA", ["Harborview Health"]),
    ("Greater Boston Food Network", "non-profit", "Boston, MA", ["Greater Boston Food Network"]),
    ("Charles River Conservancy Trust", "non-profit", "Cambridge, MA",
     ["Charles River Conservancy Trust"]),
    ("New England Housing Alliance", "non-profit", "Boston, MA",
     ["New England Housing Alliance"]),
    ("Massachusetts Arts Collaborative", "non-profit", "Boston, MA",
     ["Massachusetts Arts Collaborative"]),
    ("Beacon Hill Capital", "finance", "Boston, MA", ["Beacon Hill Capital"]),
    ("Fenway Analytics", "consulting", "Boston, MA", ["Fenway Analytics"]),
    ("Northeastern Mutual", "insurance", "Boston, MA", ["Northeastern Mutual"]),
    ("Quincy Community Bank", "finance", "Quincy, MA", ["Quincy Community Bank"]),
    ("Summit Ridge Partners", "consulting", "Boston, MA", ["Summit Ridge Partners"]),
    ("Lowell Children's Hospital", "healthcare", "Lowell, MA", ["Lowell Children's Hospital"]),
    ("Cape Ann Marine Institute", "research", "Gloucester, MA", ["Cape Ann Marine Institute"]),
    ("Pioneer Valley Education Fund", "non-profit", "Springfield, MA",
     ["Pioneer Valley Education Fund"]),
    ("Back Bay Ventures", "finance", "Boston, MA", ["Back Bay Ventures"]),
    ("Riverside Clinics", "healthcare", "Worcester, MA", ["Riverside Clinics"]),
    ("Tidewater Logistics", "logistics", "Providence, RI", ["Tidewater Logistics"]),
    ("Granite State Energy", "energy", "Manchester, NH", ["Granite State Energy"]),
    ("Commonwealth Data Labs", "software", "Somerville, MA", ["Commonwealth Data Labs"]),
    ("Bluefin Robotics", "robotics", "Quincy, MA", ["Bluefin Robotics"]),
    ("Emerald Necklace Foundation", "non-profit", "Boston, MA", ["Emerald Necklace Foundation"]),
    ("Brookline Family Services", "non-profit", "Brookline, MA", ["Brookline Family Services"]),
    ("Kendall Bio", "biotech", "Cambridge, MA", ["Kendall Bio"]),
    ("Seaport Media Group", "media", "Boston, MA", ["Seaport Media Group"]),
    ("Atlantic Audit Partners", "accounting", "Boston, MA", ["Atlantic Audit Partners"]),
    ("Minuteman Credit Union", "finance", "Lexington, MA", ["Minuteman Credit Union"]),
    ("Old Colony Insurance", "insurance", "Plymouth, MA", ["Old Colony Insurance"]),
    ("Mystic River Watershed Alliance", "non-profit", "Arlington, MA",
     ["Mystic River Watershed Alliance"]),
    ("Berkshire Learning Trust", "education", "Pittsfield, MA", ["Berkshire Learning Trust"]),
    ("Longwood Research Institute", "research", "Boston, MA", ["Longwood Research Institute"]),
    ("Vireo Software", "software", "Cambridge, MA", ["Vireo Software"]),
    ("Pilgrim Health Partners", "healthcare", "Boston, MA", ["Pilgrim Health Partners"]),
    ("Nantucket Sound Advisors", "consulting", "Boston, MA", ["Nantucket Sound Advisors"]),
    ("Blue Hills Hospice", "healthcare", "Milton, MA", ["Blue Hills Hospice"]),
    ("Franklin Park Youth League", "non-profit", "Boston, MA", ["Franklin Park Youth League"]),
    ("Walden Pond Press", "media", "Concord, MA", ["Walden Pond Press"]),
    ("Salem Harbor Trust", "non-profit", "Salem, MA", ["Salem Harbor Trust"]),
    ("Merrimack Analytics", "consulting", "Lowell, MA", ["Merrimack Analytics"]),
    ("Copley Square Partners", "finance", "Boston, MA", ["Copley Square Partners"]),
    ("Harvard Square Books", "retail", "Cambridge, MA", ["Harvard Square Books"]),
    ("Plum Island Seafood Co.", "food", "Newburyport, MA", ["Plum Island Seafood Co."]),
    ("Bay State Transit Authority", "government", "Boston, MA",
     ["Bay State Transit Authority"]),
    ("City of Somerville", "government", "Somerville, MA", ["City of Somerville"]),
    ("Jamaica Plain Arts Center", "non-profit", "Boston, MA", ["Jamaica Plain Arts Center"]),
    ("Neponset Valley Health", "healthcare", "Norwood, MA", ["Neponset Valley Health"]),
    ("Waltham Precision", "manufacturing", "Waltham, MA", ["Waltham Precision"]),
    ("Cambridge Climate Fund", "non-profit", "Cambridge, MA", ["Cambridge Climate Fund"]),
    ("Dorchester Youth Collaborative", "non-profit", "Boston, MA",
     ["Dorchester Youth Collaborative"]),
    ("Framingham Fintech", "finance", "Framingham, MA", ["Framingham Fintech"]),
    ("Wellesley Wealth Management", "finance", "Wellesley, MA",
     ["Wellesley Wealth Management"]),
    ("Boston Refugee Partnership", "non-profit", "Boston, MA", ["Boston Refugee Partnership"]),
    ("Arnold Arboretum Friends", "non-profit", "Boston, MA", ["Arnold Arboretum Friends"]),
    ("North Shore Community Health", "healthcare", "Lynn, MA",
     ["North Shore Community Health"]),
    ("Chinatown Main Street", "non-profit", "Boston, MA", ["Chinatown Main Street"]),
    ("Hyde Park Savings", "finance", "Boston, MA", ["Hyde Park Savings"]),
    ("Allston Tech Collective", "software", "Boston, MA", ["Allston Tech Collective"]),
]

TITLES = ["Financial Analyst", "Senior Financial Analyst", "Program Director", "Data Analyst",
          "VP Engineering", "Director of Finance", "Controller", "Grants Manager",
          "Operations Manager", "Software Engineer", "Executive Director", "CFO",
          "Development Officer", "Budget Analyst", "Product Manager", "HR Business Partner",
          "Research Associate", "Board Treasurer", "Senior Accountant", "Talent Acquisition Lead",
          "Strategy Consultant", "Chief of Staff", "Director of Development", "FP&A Manager"]

GROUPS = ["Boston Analytics Meetup", "Northeastern University Alumni", "UMass Boston Alumni",
          "Financial Executives Networking Group", "Trinity Church Boston",
          "Association for Financial Professionals - New England", "Women in Data Boston",
          "Boston Nonprofit Finance Roundtable", "Cambridge Toastmasters",
          "Temple Israel Boston"]

TARGETS = [("Acme Corp", 1), ("Greater Boston Food Network", 1),
           ("Boston Children's Literacy Fund", 1), ("New England Housing Alliance", 2),
           ("Harborview Health", 2), ("Charles River Conservancy Trust", 2),
           ("Massachusetts Arts Collaborative", 3), ("Emerald Necklace Foundation", 3),
           ("Boston Refugee Partnership", 3), ("Cambridge Climate Fund", 2),
           ("Mystic River Watershed Alliance", 3), ("Pioneer Valley Education Fund", 3),
           ("Dorchester Youth Collaborative", 2), ("Salem Harbor Trust", 3), ("Initech", 1)]
#: The work team's own lists (rows with a member): (member, organization, priority, role,
#: private). Priya and Marcus both want an FP&A role at Initech (competitors, flagged on the
#: board); Marcus keeps Hooli private: no one else's output may show it.
TEAM_TARGETS = [
    ("Priya Raman", "Initech", 1, "FP&A Manager", False),
    ("Priya Raman", "Harborview Health", 2, "Senior Financial Analyst", False),
    ("Priya Raman", "Hooli", 2, "Budget Analyst", False),
    ("Marcus Bell", "Initech", 1, "FP&A Manager", False),
    ("Marcus Bell", "Hooli", 1, "Controller", True),
    ("Marcus Bell", "Salem Harbor Trust", 3, "Director of Finance", False),
]
#: The as-of date the docs and golden files pin (graphkit --as-of 2026-11-22 ...).
DOCS_AS_OF = date(2026, 11, 22)
TOP_TARGETS = {name for name, priority in TARGETS if priority == 1} - {
    "Greater Boston Food Network"}
#: The team has no one here yet, so the sample shows what "no path" looks like.
UNREACHABLE = {"Salem Harbor Trust", "Pioneer Valley Education Fund"}
#: Only my teammates know people here: reachable in two hops, through the work team.
TEAMMATES_ONLY = {"Greater Boston Food Network", "New England Housing Alliance",
                  "Harborview Health", "Cambridge Climate Fund"}


def linkedin_current(rows: list[dict[str, str]], path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        f.write("Notes:\n\"When exporting your connection data, you may notice that some of the "
                "email addresses are missing. You will only see email addresses for connections "
                "who have allowed their connections to see or download their email address "
                "using this setting https://www.linkedin.com/psettings/privacy/email. You can "
                "learn more here https://www.linkedin.com/help/linkedin/answer/261\"\n\n")
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["First Name", "Last Name", "URL", "Email Address", "Company", "Position",
                    "Connected On"])
        for r in rows:
            w.writerow([r["first"], r["last"], r["url"], r["email"], r["company"], r["title"],
                        r["connected"].strftime("%d %b %Y")])


def linkedin_legacy(rows: list[dict[str, str]], path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["First Name", "Last Name", "Email Address", "Company", "Position",
                    "Connected On"])
        for r in rows:
            when = r["connected"]
            w.writerow([r["first"], r["last"], r["email"], r["company"], r["title"],
                        f"{when.month}/{when.day}/{when:%y}, {(when.day % 12) + 1}:"
                        f"{(when.month * 7) % 60:02d} {'AM' if when.day % 2 else 'PM'}"])


def main() -> None:
    rng = random.Random(SEED)
    names: list[tuple[str, str]] = []
    seen = {tuple(ME.split()), *(tuple(t.split()) for t in TEAMMATES)}
    while len(names) < 330:
        pair = (rng.choice(FIRST), rng.choice(LAST))
        if pair not in seen:
            seen.add(pair)
            names.append(pair)
    # Weighted toward target organizations and a few big employers, as a real network is.
    weights = [6, 5, 3, 3] + [3 if name in dict(TARGETS) else 1 for name, *_ in ORGS[4:]]
    people = []
    for index, (first, last) in enumerate(names):
        org = rng.choices(ORGS, weights=weights)[0]
        mine = index < 150
        while (org[0] in UNREACHABLE or (mine and org[0] in TEAMMATES_ONLY)
               or (mine and org[0] == "Acme Corp" and rng.random() < 0.6)):
            org = ORGS[rng.randrange(10, len(ORGS))]
        handle = f"{first}-{last}".lower() + f"-{rng.randrange(10**5, 10**6):x}"
        people.append({
            "first": first, "last": last,
            "url": f"https://www.linkedin.com/in/{handle}",
            "email": f"{first}.{last}@example.org".lower() if rng.random() < 0.25 else "",
            "company": rng.choice(org[3]) if rng.random() > 0.06 else "",
            "org": org[0], "title": rng.choice(TITLES),
            "connected": TODAY - timedelta(days=rng.randrange(20, 3000)),
        })
    mine = people[:150]
    priya = people[120:135] + people[150:215] + [people[0]]
    marcus = people[140:150] + people[215:290]
    me_row = {"first": "Dana", "last": "Whitfield", "url": "", "email": "", "company": "",
              "title": "Senior Financial Analyst", "org": "", "connected": date(2021, 3, 4)}
    priya.append(me_row)  # Priya is connected to me; the import must recognize me.

    exports = HERE / "exports"
    exports.mkdir(exist_ok=True)
    linkedin_current(mine, exports / "Connections.csv")
    linkedin_current(priya, exports / "priya-raman-Connections.csv")
    legacy = [dict(r, email=r["email"]) for r in marcus]
    linkedin_legacy(legacy, exports / "marcus-bell-Connections.csv")

    work = Path(tempfile.mkdtemp())
    net_dir = work / "net"
    init_network(net_dir, ME)
    import_file(net_dir, "linkedin", exports / "Connections.csv", as_of=TODAY)
    import_file(net_dir, "linkedin", exports / "priya-raman-Connections.csv",
                owner="Priya Raman", as_of=TODAY)
    import_file(net_dir, "linkedin", exports / "marcus-bell-Connections.csv",
                owner="Marcus Bell", as_of=TODAY)
    net = read_network(net_dir)
    shutil.rmtree(work)

    # Organization details and aliases a user would add by hand.
    by_name = {o.name: o for o in net.organizations.values()}
    for name, industry, location, spellings in ORGS:
        org = by_name.get(name) or next((o for o in net.organizations.values()
                                         if o.name in spellings), None)
        if org is None:
            org = Organization(f"o-{name.lower().replace(' ', '-').replace(chr(39), '')}", name)
        aliases = tuple(s for s in spellings if s != name) + (
            ("Acme Widgets",) if name == "Acme Corp" else ())
        net.organizations[org.id] = replace(org, name=name, aliases=aliases,
                                            industry=industry, location=location)

    me = net.me
    # Stages, last contacts and interactions on my own ties: most contacts are dormant.
    ties = []
    for tie in net.ties:
        if me in (tie.person_a, tie.person_b) and tie.source == "own-export":
            r = rng.random()
            stage = ("referral" if r < 0.06 else "advice" if r < 0.2 else
                     "initiated" if r < 0.4 else "")
            last = TODAY - timedelta(days=rng.randrange(3, 60 if stage else 900))
            tie = replace(tie, stage=stage, last_contact=last if stage or r < 0.7 else
                          tie.last_contact, interactions=rng.randrange(1, 25) if stage else 0)
        ties.append(tie)
    # The work team meets every week: my ties to my teammates are strong and fresh.
    teammate_ids = {p.id for p in net.people.values() if p.name in TEAMMATES}
    net.ties = [replace(t, stage="referral", last_contact=TODAY - timedelta(days=5),
                        interactions=20, notes="job search work team")
                if me in t.key and set(t.key) & teammate_ids else t for t in ties]
    ids = sorted(net.people)
    others = [p for p in ids if p != me]
    # Colleagues know each other.
    at: dict[str, list[str]] = {}
    for job in net.employment:
        at.setdefault(job.org_id, []).append(job.person_id)
    keys = {t.key for t in net.ties}
    for members in at.values():
        members = sorted(members)
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                key = (a, b) if a <= b else (b, a)
                if me not in key and key not in keys and rng.random() < 0.35:
                    keys.add(key)
                    net.ties.append(Tie(a, b, stage=rng.choice(["", "", "initiated", "advice"]),
                                        last_contact=TODAY - timedelta(days=rng.randrange(10, 700)),
                                        source="manual", notes="colleagues"))
    # Past jobs: some people used to work somewhere else (some at unreachable targets).
    org_ids = sorted(net.organizations)
    unreachable_ids = [o.id for o in net.organizations.values() if o.name in UNREACHABLE]
    for person in rng.sample(others, 60):
        org = rng.choice(org_ids + unreachable_ids * 3)
        start = TODAY - timedelta(days=rng.randrange(2000, 5000))
        net.employment.append(Employment(person, org, rng.choice(TITLES), start,
                                         start + timedelta(days=rng.randrange(300, 1500))))
    # Groups: schools, associations, congregations, meetups.
    for group in GROUPS:
        for person in rng.sample(others, rng.randrange(8, 25)):
            net.memberships.append(Membership(person, group, "member"))
    for group in (GROUPS[0], GROUPS[1], GROUPS[4], GROUPS[7]):
        net.memberships.append(Membership(me, group, "member"))
    # Introductions: referral chains that start at me, some with no meeting recorded yet.
    neighbours = sorted({b if a == me else a for a, b in keys if me in (a, b)})
    adjacency: dict[str, list[str]] = {}
    for a, b in keys:
        adjacency.setdefault(a, []).append(b)
        adjacency.setdefault(b, []).append(a)
    intro_day = TODAY - timedelta(days=200)
    for start in rng.sample(neighbours, 6):
        introducer, current = start, me
        for _ in range(rng.randrange(1, 4)):
            options = sorted(set(adjacency.get(introducer, [])) - {me, current})
            if not options:
                break
            new = rng.choice(options)
            intro_day += timedelta(days=rng.randrange(3, 25))
            status = rng.choice(["met", "met", "made", "requested"])
            if intro_day > TODAY - timedelta(days=12):
                status = rng.choice(["made", "requested"])
            net.introductions.append(Introduction(introducer, me, new, intro_day, status))
            key = (me, new) if me <= new else (new, me)
            if status == "met" and key not in keys:
                keys.add(key)
                net.ties.append(Tie(me, new, stage="initiated", last_contact=intro_day,
                                    interactions=1, source="introduction"))
            introducer, current = new, introducer
    # Recent introductions for the referrals demo, dated from the as-of date the docs and golden
    # files pin: a chain grows to a priority-1 target (made 10 days ago, no meeting yet) and a
    # teammate is asked for an introduction (3 days ago: not yet due).
    current = {j.person_id: net.organizations[j.org_id].name for j in net.employment
               if j.end is None}
    met = [i.introduced_to_id for i in net.introductions if i.status == "met"]
    introduced = {i.introduced_to_id for i in net.introductions}
    for wanted, days_ago, status in ((TOP_TARGETS, 10, "made"), (TEAMMATES_ONLY, 3,
                                                                   "requested")):
        for introducer in met:
            options = sorted(p for p in adjacency.get(introducer, [])
                             if current.get(p) in wanted and p not in introduced and p != me)
            if options:
                net.introductions.append(Introduction(introducer, me, options[0],
                                                      DOCS_AS_OF - timedelta(days=days_ago),
                                                      status))
                introduced.add(options[0])
                break
    net.introductions.sort(key=lambda i: i.date or TODAY)
    net.targets = [Target("ACME Corporation" if name == "Acme Corp" else name, priority,
                          "researching")
                   for name, priority in TARGETS]
    # The work team: Priya and Marcus are members, each with a target list of their own.
    for person in list(net.people.values()):
        if person.name in TEAMMATES:
            net.people[person.id] = replace(person, extra=with_extra(person.extra, TEAM_COLUMN,
                                                                     "member"))
    member_ids = {p.name: p.id for p in net.people.values()}
    net.targets += [Target(org, priority, "researching", member=member_ids[who], role=role,
                           private=private)
                    for who, org, priority, role, private in TEAM_TARGETS]
    for path in [*HERE.glob("*.csv"), HERE / "graphkit.toml"]:
        path.unlink(missing_ok=True)
    write_network(HERE, net)
    shutil.rmtree(HERE / ".graphkit", ignore_errors=True)  # the write's journal folder
    for path in [*HERE.glob("*.csv"), HERE / "graphkit.toml", *exports.glob("*.csv")]:
        path.chmod(0o644)  # shipped in the package: readable by everyone
    print(f"wrote {HERE}: {len(net.people)} people, {len(net.organizations)} organizations, "
          f"{len(net.ties)} ties, {len(net.introductions)} introductions")


if __name__ == "__main__":
    main()
