"""``python -m crdesk.core.forms schema > forms/form.schema.json`` regenerates the JSON Schema."""

from __future__ import annotations

import sys

from crdesk.core.forms.schema import json_schema_text


def main(argv: list[str]) -> int:
    if argv != ["schema"]:
        sys.stderr.write("usage: python -m crdesk.core.forms schema > forms/form.schema.json\n")
        return 2
    sys.stdout.write(json_schema_text())
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
