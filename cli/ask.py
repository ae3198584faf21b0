"""``graphkit ask``: a draft message for the next step of a relationship."""

from __future__ import annotations

import click

from graphkit.cli.options import Settings, pass_settings
from graphkit.render.formats import terminal_safe


@click.command(name="ask")
@click.argument("person", required=False)
@click.option("--for", "for_org", metavar="ORG", help="The organization the ask is about.")
@click.option("--to", "to_person", metavar="PERSON",
              help="Ask PERSON for an introduction to this person.")
@click.option("--init-templates", is_flag=True,
              help="Copy the default templates into NETWORK/templates/ to edit them.")
@pass_settings
def ask(settings: Settings, person: str | None, for_org: str | None, to_person: str | None,
        init_templates: bool) -> None:
    """Draft a message to PERSON for the next step: advice, names, an introduction.

    Plain text on standard output, built from the stage of your tie, what you share and your
    [pitch] in graphkit.toml; the templates can be edited (--init-templates).

    \b
    Example:
      graphkit ask "Sara Pereira"
      graphkit ask "Marcus Bell" --to "Chloe Lee"
      graphkit ask "Priya Raman" --for "Harborview Health" > draft.txt
    """
    from graphkit.ask import copy_templates, draft, read_pitch

    folder = settings.located()
    if init_templates:
        if folder.is_sample:
            raise click.ClickException("the bundled sample network is read-only; use --data "
                                       "DIR with your own network")
        written, kept = copy_templates(folder.path)
        for path in written:
            click.echo(f"wrote {path}")
        for path in kept:
            click.echo(f"kept {path} (already there)")
        return
    if person is None:
        raise click.UsageError("name the person to write to: graphkit ask PERSON")
    if for_org is not None and to_person is not None:
        raise click.UsageError("--for and --to are alternatives: give one")
    store = settings.open()
    result = draft(store, person, read_pitch(folder.path), folder.path, for_org, to_person)
    for note in result.notes:
        click.echo(f"note: {note}", err=True)
    click.echo(terminal_safe(result.text), nl=False)
