"""Shared bench plumbing: timing helpers and the results file."""

from __future__ import annotations

import json
import statistics
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

RESULTS = Path(__file__).with_name("results.json")


@dataclass(frozen=True)
class Figure:
    name: str
    value: float
    unit: str
    baseline: str
    baseline_value: float
    goal: str = ""

    @property
    def ratio(self) -> float:
        return self.value / self.baseline_value if self.baseline_value else float("inf")

    def to_json(self) -> dict[str, object]:
        d = asdict(self)
        d["value"] = round(self.value, 3)
        d["baseline_value"] = round(self.baseline_value, 3)
        d["ratio"] = round(self.ratio, 2)
        return d

    def line(self) -> str:
        goal = f"  (goal {self.goal})" if self.goal else ""
        return (f"{self.name:<22} {self.value:10.2f} {self.unit:<3} vs {self.baseline} "
                f"{self.baseline_value:.2f} {self.unit} -> {self.ratio:.2f}x{goal}")


def median_ms(fn: Callable[[], object], repeat: int) -> float:
    samples = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - t0) * 1000)
    return statistics.median(samples)


def interleaved_ms(a: Callable[[], object], b: Callable[[], object],
                   repeat: int) -> tuple[float, float]:
    """Median of each, alternating a and b so machine noise hits both alike."""
    sa, sb = [], []
    for _ in range(repeat):
        t0 = time.perf_counter()
        a()
        sa.append((time.perf_counter() - t0) * 1000)
        t0 = time.perf_counter()
        b()
        sb.append((time.perf_counter() - t0) * 1000)
    return statistics.median(sa), statistics.median(sb)


def write_results(figures: list[Figure], path: Path = RESULTS) -> None:
    existing: list[dict[str, object]] = []
    if path.exists():
        try:
            existing = json.loads(path.read_text())
        except ValueError:
            existing = []
    names = {f.name for f in figures}
    merged = [e for e in existing if e.get("name") not in names] + [f.to_json() for f in figures]
    path.write_text(json.dumps(merged, indent=1) + "\n")
