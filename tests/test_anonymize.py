"""``export --anonymize``: no personal data left, the same analysis results."""

from __future__ import annotations

from click.testing import CliRunner

from graphkit.analysis.paths import path_to
from graphkit.anonymize import anonymize
from graphkit.cli.main import main
from graphkit.io.network import read_network


def test_anonymized_sample_gives_the_same_paths(store_of, sample_network):
    anon = anonymize(sample_network)
    ids = dict(zip(sorted(sample_network.people), sorted(anon.people), strict=True))
    for org in ("Acme Corp", "Initech", "Salem Harbor Trust"):
        for hops in (1, 2, 3):
            before = path_to(store_of(sample_network), org, hops)
            after = path_to(store_of(anon), org, hops)
            assert [(p.score, [ids[x.id] for x in p.people]) for p in before.paths] == [
                (p.score, [x.id for x in p.people]) for p in after.paths]
            assert len(before.suggestions) == len(after.suggestions)


def test_no_names_emails_urls_or_notes_survive(tmp_path, sample_dir):
    out = tmp_path / "anon"
    result = CliRunner().invoke(main, ["--data", str(sample_dir), "export", "--anonymize",
                                       str(out)])
    assert result.exit_code == 0, result.output
    original = read_network(sample_dir)
    text = "\n".join(p.read_text(encoding="utf-8") for p in out.glob("*.csv"))
    for person in original.people.values():
        assert person.name not in text
        assert not person.linkedin_url or person.linkedin_url not in text
    assert "Trinity Church" not in text and "Dana" not in text
    again = CliRunner().invoke(main, ["--data", str(sample_dir), "export", str(out)])
    assert again.exit_code == 1 and "already holds a network" in again.stderr
