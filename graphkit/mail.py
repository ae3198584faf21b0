"""Sending a report by e-mail over SMTP.

Configured in graphkit.toml::

    [smtp]
    host = "smtp.example.org"
    port = 587              # default 587 (STARTTLS); 465 means TLS from the start; 25 plain
    user = "dana@example.org"   # optional: no login without it
    from = "dana@example.org"   # default: user, else graphkit@localhost
    starttls = true         # default: true on port 587

The password is never stored in the file: it comes from the ``GRAPHKIT_SMTP_PASSWORD``
environment variable.
"""

from __future__ import annotations

import os
import re
import smtplib
import ssl
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from pathlib import Path
from typing import Any

from graphkit.errors import ConfigError, GraphkitError, InvalidArgument

PASSWORD_ENV = "GRAPHKIT_SMTP_PASSWORD"
TIMEOUT = 30.0


class DeliveryError(GraphkitError):
    """The report could not be sent (it was still written)."""


@dataclass(frozen=True)
class SmtpSettings:
    """Where and how to send mail."""

    host: str
    port: int = 587
    user: str = ""
    password: str = ""
    sender: str = ""
    starttls: bool = True
    ssl: bool = False

    @classmethod
    def from_config(cls, table: Mapping[str, Any] | None,
                    environ: Mapping[str, str] | None = None) -> SmtpSettings:
        """Settings from the ``[smtp]`` table and the environment.

        Raises
        ------
        ConfigError
            when the table is missing or a value is wrong.

        Examples
        --------
        >>> SmtpSettings.from_config({"host": "127.0.0.1", "port": 2525}, {}).starttls
        False
        """
        env = os.environ if environ is None else environ
        if not table or not isinstance(table, Mapping) or not table.get("host"):
            raise ConfigError('e-mail needs an [smtp] table with host = "..." in graphkit.toml')
        known = {"host", "port", "user", "from", "starttls"}
        unknown = sorted(set(table) - known)
        if unknown:
            raise ConfigError(f"unknown [smtp] setting(s) {', '.join(unknown)}; valid: "
                              f"{', '.join(sorted(known))} (the password goes in "
                              f"{PASSWORD_ENV})")
        port = table.get("port", 587)
        if not isinstance(port, int) or not 1 <= port <= 65535:
            raise ConfigError(f"[smtp] port = {port!r} is not a port number (1-65535)")
        starttls = table.get("starttls", port == 587)
        if not isinstance(starttls, bool):
            raise ConfigError(f"[smtp] starttls = {starttls!r} must be true or false")
        user = str(table.get("user", ""))
        password = env.get(PASSWORD_ENV, "")
        if user and not password:
            raise ConfigError(f"[smtp] user is {user!r} but {PASSWORD_ENV} is not set; set it "
                              "in the environment (cron: at the top of your crontab)")
        sender = str(table.get("from", "")) or user or "graphkit@localhost"
        try:
            check_address(sender, "from")
        except InvalidArgument as exc:
            raise ConfigError(f"graphkit.toml: [smtp] {exc}") from None
        return cls(str(table["host"]), port, user, password, sender,
                   starttls and port != 465, port == 465)

    @classmethod
    def from_network(cls, folder: str | Path) -> SmtpSettings:
        """Settings from ``folder``'s graphkit.toml and the environment."""
        from graphkit.io.settings import read_settings

        return cls.from_config(read_settings(folder).smtp)


#: What may not appear in an e-mail address: C0 and C1 controls and DEL (a CR or LF would end
#: the header and start another, e.g. a ``Bcc:``), and the separators of an address list.
_NOT_IN_ADDRESS = re.compile(r"[\x00-\x1f\x7f-\x9f,;]")


def check_address(address: str, parameter: str = "email") -> str:
    """Return ``address`` if it is one plain e-mail address (``name@host``).

    Raises
    ------
    InvalidArgument
        naming ``parameter``, for a control character (CR, LF, ...), a space or a list
        separator, or (for a recipient, ``email``) no ``@``.

    Examples
    --------
    >>> check_address("dana@example.org")
    'dana@example.org'
    >>> check_address("a@b.org" + chr(13) + chr(10) + "Bcc: x@y.org")
    Traceback (most recent call last):
    ...
    graphkit.errors.InvalidArgument: email must be one e-mail address without control ...
    """
    local, at, host = address.strip().rpartition("@")
    plain = address.strip() and " " not in address.strip()
    # A sender may be a bare login name ("dana") that the server completes; a recipient not.
    if _NOT_IN_ADDRESS.search(address) or not plain or (
            parameter == "email" and not (local and at and host)):
        raise InvalidArgument(parameter, repr(address), "one e-mail address without control "
                              "characters or separators (like dana@example.org)")
    return address.strip()


def check_addresses(addresses: Sequence[str]) -> list[str]:
    """Every address checked with :func:`check_address` (parameter ``email``)."""
    return [check_address(a) for a in addresses]


def compose(sender: str, to: Sequence[str], subject: str, text: str,
            html: str | None = None) -> EmailMessage:
    """A message with a plain-text body and an optional HTML alternative.

    >>> msg = compose("a@x.org", ["b@x.org"], "hi", "hello")
    >>> msg["To"], msg.get_content_type()
    ('b@x.org', 'text/plain')
    """
    msg = EmailMessage()
    msg["From"] = check_address(sender, "from")
    msg["To"] = ", ".join(check_addresses(to))
    msg["Subject"] = " ".join(subject.split())  # one line, whatever a name holds
    msg["Date"] = formatdate(localtime=True)
    msg["Message-ID"] = make_msgid(domain="graphkit.local")
    msg.set_content(text)
    if html is not None:
        msg.add_alternative(html, subtype="html")
    return msg


def send(settings: SmtpSettings, message: EmailMessage) -> None:
    """Send ``message``.

    Raises
    ------
    DeliveryError
        naming the server and what went wrong.
    """
    where = f"{settings.host}:{settings.port}"
    try:
        if settings.ssl:
            client: smtplib.SMTP = smtplib.SMTP_SSL(settings.host, settings.port,
                                                    timeout=TIMEOUT,
                                                    context=ssl.create_default_context())
        else:
            client = smtplib.SMTP(settings.host, settings.port, timeout=TIMEOUT)
        with client:
            if settings.starttls:
                client.starttls(context=ssl.create_default_context())
            if settings.user:
                client.login(settings.user, settings.password)
            client.send_message(message)
    except smtplib.SMTPAuthenticationError:
        raise DeliveryError(f"the mail server {where} refused the login for "
                            f"{settings.user!r}; check {PASSWORD_ENV}") from None
    except (smtplib.SMTPException, OSError) as exc:
        raise DeliveryError(f"could not send the report through {where}: {exc}; check the "
                            "[smtp] settings in graphkit.toml") from None
