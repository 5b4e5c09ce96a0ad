"""An SMTP server for the mail tests: accepts every message on 127.0.0.1:PORT and writes each
to DIR as NNNN.json (envelope, decoded subject and body, headers, and the raw text), written to
a temporary name and renamed, so a reader never sees half a file.

    python3 tests/support/smtp_sink.py PORT DIR

Runs until SIGTERM. Needs aiosmtpd (Debian: python3-aiosmtpd; scripts/install-deps.sh).
"""
import email
import email.policy
import itertools
import json
import os
import signal
import sys
import threading

from aiosmtpd.controller import Controller


class WriteToDir:
    def __init__(self, folder):
        self.folder = folder
        self.counter = itertools.count(1)

    async def handle_DATA(self, server, session, envelope):
        raw = envelope.original_content or envelope.content
        message = email.message_from_bytes(raw, policy=email.policy.default)
        record = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": envelope.rcpt_tos,
            "subject": str(message["subject"]),
            "body": message.get_content(),
            "headers": [[k, str(v)] for k, v in message.items()],
            "raw": raw.decode("utf-8", "replace"),
        }
        path = os.path.join(self.folder, "%04d.json" % next(self.counter))
        with open(path + ".tmp", "w", encoding="utf-8") as f:
            json.dump(record, f, ensure_ascii=False)
        os.rename(path + ".tmp", path)
        return "250 Message accepted"


def main():
    port, folder = int(sys.argv[1]), sys.argv[2]
    os.makedirs(folder, exist_ok=True)
    controller = Controller(WriteToDir(folder), hostname="127.0.0.1", port=port)
    controller.start()
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    print("ready", flush=True)
    while not stop.wait(0.2):  # wake up now and then: the handler runs between waits
        pass
    controller.stop()


if __name__ == "__main__":
    main()
