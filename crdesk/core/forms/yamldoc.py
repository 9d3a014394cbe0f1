"""Reading YAML while remembering the line of every value, so problems can name the line.

PyYAML's safe loader is used for scalars (so ``2024-01-31`` is a date and ``yes`` is true, as
every YAML tool reads them), but mappings and lists are built here to record lines and to
reject duplicate keys, which PyYAML would silently resolve by keeping the last one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from crdesk.core.forms.spec import Path


@dataclass
class YamlDoc:
    data: Any
    lines: dict[Path, int] = field(default_factory=dict)
    # (path, line, reason, fix) for problems found while reading
    issues: list[tuple[Path, int, str, str]] = field(default_factory=list)


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


def parse_yaml(text: str) -> YamlDoc:
    """Parse one YAML document; raises YamlSyntaxError with a 1-based line."""
    loader = yaml.SafeLoader(text)
    try:
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
        loader.dispose()
