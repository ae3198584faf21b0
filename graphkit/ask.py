"""``draft``: a message for the next step of a relationship, from what graphkit knows.

The draft asks for advice, names and introductions (never for a job) and ends by offering
help back. It is built from the stage of my tie with the person, what we share (the person
who introduced us, groups, employers), the person to be introduced to and why, and my one-line
pitch from the ``[pitch]`` table of graphkit.toml::

    [pitch]
    role = "Senior Financial Analyst"
    skills = ["financial modeling", "grant budgeting"]   # or one string
    industry = "non-profit"
    geography = "the Boston area"

The words come from templates (``graphkit/templates/*.txt``, see the README there); a file of
the same name in ``<network>/templates/`` takes precedence, so users edit their own copy.
Private notes are never used. No network access, no AI service: plain string templates.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from string import Template
from typing import Any

from graphkit.errors import ConfigError, GraphkitError, InputError
from graphkit.model import Network, Organization, Person
from graphkit.record import resolve_person
from graphkit.store.base import GraphStore
from graphkit.strength import ago

#: The folder inside a network folder whose templates override the defaults.
USER_TEMPLATES = "templates"
#: The templates, by the ask they make.
TEMPLATES = ("initiate", "advice", "introduction", "insider")
#: Every placeholder a template may use.
PLACEHOLDERS = ("first_name", "my_name", "subject", "opener", "pitch", "topic",
                "organization", "person", "person_role", "why", "help_back")
PITCH_KEYS = ("role", "skills", "industry", "geography")


@dataclass(frozen=True)
class Pitch:
    """What I am looking for, from the ``[pitch]`` table of graphkit.toml."""

    role: str = ""
    skills: tuple[str, ...] = ()
    industry: str = ""
    geography: str = ""

    @property
    def empty(self) -> bool:
        return not (self.role or self.skills or self.industry or self.geography)

    def sentence(self) -> str:
        """The pitch as one sentence.

        >>> print(Pitch("Analyst", ("SQL", "R"), "", "Boston").sentence())
        I'm looking for my next role as an Analyst, in Boston, where I can bring SQL and R.
        """
        if self.empty:
            return ("[your one-line pitch: add a [pitch] table to graphkit.toml with role, "
                    "skills, industry, geography]")
        text = "I'm looking for my next role"
        if self.role:
            text += f" as {'an' if self.role[:1].lower() in 'aeiou' else 'a'} {self.role}"
        if self.industry:
            text += f", in {self.industry}"
        if self.geography:
            text += f", in {self.geography}"
        if self.skills:
            text += f", where I can bring {_and(self.skills)}"
        return text + "."

    def topic(self) -> str:
        """What to ask advice about when no organization is named."""
        if self.industry and self.geography:
            return f"{self.industry} in {self.geography}"
        return self.industry or self.geography or "the field I'm moving into"


def _and(items: tuple[str, ...] | list[str]) -> str:
    items = list(items)
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def parse_pitch(table: Any, path: str = "graphkit.toml") -> Pitch:
    """The ``[pitch]`` table as a :class:`Pitch` (an empty one when absent).

    Raises
    ------
    ConfigError
        for a pitch that is not a table, an unknown key or a value that is not text.

    >>> parse_pitch({"role": "Analyst", "skills": "SQL"}).skills
    ('SQL',)
    """
    if table is None:
        return Pitch()
    if not isinstance(table, Mapping):
        raise ConfigError(f"{path}: [pitch] must be a table (role, skills, industry, geography)")
    unknown = sorted(set(table) - set(PITCH_KEYS))
    if unknown:
        raise ConfigError(f"{path}: [pitch] {unknown[0]}: unknown key; use "
                          + ", ".join(PITCH_KEYS))
    values: dict[str, Any] = {}
    for key in PITCH_KEYS:
        value = table.get(key, "")
        if key == "skills":
            skills = [value] if isinstance(value, str) else value
            if not isinstance(skills, list) or not all(isinstance(s, str) for s in skills):
                raise ConfigError(f"{path}: [pitch] skills must be text or a list of text")
            values[key] = tuple(s.strip() for s in skills if s.strip())
        elif not isinstance(value, str):
            raise ConfigError(f"{path}: [pitch] {key} must be text, not {value!r}")
        else:
            values[key] = value.strip()
    return Pitch(**values)


def read_pitch(folder: str | Path) -> Pitch:
    """The pitch in ``<folder>/graphkit.toml`` (read through :mod:`graphkit.io.settings`);
    empty when the file has no ``[pitch]``."""
    from graphkit.io.settings import CONFIG_FILE, find_settings

    settings = find_settings(folder)
    if settings is None:
        return Pitch()
    return parse_pitch(settings.raw.get("pitch"), str(Path(folder) / CONFIG_FILE))


def template_text(name: str, folder: str | Path | None = None) -> tuple[str, str]:
    """The text of template ``name`` and where it came from: ``<folder>/templates/NAME.txt``
    when there is one, else the default shipped with graphkit.

    Raises
    ------
    InputError
        for an unreadable template, bad ``$`` syntax or an unknown placeholder.
    """
    own = Path(folder) / USER_TEMPLATES / f"{name}.txt" if folder is not None else None
    if own is not None and own.is_file():
        try:
            text, where = own.read_text(encoding="utf-8-sig"), str(own)
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(f"cannot read the template ({exc}); fix or delete it", own) from None
    else:
        text = resources.files("graphkit.templates").joinpath(f"{name}.txt").read_text("utf-8")
        where = f"graphkit/templates/{name}.txt"
    template = Template(text)
    if not template.is_valid():
        raise InputError("a '$' that starts no placeholder; write $$ for a dollar sign", where)
    unknown = [p for p in template.get_identifiers() if p not in PLACEHOLDERS]
    if unknown:
        raise InputError(f"unknown placeholder ${unknown[0]}; the placeholders are "
                         + ", ".join("$" + p for p in PLACEHOLDERS), where)
    return text, where


def copy_templates(folder: str | Path) -> tuple[list[str], list[str]]:
    """Copy the default templates into ``<folder>/templates/`` (0600 files, 0700 folder);
    files already there are left alone. Returns the files written and those kept."""
    from graphkit.workspace.transaction import make_private_dir, write_private

    target = make_private_dir(Path(folder) / USER_TEMPLATES)
    written, kept = [], []
    for name in (*TEMPLATES, "README"):
        file = f"{name}.md" if name == "README" else f"{name}.txt"
        path = target / file
        if path.exists():
            kept.append(str(path))
            continue
        write_private(path, resources.files("graphkit.templates").joinpath(file)
                      .read_text("utf-8"))
        written.append(str(path))
    return written, kept


@dataclass(frozen=True)
class Draft:
    """A drafted message: its text, the template used (and where from), and notes for me."""

    text: str
    template: str
    source: str
    to: Person
    notes: tuple[str, ...] = ()


def _first_name(person: Person) -> str:
    return person.name.split()[0] if person.name.split() else person.name


def _role(store: GraphStore, person: Person) -> tuple[str, Organization | None]:
    for job in store.employment_of(person.id):
        if job.current:
            org = store.organization(job.org_id)
            title = job.title or person.title
            return (f"{title} at {org.name}" if title else org.name), org
    return person.title or "someone you know", None


def _shared(store: GraphStore, a: str, b: str) -> tuple[list[str], list[str]]:
    """What ``a`` and ``b`` share: groups, and employers (past or present)."""
    groups_b = set(store.groups_of(b))
    groups = [g for g in store.groups_of(a) if g in groups_b]
    orgs_a = {j.org_id for j in store.employment_of(a)}
    orgs = [store.organization(j.org_id).name for j in store.employment_of(b)
            if j.org_id in orgs_a]
    return groups, list(dict.fromkeys(orgs))


def _common(groups: list[str], orgs: list[str], who: str) -> str:
    """"we are both part of X" / "you both worked at Y", or "" when nothing is shared."""
    if groups:
        return f"{who} are both part of {_and(groups[:2])}"
    if orgs:
        return f"{who} both worked at {_and(orgs[:2])}"
    return ""


def _opener(store: GraphStore, me: Person, contact: Person) -> str:
    for intro in store.introductions():
        if intro.person_id == me.id and intro.introduced_to_id == contact.id and (
                intro.status in ("made", "met")):
            return f"{store.person(intro.introducer_id).name} suggested we get in touch."
    groups, orgs = _shared(store, me.id, contact.id)
    try:
        tie = store.tie(me.id, contact.id).tie
    except KeyError:
        tie = None
    if groups:
        return f"I hope you are well; I'm writing as a fellow member of {_and(groups[:2])}."
    if orgs:
        return f"I hope you are well; I'm writing as a former colleague from {_and(orgs[:2])}."
    if tie is not None and tie.last_contact is not None and (
            store.as_of - tie.last_contact).days > 180:
        return (f"It has been a while since we last spoke ({ago(tie.last_contact, store.as_of)})"
                ", and I hope you are well.")
    return "I hope you are well."


def _help_back(pitch: Pitch) -> str:
    offer = (f", or a second pair of eyes on anything that needs {_and(pitch.skills[:2])}"
             if pitch.skills else "")
    return ("And please tell me how I can return the favour: an introduction from my own "
            f"network{offer}.")


def _stage(store: GraphStore, me: str, contact: str) -> str:
    try:
        return store.tie(me, contact).tie.stage or "acquaintance"
    except KeyError:
        return ""


def draft(store: GraphStore, contact_name: str, pitch: Pitch | None = None,
          folder: str | Path | None = None, for_org: str | None = None,
          to_person: str | None = None) -> Draft:
    """A draft message to ``contact_name`` for the next step of our relationship.

    Which ask: ``to_person``: an introduction to them; ``for_org``: advice about it from
    someone who works there, else an introduction to the person there they know best, else
    advice and names; neither: by stage (no tie or acquaintance: reconnect; initiated:
    advice; advice or referral: an introduction toward my best target through them, else
    advice).

    Raises
    ------
    UnknownPerson, Ambiguous, UnknownOrganization
        for names that match nothing, or several people.
    GraphkitError
        for a draft to myself, or an introduction to someone the contact does not know.
    InputError
        for a broken template in ``<folder>/templates``.
    """
    pitch = pitch or Pitch()
    directory = Network(store.me().id, {p.id: p for p in store.people()})
    me = store.me()
    contact = resolve_person(directory, contact_name)
    if contact.id == me.id:
        raise GraphkitError("that is you; name the person you want to write to")
    notes: list[str] = []
    if pitch.empty:
        notes.append("no [pitch] in graphkit.toml: the draft has a gap to fill (add role, "
                     "skills, industry, geography)")
    stage = _stage(store, me.id, contact.id)
    if not stage:
        notes.append(f"you have no recorded tie with {contact.name}: the draft assumes you "
                     "have met; record it with graphkit log")
    values = {"first_name": _first_name(contact), "my_name": me.name, "pitch": pitch.sentence(),
              "opener": _opener(store, me, contact), "help_back": _help_back(pitch),
              "topic": pitch.topic(), "organization": "", "person": "", "person_role": "",
              "why": "", "subject": "Your advice"}
    target: Person | None = None
    org: Organization | None = None
    if to_person is not None:
        target = resolve_person(directory, to_person, "to")
        try:
            store.tie(contact.id, target.id)
        except KeyError:
            raise GraphkitError(f"{contact.name} and {target.name} have no recorded tie; ask "
                                f"{contact.name} for names instead (graphkit ask "
                                f'"{contact.name}" --for ORG)') from None
    elif for_org is not None:
        org = store.organization(for_org)
        staff = [j.person_id for j in store.employment_at(org.id) if j.current]
        if contact.id not in staff:
            near = store.best_paths(contact.id, staff, 1) if staff else {}
            if near:
                best = min(near.values(), key=lambda b: b.sort_key())
                target = store.person(best.people[-1])
            else:
                notes.append(f"{contact.name} knows nobody at {org.name} in your network: "
                             "the draft asks for advice and names")
    elif stage in ("advice", "referral"):
        target, org = _best_target_through(store, me.id, contact.id)
    if target is not None:
        role, where = _role(store, target)
        org = org or where
        common = _common(*_shared(store, contact.id, target.id), "you")
        values.update(person=target.name, person_role=role,
                      organization=org.name if org else "their organization",
                      why=common or "you are in touch, if I have that right",
                      subject=f"An introduction to {target.name}?")
        name = "introduction"
    elif org is not None:
        values.update(organization=org.name, topic=org.name,
                      subject=f"Your advice about {org.name}")
        name = "insider" if contact.id in {j.person_id for j in store.employment_at(org.id)
                                           if j.current} else "advice"
    else:
        name = "initiate" if stage in ("", "acquaintance") else "advice"
        if name == "initiate":
            values["subject"] = "Catching up"
    text, source = template_text(name, folder)
    return Draft(Template(text).substitute(values), name, source, contact, tuple(notes))


def _best_target_through(store: GraphStore, me: str,
                         contact: str) -> tuple[Person | None, Organization | None]:
    """The best-scoring person at a target organization the contact knows (or is)."""
    from graphkit.analysis.targets import resolve_targets

    best: tuple[float, str, Organization] | None = None
    for org in resolve_targets(store).organizations:
        staff = [j.person_id for j in store.employment_at(org.id) if j.current]
        if contact in staff:
            continue  # they work there: that ask is --for ORG
        for person_id, path in store.best_paths(contact, staff, 1).items():
            if best is None or path.score > best[0]:
                best = (path.score, person_id, org)
    if best is None:
        return None, None
    return store.person(best[1]), best[2]


__all__ = ["Draft", "Pitch", "copy_templates", "draft", "parse_pitch", "read_pitch",
           "template_text"]
