"""Child process for the crash test: saves answers forever, acknowledging each after COMMIT.

Reads the raw database key (hex) from stdin, so the key never appears in argv or the
environment. Prints ``ack <n>`` only once save_answer has returned (the commit is durable).
"""

from __future__ import annotations

import sys
from pathlib import Path

from crdesk.storage import responses_repo
from crdesk.storage.connection import open_database


def main() -> None:
    path, response_id, start = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    key = bytes.fromhex(sys.stdin.readline().strip())
    db = open_database(path, key)
    n = start
    while True:
        responses_repo.save_answer(db, response_id, f"q{n}", {"value": n, "pad": "x" * 200},
                                   "crash-test")
        print(f"ack {n}", flush=True)
        n += 1


if __name__ == "__main__":
    main()
