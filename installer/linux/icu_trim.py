"""Build a trimmed ICU data library for the Linux bundle (issue 11: bundle <= 120 MB).

PySide6's wheel links Qt against its own ICU, whose data library (libicudata.so.NN, ~31 MB) holds
every locale, collation, transliterator, dictionary and converter ICU knows. Qt uses little of
it: collation (QCollator), case mapping and a few converters; crdesk's screens are en-GB. This
keeps the data for the root and English (en, en_001, en_GB) locales, the root collation, the
break rules (not the dictionaries), the single-byte converters and every non-locale table, and
writes a new libicudata.so.NN with the same soname and data symbol.

    python installer/linux/icu_trim.py SOURCE_LIBICUDATA OUT_DIR

Needs binutils (readelf, as, ld), which PyInstaller's strip step needs anyway. Pure Python
otherwise: the ICU common-data container (header, table of contents, items) is rewritten here,
so icupkg is not needed. Linux/ELF only; Windows and macOS bundles keep ICU as shipped.
"""

from __future__ import annotations

import re
import struct
import subprocess
import sys
import tempfile
from pathlib import Path

ENGLISH = {"root", "en", "en_001", "en_GB"}
# Non-locale tables nothing in crdesk or Qt reads: character names, stringprep profiles,
# spoof-check confusables.
DROP_TABLES = {"unames.icu", "confusables.cfu"}
SMALL_CONVERTER = 16 * 1024
LOCALE_RES = re.compile(r"^[a-z]{2,3}(_[A-Za-z0-9]*)*\.res$")


def keep(name: str, size: int) -> bool:
    """``name`` is an item path inside the package without its prefix, e.g. ``coll/en.res``."""
    if "/" in name:
        folder, leaf = name.split("/", 1)
        if folder == "translit":
            return False
        if folder == "brkitr" and leaf.endswith(".dict"):
            return False
        if folder == "coll" and leaf == "ucadata.icu":
            return True
        if leaf.endswith(".res") and LOCALE_RES.match(leaf):
            return leaf[:-4] in ENGLISH
        return True
    if name in DROP_TABLES or name.endswith(".spp"):
        return False
    if name.endswith(".cnv"):
        return size <= SMALL_CONVERTER
    if LOCALE_RES.match(name) and name not in ("pool.res",):
        return name[:-4] in ENGLISH
    return True


def read_symbol(lib: Path) -> tuple[str, bytes]:
    """The ICU data symbol (icudtNN_dat) and its bytes, located through readelf."""
    syms = subprocess.run(["readelf", "-s", "--wide", str(lib)], capture_output=True,
                          text=True, check=True).stdout
    m = re.search(r"^\s*\d+:\s+([0-9a-f]+)\s+(\S+)\s+OBJECT\s+GLOBAL\s+\S+\s+(\d+)\s+"
                  r"(icudt\d+_dat)\s*$", syms, re.M)
    if not m:
        raise SystemExit(f"{lib}: no icudtNN_dat symbol")
    value, size_text, section, symbol = m.groups()
    size = int(size_text, 0)
    sections = subprocess.run(["readelf", "-S", "--wide", str(lib)], capture_output=True,
                              text=True, check=True).stdout
    s = re.search(rf"\[\s*{section}\]\s+\S+\s+\S+\s+([0-9a-f]+)\s+([0-9a-f]+)", sections)
    if not s:
        raise SystemExit(f"{lib}: section {section} not found")
    addr, offset = int(s.group(1), 16), int(s.group(2), 16)
    start = int(value, 16) - addr + offset
    return symbol, lib.read_bytes()[start:start + size]


def _pad16(b: bytes) -> bytes:
    return b + b"\0" * (-len(b) % 16)


def trim(data: bytes) -> tuple[bytes, list[str], list[str]]:
    """Rewrite an ICU common-data package keeping the items ``keep`` accepts."""
    header_size = struct.unpack_from("<H", data, 0)[0]
    if data[2:4] != b"\xda\x27" or data[header_size - 0:header_size] is None:
        raise SystemExit("not an ICU data package")
    if data[8] != 0 or data[12:16] != b"CmnD":
        raise SystemExit("expected a little-endian ICU common data package (CmnD)")
    toc = header_size
    count = struct.unpack_from("<I", data, toc)[0]
    entries = [struct.unpack_from("<II", data, toc + 4 + 8 * i) for i in range(count)]
    items = []
    for i, (name_off, data_off) in enumerate(entries):
        end_name = data.index(b"\0", toc + name_off)
        name = data[toc + name_off:end_name].decode("ascii")
        end = entries[i + 1][1] if i + 1 < count else len(data) - toc
        items.append((name, data[toc + data_off:toc + end]))
    prefix = items[0][0].split("/", 1)[0] + "/"
    kept = [(n, d) for n, d in items if keep(n[len(prefix):], len(d))]
    # A small converter may only extend a large one (by name): without its base it is useless.
    gone = {n[len(prefix):-4].encode() for n, d in items
            if n.endswith(".cnv") and (n, d) not in kept}
    kept = [(n, d) for n, d in kept
            if not (n.endswith(".cnv") and any(g in d for g in gone))]
    dropped = [n for n, _ in items if n not in {k for k, _ in kept}]
    names = b"".join(n.encode("ascii") + b"\0" for n, _ in kept)
    table_size = 4 + 8 * len(kept)
    body_start = len(_pad16(b"\0" * (table_size + len(names))))
    table = [struct.pack("<I", len(kept))]
    name_pos, data_pos, blobs = table_size, body_start, []
    for n, d in kept:
        table.append(struct.pack("<II", name_pos, data_pos))
        name_pos += len(n) + 1
        blob = _pad16(d)
        blobs.append(blob)
        data_pos += len(blob)
    body = _pad16(b"".join(table) + names) + b"".join(blobs)
    return data[:header_size] + body, [n for n, _ in kept], dropped


def build_library(symbol: str, soname: str, dat: Path, out: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        asm = Path(tmp) / "icudata.s"
        obj = Path(tmp) / "icudata.o"
        asm.write_text(
            f'\t.section .rodata\n\t.globl {symbol}\n\t.type {symbol}, @object\n'
            f'\t.balign 16\n{symbol}:\n\t.incbin "{dat}"\n\t.size {symbol}, . - {symbol}\n'
            '\t.section .note.GNU-stack,"",@progbits\n')
        subprocess.run(["as", "-o", str(obj), str(asm)], check=True)
        subprocess.run(["ld", "-shared", "-soname", soname, "-o", str(out), str(obj)],
                       check=True)


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    source, out_dir = Path(argv[0]), Path(argv[1])
    out_dir.mkdir(parents=True, exist_ok=True)
    symbol, data = read_symbol(source)
    trimmed, kept, dropped = trim(data)
    dat = out_dir / f"{symbol[:-4]}l.dat"
    dat.write_bytes(trimmed)
    out = out_dir / source.name
    build_library(symbol, source.name, dat, out)
    print(f"ICU data: kept {len(kept)} of {len(kept) + len(dropped)} items, "
          f"{len(data) / 2**20:.1f} MB -> {len(trimmed) / 2**20:.1f} MB ({out})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
