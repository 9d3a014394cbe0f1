"""Reading YAML while remembering the line of every value, so problems can name the line.

PyYAML's safe loader is used for scalars (so ``2024-01-31`` is a date and ``yes`` is true, as
every YAML tool reads them), but mappings and lists are built here to record lines and to
reject duplicate keys, which PyYAML would silently resolve by keeping the last one.

Forms and text packs are files a clinic may be sent, so they are read defensively: anchors
and aliases are refused before anything is built (a 513-byte "billion laughs" file of
nested aliases would otherwise expand to gigabytes), and so are files over MAX_BYTES and
nesting deeper than MAX_DEPTH. Nothing a form needs uses any of these.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path as FilePath
from typing import Any

import yaml

from crdesk.core.forms.spec import Path


@dataclass
class YamlDoc:
    data: Any
    lines: dict[Path, int] = field(default_factory=dict)
    # (path, line, reason, fix) for problems found while reading
    issues: list[tuple[Path, int, str, str]] = field(default_factory=list)


MAX_BYTES = 2 * 1024 * 1024  # the largest shipped form is about 30 kB
MAX_DEPTH = 40  # forms nest about 8 deep


class YamlSyntaxError(ValueError):
    def __init__(self, line: int | None, reason: str) -> None:
        super().__init__(reason)
        self.line = line
        self.reason = reason


def _build(loader: yaml.SafeLoader, node: yaml.Node, path: Path, doc: YamlDoc) -> Any:
    doc.lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + 1
            if key_node.tag == "tag:yaml.org,2002:merge":
                doc.issues.append(
                    (path, line, "YAML merge keys (<<) are not supported", "write the keys out")
                )
                continue
            key = loader.construct_object(key_node, deep=True)
            if not isinstance(key, str):
                doc.issues.append(
                    (path, line, f"the key {key!r} is not text", f"quote it: '{key}'")
                )
                key = str(key)
            if key in result:
                doc.issues.append(
                    ((*path, key), line, f"the key {key!r} appears twice", "keep one of them")
                )
            result[key] = _build(loader, value_node, (*path, key), doc)
            doc.lines[(*path, key)] = line
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_build(loader, child, (*path, i), doc) for i, child in enumerate(node.value)]
    return loader.construct_object(node, deep=True)


def _refuse_hostile_structure(text: str) -> None:
    """Scan the event stream (cheap, nothing is built) for anchors, aliases and depth."""
    depth = 0
    for event in yaml.parse(text, Loader=yaml.SafeLoader):
        line = event.start_mark.line + 1 if event.start_mark is not None else None
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise YamlSyntaxError(
                line, "YAML anchors and aliases (& and *) are not allowed here: write the "
                      "value out in full")
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                raise YamlSyntaxError(line, f"nested more than {MAX_DEPTH} levels deep")
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def parse_yaml(text: str) -> YamlDoc:
    """Parse one YAML document; raises YamlSyntaxError with a 1-based line."""
    if len(text) > MAX_BYTES:
        raise YamlSyntaxError(None, f"the file is larger than {MAX_BYTES // (1024 * 1024)} MB")
    loader: yaml.SafeLoader | None = None
    try:
        # Inside the try: the loader refuses control characters as it is made (ReaderError).
        loader = yaml.SafeLoader(text)
        _refuse_hostile_structure(text)
        node = loader.get_single_node()
        if node is None:
            raise YamlSyntaxError(1, "the file is empty")
        doc = YamlDoc(None)
        doc.data = _build(loader, node, (), doc)
        return doc
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        raise YamlSyntaxError(line, f"YAML syntax: {exc.problem or exc.context}") from exc
    except yaml.YAMLError as exc:
        raise YamlSyntaxError(None, f"YAML syntax: {exc}") from exc
    finally:
        if loader is not None:
            loader.dispose()


def read_yaml_file(path: FilePath | str) -> str:
    """The text of a YAML file, refusing one too large to be a form or pack before reading."""
    size = os.path.getsize(path)
    if size > MAX_BYTES:
        raise YamlSyntaxError(None, f"the file is larger than {MAX_BYTES // (1024 * 1024)} MB")
    with open(path, "rb") as fh:
        return fh.read(MAX_BYTES + 1).decode("utf-8")
