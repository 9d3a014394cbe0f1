"""`make bench`: run every benchmark, print ratios, write bench/results.json."""

from __future__ import annotations

import sys

from bench import foundation
from bench.common import RESULTS, write_results


def main(argv: list[str]) -> int:
    suites = {"foundation": foundation.run}
    chosen = argv or list(suites)
    figures = []
    for name in chosen:
        print(f"== {name}", flush=True)
        got = suites[name]()
        for f in got:
            print(f.line(), flush=True)
        figures += got
    write_results(figures)
    print(f"wrote {RESULTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
