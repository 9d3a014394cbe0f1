"""Password -> key-encryption key, with Argon2id.

The parameters are stored with each key slot, so they can be raised later without breaking
old slots. The defaults take about 0.3-0.6 s on a 2-core laptop (see bench ``unlock``).
"""

from __future__ import annotations

import secrets
from dataclasses import asdict, dataclass

from argon2.low_level import Type, hash_secret_raw

KDF_NAME = "argon2id"

# Settings a slot may carry. Below them is too weak to be crdesk's (TEST_COST is the floor,
# for test fixtures); above them one sign-in would take minutes or all the laptop's memory.
# A value outside is a damaged or tampered file, refused before Argon2 runs.
TIME_COST_RANGE = (1, 20)
MEMORY_KIB_RANGE = (8 * 1024, 4 * 1024 * 1024)
PARALLELISM_RANGE = (1, 16)
SALT_BYTES_RANGE = (16, 64)


def _in_range(name: str, value: int, bounds: tuple[int, int]) -> int:
    low, high = bounds
    if not low <= value <= high:
        raise ValueError(f"{name} {value} is outside {low}..{high}")
    return value


@dataclass(frozen=True)
class KdfParams:
    time_cost: int
    memory_kib: int
    parallelism: int
    salt: bytes

    def to_json(self) -> dict[str, object]:
        d = asdict(self)
        d["salt"] = self.salt.hex()
        d["alg"] = KDF_NAME
        return d

    @classmethod
    def from_json(cls, d: dict[str, object]) -> KdfParams:
        if d.get("alg") != KDF_NAME:
            raise ValueError(f"unknown KDF {d.get('alg')!r}")
        numbers = {}
        for name in ("time_cost", "memory_kib", "parallelism"):
            value = d[name]
            if not isinstance(value, int) or isinstance(value, bool):
                raise ValueError(f"{name} is not a whole number")
            numbers[name] = value
        salt = bytes.fromhex(str(d["salt"]))
        _in_range("salt length", len(salt), SALT_BYTES_RANGE)
        return cls(
            time_cost=_in_range("time_cost", numbers["time_cost"], TIME_COST_RANGE),
            memory_kib=_in_range("memory_kib", numbers["memory_kib"], MEMORY_KIB_RANGE),
            parallelism=_in_range("parallelism", numbers["parallelism"], PARALLELISM_RANGE),
            salt=salt,
        )


@dataclass(frozen=True)
class KdfCost:
    """How hard a new slot's KDF is; production uses DEFAULT_COST."""

    time_cost: int
    memory_kib: int
    parallelism: int

    def new_params(self) -> KdfParams:
        return KdfParams(self.time_cost, self.memory_kib, self.parallelism, secrets.token_bytes(16))


DEFAULT_COST = KdfCost(time_cost=3, memory_kib=192 * 1024, parallelism=2)
# Only for building test fixtures quickly; a slot records the cost it was made with.
TEST_COST = KdfCost(time_cost=1, memory_kib=8 * 1024, parallelism=1)


def derive_key(password: str, params: KdfParams) -> bytes:
    return hash_secret_raw(
        password.encode("utf-8"),
        params.salt,
        time_cost=params.time_cost,
        memory_cost=params.memory_kib,
        parallelism=params.parallelism,
        hash_len=32,
        type=Type.ID,
    )
