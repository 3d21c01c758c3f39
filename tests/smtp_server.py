#!/usr/bin/env python3
"""A real SMTP server (aiosmtpd) on 127.0.0.1 for the client integration tests (tests/lettre.rs,
tests/mail_send.rs, tests/async_smtp.rs).

Usage: python3 tests/smtp_server.py --mode MODE [--port N]

Binds 127.0.0.1 (port 0, the default, lets the system pick a free port), prints
"LISTENING <port>" on stdout once it accepts connections, and serves until it is killed or its
stdin reaches end of file (so it never outlives the test process that started it).

Every reply comes from aiosmtpd itself, configured through its documented options
(`auth_required`, `auth_require_tls`, `authenticator`, `data_size_limit`, `command_call_limit`,
`enable_SMTPUTF8`, `proxy_protocol_timeout`, `tls_context`, and asyncio's `ssl` for implicit TLS)
or, for recipients and greylisting, from the `handle_RCPT` hook that real aiosmtpd deployments
use to look recipients up, answering as Postfix does. Modes:

  submission      The user's own submission server. AUTH required (530 5.7.0) and checked by an
                  authenticator: alice@example.org with password "correct horse" signs in,
                  locked@example.org gets "454 4.7.0 Too many login attempts", anything else
                  535 5.7.8. A signed-in user may send only as the address signed in with:
                  another MAIL FROM gets Exchange Online's "550 5.7.60 SMTP; Client does not
                  have permissions to send as this sender".
  auth_tls_only   aiosmtpd's default `auth_require_tls=True` on a plain connection: AUTH is not
                  offered at all.
  mailbox         Recipients are looked up: alice@ and bob@example.org exist, moved@example.org
                  gets a multi-line 550 5.1.1, every other address a one-line 550 5.1.1.
  mx              The recipient's mail exchanger: recipients looked up as in `mailbox`, and
                  full@example.org gets "452 4.2.2 … Mailbox full".
  bad_challenge   AUTH LOGIN (the only mechanism, on a plain connection) answered with a 334
                  challenge that is not base64.
  odd_challenge   AUTH LOGIN answered with a base64 challenge that asks for neither a user
                  name nor a password.
  size_limit      `data_size_limit=1024`: a larger message gets 552 after DATA.
  greylist        The first attempt of each (sender, recipient) pair gets 451 4.7.1, the
                  retry is accepted.
  mail_limit      `command_call_limit={"MAIL": 0}`: aiosmtpd answers MAIL with its own
                  "421 4.7.0 MAIL sent too many times" and closes the connection.
  no_smtputf8     SMTPUTF8 is not offered (`enable_SMTPUTF8=False`).
  proxy_wait      `proxy_protocol_timeout=30`: aiosmtpd waits for a PROXY protocol header and
                  says nothing, as a server behind a load balancer does when a client connects
                  to it directly.
  proxy_drop      `proxy_protocol_timeout=0.3`: the same, but it hangs up after 0.3 s without a
                  word.
  accept          Accepts every message. Plain SMTP only: STARTTLS is not offered (aiosmtpd
                  offers it only when given a `tls_context`).
  starttls        Accepts every message; offers STARTTLS with the self-signed certificate below,
                  which no client trusts unless told to.
  implicit_tls    Accepts every message over implicit TLS (TLS from the first byte, as on port
                  465), with the same self-signed certificate.
  not_smtp        Not aiosmtpd: a listener that greets with an SSH banner, the answer an SMTP
                  client gets when pointed at the wrong port.
"""

import argparse
import asyncio
import logging
import os
import ssl
import sys
import tempfile
import threading
import warnings

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword

HOSTNAME = "mx.test.example"
USER = b"alice@example.org"
PASSWORD = b"correct horse"
MAILBOXES = {"alice@example.org", "bob@example.org"}

