#!/usr/bin/env python3
"""An SMTP server for tests that records what it receives (aiosmtpd, from PyPI).

    python3 scripts/smtp_sink.py DIR [PORT] [CERT.pem KEY.pem]

Listens on 127.0.0.1:PORT (default: a free port) and prints the port on its first line of
output once it accepts connections. Each message's exact bytes (as received after DATA) go to
DIR/NNNN.eml, written to a temporary name and renamed, so a file that exists is complete.

With a certificate and key, the server offers STARTTLS and refuses mail without it.

Two files in DIR steer the answer, for tests of what the client does with it:
  DIR/hold   while it exists, the server keeps the client waiting after recording the message
             (before answering 250): a client killed meanwhile never learns it was accepted.
  DIR/reply  its first line is sent instead of "250 OK" (e.g. "451 4.3.0 try later",
             "550 5.1.1 no such user"); the message is then not recorded.
"""
import asyncio
import os
import ssl
import sys

from aiosmtpd.smtp import SMTP


class Recorder:
    def __init__(self, directory):
        self.directory = directory
        self.count = 0

    async def handle_DATA(self, server, session, envelope):
        reply = os.path.join(self.directory, "reply")
        if os.path.exists(reply):
            with open(reply, encoding="utf-8") as f:
                return f.readline().strip()
        self.count += 1
        name = os.path.join(self.directory, f"{self.count:04d}.eml")
        data = envelope.original_content or envelope.content
        if isinstance(data, str):
            data = data.encode("utf-8")
        with open(name + ".tmp", "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.rename(name + ".tmp", name)
        while os.path.exists(os.path.join(self.directory, "hold")):
            await asyncio.sleep(0.05)
        return "250 OK"


async def main():
    directory = sys.argv[1]
    port = int(sys.argv[2]) if len(sys.argv) > 2 else 0
    os.makedirs(directory, exist_ok=True)
    tls = {}
    if len(sys.argv) > 4:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(sys.argv[3], sys.argv[4])
        tls = {"tls_context": context, "require_starttls": True}
    handler = Recorder(directory)
    loop = asyncio.get_running_loop()
    server = await loop.create_server(
        lambda: SMTP(handler, enable_SMTPUTF8=True, decode_data=False, **tls),
        "127.0.0.1",
        port,
    )
    print(server.sockets[0].getsockname()[1], flush=True)
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    asyncio.run(main())
