"""Password -> key-encryption key, with Argon2id.

The parameters are stored with each key slot, so they can be raised later without breaking
old slots. The defaults take about 0.3-0.6 s on a 2-core laptop (see bench ``unlock``).
"""

from __future__ import annotations

import secrets
from dataclasses import asdict, dataclass

from argon2.low_level import Type, hash_secret_raw

KDF_NAME = "argon2id"


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
        return cls(
            time_cost=int(d["time_cost"]),  # type: ignore[call-overload]
            memory_kib=int(d["memory_kib"]),  # type: ignore[call-overload]
            parallelism=int(d["parallelism"]),  # type: ignore[call-overload]
            salt=bytes.fromhex(str(d["salt"])),
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