# A self-signed certificate for localhost and 127.0.0.1 (ECDSA P-256, valid from 2000 to 9999 so
# that it never expires in a test run): the TLS modes use it, and a client that verifies
# certificates rejects it as issued by an unknown authority. The key is for these tests only.
CERTIFICATE = """\
-----BEGIN CERTIFICATE-----
MIIBVjCB/qADAgECAhROebYcC+jCSukfYKdBKVDF1MISTjAKBggqhkjOPQQDAjAU
MRIwEAYDVQQDDAlsb2NhbGhvc3QwIBcNMDAwMTAxMDAwMDAwWhgPOTk5OTEyMzEy
MzU5NTlaMBQxEjAQBgNVBAMMCWxvY2FsaG9zdDBZMBMGByqGSM49AgEGCCqGSM49
AwEHA0IABC+slOZQSl854bVvpzkaT3ZER6Yb8HjlxccCoFbq6Ic4+muWGzCwbXNR
e2UNdZwXSeuo5bzeNsLKV0jZ/rw1b36jLDAqMBoGA1UdEQQTMBGCCWxvY2FsaG9z
dIcEfwAAATAMBgNVHRMBAf8EAjAAMAoGCCqGSM49BAMCA0cAMEQCIBeoTTEmuHY8
y4RKPC2G5zwe+3182tQ6iXzz5jSeLgRaAiAmxOgQsP7CyY6Szh5PtQN0tERgYRsX
6LgA160c1lGk/A==
-----END CERTIFICATE-----
"""
PRIVATE_KEY = """\
-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgK7Ca7UfoDUoOtgmt
uBHtn2rluCQc74pPDdcCPfqklouhRANCAAQvrJTmUEpfOeG1b6c5Gk92REemG/B4
5cXHAqBW6uiHOPprlhswsG1zUXtlDXWcF0nrqOW83jbCyldI2f68NW9+
-----END PRIVATE KEY-----
"""


class Accept:
    """Accepts every message."""

    async def handle_DATA(self, server, session, envelope):
        return "250 2.0.0 Ok: queued"


class Mailboxes(Accept):
    """Looks recipients up and refuses unknown ones as Postfix does."""

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.lower() in MAILBOXES:
            envelope.rcpt_tos.append(address)
            return "250 2.1.5 Ok"
        if address.lower() == "moved@example.org":
            return (
                "550-5.1.1 The email account that you tried to reach does not exist. Please try\r\n"
                "550-5.1.1 double-checking the recipient's email address for typos or\r\n"
                "550 5.1.1 unnecessary spaces."
            )
        return (
            f"550 5.1.1 <{address}>: Recipient address rejected: "
            "User unknown in local recipient table"
        )


class Recipients(Mailboxes):
    """The recipient's mail exchanger: one mailbox is full."""

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.lower() == "full@example.org":
            return f"452 4.2.2 <{address}>: Recipient address rejected: Mailbox full"
        return await super().handle_RCPT(server, session, envelope, address, rcpt_options)


class Submission(Accept):
    """A signed-in user sends only as the address signed in with, as Exchange Online requires."""

    async def handle_MAIL(self, server, session, envelope, address, mail_options):
        login = (session.login_data or b"").decode().lower()
        if login and address.lower() != login:
            return "550 5.7.60 SMTP; Client does not have permissions to send as this sender"
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        return "250 2.1.0 Ok"


class BadChallenge(Accept):
    """AUTH LOGIN with a challenge that is not base64."""

    async def auth_LOGIN(self, server, args):
        await server.challenge_auth("!!not*base64!!", encode_to_b64=False)
        return AuthResult(success=False, handled=False)


class OddChallenge(Accept):
    """AUTH LOGIN with a challenge that asks for neither a user name nor a password."""

    async def auth_LOGIN(self, server, args):
        await server.challenge_auth("Favourite colour:")
        return AuthResult(success=False, handled=False)


class Greylist(Accept):
    """Defers the first attempt of each (sender, recipient) pair."""

    def __init__(self):
        self.seen = set()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        key = (envelope.mail_from, address)
        if key not in self.seen:
            self.seen.add(key)
            return (
                f"451 4.7.1 <{address}>: Recipient address rejected: "
                "Greylisted, please try again later"
            )
        envelope.rcpt_tos.append(address)
        return "250 2.1.5 Ok"


