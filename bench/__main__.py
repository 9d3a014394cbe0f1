"""`make bench`: run every benchmark, print ratios, write bench/results.json.

    python -m bench [SUITE ...]     suites: foundation kiosk staff export dashboard scale

Each suite is a module in bench/ with ``run() -> list[Figure]``.
"""

from __future__ import annotations

import importlib
import sys

from bench.common import RESULTS, write_results

SUITES = ("foundation", "kiosk", "staff", "export", "dashboard", "scale")


def main(argv: list[str]) -> int:
    chosen = argv or list(SUITES)
    unknown = [s for s in chosen if s not in SUITES]
    if unknown:
        print(f"unknown suite(s): {', '.join(unknown)}; choose from {', '.join(SUITES)}")
        return 2
    figures = []
    for name in chosen:
        print(f"== {name}", flush=True)
        got = importlib.import_module(f"bench.{name}").run()
        for f in got:
            print(f.line(), flush=True)
        figures += got
    write_results(figures)
    print(f"wrote {RESULTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
