"""E-mail delivery, against a real SMTP server started on 127.0.0.1 by the test."""

from __future__ import annotations

import email
import email.policy
import socket

import pytest
from click.testing import CliRunner

from graphkit.cli.main import main
from graphkit.errors import ConfigError
from graphkit.mail import PASSWORD_ENV, DeliveryError, SmtpSettings, compose, send


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Inbox:
    def __init__(self) -> None:
        self.messages: list[tuple[str, list[str], email.message.EmailMessage]] = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        raw = envelope.content.replace(b"\r\n", b"\n")  # SMTP's line ends, as a mailbox stores
        msg = email.message_from_bytes(raw, policy=email.policy.default)
        self.messages.append((envelope.mail_from, list(envelope.rcpt_tos), msg))
        return "250 Message accepted for delivery"


@pytest.fixture
def smtp_server():
    from aiosmtpd.controller import Controller

    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    try:
        yield inbox, controller.port
    finally:
        controller.stop()


def _configure(folder, port) -> None:
    with open(folder / "graphkit.toml", "a", encoding="utf-8") as handle:
        handle.write(f'\n[smtp]\nhost = "127.0.0.1"\nport = {port}\nfrom = "graphkit@dana.test"\n')


def test_settings_from_config():
    s = SmtpSettings.from_config({"host": "mail.test", "user": "dana"},
                                 {PASSWORD_ENV: "secret"})
    assert (s.port, s.starttls, s.ssl, s.sender, s.password) == (587, True, False, "dana",
                                                                 "secret")
    assert SmtpSettings.from_config({"host": "mail.test", "port": 465}, {}).ssl
    with pytest.raises(ConfigError, match="GRAPHKIT_SMTP_PASSWORD is not set"):
        SmtpSettings.from_config({"host": "mail.test", "user": "dana"}, {})
    with pytest.raises(ConfigError, match=r"unknown \[smtp\] setting\(s\) password"):
        SmtpSettings.from_config({"host": "mail.test", "password": "x"}, {})
    with pytest.raises(ConfigError, match=r"needs an \[smtp\] table"):
        SmtpSettings.from_config(None, {})


def test_send_to_the_local_server(smtp_server):
    inbox, port = smtp_server
    settings = SmtpSettings.from_config({"host": "127.0.0.1", "port": port}, {})
    send(settings, compose("a@x.test", ["b@x.test"], "hello", "plain body", "<p>html</p>"))
    [(sender, to, msg)] = inbox.messages
    assert (sender, to, msg["Subject"]) == ("a@x.test", ["b@x.test"], "hello")
    assert msg.get_body(("plain",)).get_content() == "plain body\n"
    assert msg.get_body(("html",)).get_content() == "<p>html</p>\n"


def test_report_by_email(sample_dir, smtp_server):
    inbox, port = smtp_server
    _configure(sample_dir, port)
    result = CliRunner().invoke(main, ["--data", str(sample_dir), "--as-of", "2026-11-22",
                                       "report", "--email", "dana@example.org", "--no-plot"])
    assert result.exit_code == 0, result.output
    [(sender, to, msg)] = inbox.messages
    assert (sender, to) == ("graphkit@dana.test", ["dana@example.org"])
    assert msg["Subject"] == "graphkit report 2026-11-22: first snapshot recorded"
    assert msg.get_body(("plain",)).get_content().startswith(
        "# graphkit report for Dana Whitfield, 2026-11-22\n")
    assert "<h1>graphkit report for Dana Whitfield, 2026-11-22</h1>" in \
        msg.get_body(("html",)).get_content()


def test_smtp_failure_still_writes_the_report(sample_dir, tmp_path):
    _configure(sample_dir, free_port())  # nothing listens there
    out = tmp_path / "reports"
    result = CliRunner().invoke(main, ["--data", str(sample_dir), "--as-of", "2026-11-22",
                                       "report", "--out", str(out), "--email", "d@x.test",
                                       "--no-plot"])
    assert result.exit_code == 4
    assert (out / "graphkit-report-2026-11-22.md").is_file()
    assert "Error: could not send the report through 127.0.0.1:" in result.output
    assert (sample_dir / ".graphkit" / "state" / "snapshot-2026-11-22.json").is_file()


def test_email_without_smtp_settings_is_a_config_error(sample_dir):
    result = CliRunner().invoke(main, ["--data", str(sample_dir), "report", "--email", "d@x"])
    assert result.exit_code == 1
    assert "e-mail needs an [smtp] table" in result.output


def test_delivery_error_names_the_server():
    settings = SmtpSettings("127.0.0.1", free_port(), starttls=False)
    with pytest.raises(DeliveryError, match=r"could not send the report through 127\.0\.0\.1"):
        send(settings, compose("a@x", ["b@x"], "s", "t"))