def authenticator(server, session, envelope, mechanism, auth_data):
    if isinstance(auth_data, LoginPassword) and auth_data.login == b"locked@example.org":
        return AuthResult(
            success=False,
            handled=False,
            message="454 4.7.0 Too many login attempts, please try again later.",
        )
    ok = isinstance(auth_data, LoginPassword) and (auth_data.login, auth_data.password) == (
        USER,
        PASSWORD,
    )
    # handled=False: aiosmtpd answers a failure with its own 535 5.7.8.
    return AuthResult(success=ok, handled=False, auth_data=auth_data if ok else None)


def tls_context():
    """A server TLS context with the self-signed certificate."""
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    with tempfile.TemporaryDirectory() as folder:
        certfile = os.path.join(folder, "cert.pem")
        keyfile = os.path.join(folder, "key.pem")
        with open(certfile, "w") as out:
            out.write(CERTIFICATE)
        with open(keyfile, "w") as out:
            out.write(PRIVATE_KEY)
        context.load_cert_chain(certfile, keyfile)
    return context


def smtp_options(mode):
    """The handler and the aiosmtpd options of a mode."""
    if mode == "submission":
        return Submission(), dict(
            auth_required=True, auth_require_tls=False, authenticator=authenticator
        )
    if mode == "auth_tls_only":
        return Accept(), dict(authenticator=authenticator)
    if mode == "mailbox":
        return Mailboxes(), {}
    if mode == "mx":
        return Recipients(), {}
    if mode in ("bad_challenge", "odd_challenge"):
        handler = BadChallenge() if mode == "bad_challenge" else OddChallenge()
        return handler, dict(
            auth_require_tls=False,
            authenticator=authenticator,
            auth_exclude_mechanism=["PLAIN"],
        )
    if mode == "size_limit":
        return Accept(), dict(data_size_limit=1024)
    if mode == "greylist":
        return Greylist(), {}
    if mode == "mail_limit":
        return Accept(), dict(command_call_limit={"MAIL": 0})
    if mode == "no_smtputf8":
        return Accept(), dict(enable_SMTPUTF8=False)
    if mode == "proxy_wait":
        return Accept(), dict(proxy_protocol_timeout=30)
    if mode == "proxy_drop":
        return Accept(), dict(proxy_protocol_timeout=0.3)
    if mode in ("accept", "implicit_tls"):
        return Accept(), {}
    if mode == "starttls":
        return Accept(), dict(tls_context=tls_context())
    raise SystemExit(f"unknown mode {mode!r}")


async def not_smtp(reader, writer):
    writer.write(b"SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3\r\n")
    await writer.drain()
    await reader.read()
    writer.close()


async def serve(mode, port):
    loop = asyncio.get_running_loop()
    if mode == "not_smtp":
        server = await asyncio.start_server(not_smtp, "127.0.0.1", port)
    else:
        handler, options = smtp_options(mode)
        # Implicit TLS: the listening socket itself speaks TLS, aiosmtpd runs inside it.
        wrap = tls_context() if mode == "implicit_tls" else None
        server = await loop.create_server(
            lambda: SMTP(handler, hostname=HOSTNAME, **options), "127.0.0.1", port, ssl=wrap
        )
    bound = server.sockets[0].getsockname()[1]
    print(f"LISTENING {bound}", flush=True)
    async with server:
        await server.serve_forever()


def exit_when_stdin_closes():
    sys.stdin.buffer.read()
    os._exit(0)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mode", required=True)
    parser.add_argument("--port", type=int, default=0)
    args = parser.parse_args()
    # aiosmtpd warns that AUTH without TLS is insecure: on 127.0.0.1 that is the point.
    warnings.simplefilter("ignore")
    logging.disable(logging.CRITICAL)
    threading.Thread(target=exit_when_stdin_closes, daemon=True).start()
    try:
        asyncio.run(serve(args.mode, args.port))
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
