"""`make bench`: run every benchmark, print ratios, write bench/results.json.

    python -m bench [SUITE | SUITE.ENTRY ...]     suites: foundation kiosk staff export dashboard
                                                  scale

Each suite is a module in bench/ with ``run() -> list[Figure]``. A suite may also name its
entries (``ENTRIES``, each ``() -> list[Figure]``), so that ``python -m bench
foundation.answer_save export.export_10k`` runs just those (a loaded machine shared with
others need not run the whole suite to re-measure one figure).
"""

from __future__ import annotations

import importlib
import sys

from bench.common import RESULTS, write_results

SUITES = ("foundation", "kiosk", "staff", "export", "dashboard", "scale")


def main(argv: list[str]) -> int:
    chosen = argv or list(SUITES)
    unknown = [s for s in chosen if s.partition(".")[0] not in SUITES]
    if unknown:
        print(f"unknown suite(s): {', '.join(unknown)}; choose from {', '.join(SUITES)}")
        return 2
    figures = []
    for name in chosen:
        print(f"== {name}", flush=True)
        suite, _, entry = name.partition(".")
        module = importlib.import_module(f"bench.{suite}")
        if entry:
            entries = getattr(module, "ENTRIES", {})
            if entry not in entries:
                print(f"{suite} has no entry {entry!r}; it has: {', '.join(entries) or 'none'}")
                return 2
            got = entries[entry]()
        else:
            got = module.run()
        for f in got:
            print(f.line(), flush=True)
        figures += got
    write_results(figures)
    print(f"wrote {RESULTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
