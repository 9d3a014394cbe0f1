"""Rules a schema cannot express: ids, references, expression types, order, texts and scores.

Expressions may only look *back*: a question's show_if, required rule, bounds or calculation can
use questions before it in the form (and context values), because the engine decides
visibility in one pass in document order. Looking forward would hide a question on the first
pass through the form; two questions looking at each other is a cycle. Both are load errors.
"""

from __future__ import annotations

import datetime as dt
from collections import deque
from collections.abc import Callable, Iterator
from typing import ClassVar

from crdesk.core.forms import expression_types as T
from crdesk.core.forms.expression_eval import Evaluator, is_constant
from crdesk.core.forms.expressions import ExpressionSyntaxError, Node, parse, references
from crdesk.core.forms.model import Form, Item, Score, ScoreKind
from crdesk.core.forms.problems import ProblemSink
from crdesk.core.forms.spec import Path
from crdesk.core.forms.text_usage import check_texts
from crdesk.core.forms.textpacks import BASE_LOCALE, TextCatalog

_CONTEXT_TYPES = {"number": T.NUMBER, "string": T.STRING, "date": T.DATE, "bool": T.BOOL}


class _Checks:
    def __init__(self, form: Form, sink: ProblemSink, catalog: TextCatalog | None) -> None:
        self.form = form
        self.sink = sink
        self.catalog = catalog
        self.paths: dict[str, Path] = {}
        self.order: dict[str, int] = {}
        self.names: dict[str, T.NameInfo] = {
            name: T.NameInfo(
                _CONTEXT_TYPES[ctx.type], frozenset(ctx.values) if ctx.values else None, False
            )
            for name, ctx in form.context.items()
        }
        self.graph: dict[str, set[str]] = {}
        self.parsed: dict[Path, Node] = {}

    def add(self, path: Path, reason: str, fix: str) -> None:
        self.sink.add(path, reason, fix)

    def run(self) -> None:
        self._ids()
        self._items()
        self._expressions()
        self._scores()
        self._history()
        if self.catalog is not None:
            check_texts(self.form, self.sink, self.catalog)

    # -- ids --------------------------------------------------------------------------------
    def _ids(self) -> None:
        form = self.form
        if BASE_LOCALE not in form.locales:
            self.add(("locales",), f"{BASE_LOCALE} is missing from locales", f"add {BASE_LOCALE}")
        pages: set[str] = set()
        sections = {s.id for s in form.sections}
        for p, page in enumerate(form.pages):
            if page.id in pages:
                self.add(
                    ("pages", p, "id"),
                    f"page id {page.id!r} is used twice",
                    "give each page its own id",
                )
            pages.add(page.id)
            if page.section is not None and page.section not in sections:
                self.add(
                    ("pages", p, "section"),
                    f"unknown section {page.section!r}",
                    "declare it under sections",
                )
            for i, item in enumerate(page.items):
                path = ("pages", p, "items", i)
                if item.id in self.paths:
                    self.add(
                        (*path, "id"),
                        f"question id {item.id!r} is used twice",
                        "give each question its own id",
                    )
                    continue
                if item.id in form.context:
                    self.add(
                        (*path, "id"), f"{item.id!r} is also a context name", "rename the question"
                    )
                self.paths[item.id] = path
                self.order[item.id] = len(self.order)
        score_ids = [s.id for s in form.scores]
        for s, sid in enumerate(score_ids):
            if score_ids.index(sid) != s:
                self.add(
                    ("scores", s, "id"),
                    f"score id {sid!r} is used twice",
                    "give each score its own id",
                )

    # -- per-item structure -----------------------------------------------------------------
    def _items(self) -> None:
        for item in self.form.items:
            path = self.paths.get(item.id)
            if path is None:
                continue
            item.handler.check(item, path, self.add)
            info = item.handler.name_info(item)
            if info is not None:
                self.names[item.id] = info

    # -- expressions ------------------------------------------------------------------------
    def _parse(
        self, path: Path, source: str, want: str | None, names: dict[str, T.NameInfo]
    ) -> Node | None:
        try:
            node = parse(source)
        except ExpressionSyntaxError as exc:
            self.add(path, f"{exc.message} at column {exc.pos + 1} of {source!r}", exc.fix)
            return None
        found, problems = T.infer(node, names)
        for problem in problems:
            self.add(
                path, f"{problem.message} (column {problem.pos + 1} of {source!r})", problem.fix
            )
        if found is not None and want is not None and found != want:
            self.add(
                path,
                f"this should give {want} but gives {found}",
                f"write an expression that gives {want}",
            )
            return None
        if problems:
            return None
        self.parsed[path] = node
        return node

    def _expressions_of(
        self, item: Item, path: Path
    ) -> Iterator[tuple[Path, str, str | None, bool]]:
        """(path, source, wanted type, may refer to itself) for each expression on an item."""
        if item.show_if:
            yield (*path, "show_if"), item.show_if, T.BOOL, False
        if isinstance(item.required, str):
            yield (*path, "required"), item.required, T.BOOL, False
        for c, constraint in enumerate(item.constraints):
            yield (*path, "constraints", c, "expr"), constraint.expr, T.BOOL, True
        for key, source, want in item.handler.expressions(item):
            yield (*path, key), source, want, False

    def _expressions(self) -> None:
        all_names = dict(self.names)
        # (owner, expression path, node, may refer to itself, refs must come before this id)
        uses: list[tuple[str, Path, Node, bool, str]] = []
        for item in self.form.items:
            path = self.paths.get(item.id)
            if path is None:
                continue
            for epath, source, want, self_ok in self._expressions_of(item, path):
                node = self._parse(epath, source, want, all_names)
                if node is None:
                    continue
                uses.append((item.id, epath, node, self_ok, item.id))
                if epath[-1] == "show_if" and is_constant(node) and _constant(node) is not True:
                    self.add(
                        epath,
                        "this question can never be shown (the condition is always false)",
                        "fix the condition or remove the question",
                    )
                if item.handler.computed and epath[-1] == "expr":
                    found, _ = T.infer(node, all_names)
                    if found is not None:
                        all_names[item.id] = self.names[item.id] = T.NameInfo(found)
        for p, page in enumerate(self.form.pages):
            if not page.show_if or not page.items:
                continue
            epath = ("pages", p, "show_if")
            node = self._parse(epath, page.show_if, T.BOOL, all_names)
            if node is None:
                continue
            first = page.items[0].id
            for item in page.items:
                uses.append((item.id, epath, node, False, first))
            if is_constant(node) and _constant(node) is not True:
                self.add(
                    epath,
                    "this page can never be reached (the condition is always false)",
                    "fix the condition or remove the page",
                )
        # The whole dependency graph first, so a cycle is reported as a cycle.
        for owner, _epath, node, _self_ok, _before in uses:
            self.graph.setdefault(owner, set()).update(
                r for r in references(node) if r in self.order
            )
        reported: set[tuple[Path, str]] = set()
        for owner, epath, node, self_ok, before in uses:
            self._order(owner, epath, node, self_ok, before, reported)

    def _order(
        self,
        owner: str,
        epath: Path,
        node: Node,
        self_ok: bool,
        before: str,
        reported: set[tuple[Path, str]],
    ) -> None:
        """Report references to the same or later questions (once per expression and name)."""
        limit = self.order[before]
        for ref in sorted(references(node)):
            if ref not in self.order or (ref == owner and self_ok) or self.order[ref] < limit:
                continue
            if (epath, ref) in reported:
                continue
            reported.add((epath, ref))
            cycle = self._path(ref, owner)
            if cycle is not None and ref != owner:
                chain = " -> ".join([owner, *cycle])
                self.add(
                    epath,
                    f"circular reference: {chain}",
                    "make one of them depend only on earlier answers",
                )
            elif ref == owner:
                self.add(
                    epath, f"{ref!r} refers to itself here", "base the condition on earlier answers"
                )
            else:
                self.add(
                    epath,
                    f"{ref!r} is asked later, so this would be decided before it is answered",
                    f"move {ref!r} before {owner!r}, or base the condition on earlier answers",
                )

    def _path(self, start: str, goal: str) -> list[str] | None:
        queue: deque[list[str]] = deque([[start]])
        seen = {start}
        while queue:
            trail = queue.popleft()
            if trail[-1] == goal:
                return trail
            for nxt in sorted(self.graph.get(trail[-1], ())):
                if nxt not in seen:
                    seen.add(nxt)
                    queue.append([*trail, nxt])
        return None

    # -- scores -----------------------------------------------------------------------------
    def _scores(self) -> None:
        for s, score in enumerate(self.form.scores):
            spath = ("scores", s)
            self._SCORE_CHECKS[score.type](self, score, spath)
            for f, flag in enumerate(score.flags):
                self._parse((*spath, "flags", f, "when"), flag.when, T.BOOL, self.names)
            mins = [band.min for band in score.bands]
            if mins != sorted(set(mins)):
                self.add(
                    (*spath, "bands"),
                    "band minimums must go up",
                    "list bands from the lowest score up",
                )

    def _score_item(self, score: Score, spath: Path) -> None:
        target = self.form.item_by_id.get(score.item or "")
        if target is None or target.handler.numeric_range(target) is None:
            self.add(
                (*spath, "item"),
                f"{score.item!r} is not a question with number values",
                "name a question whose options are numbers",
            )

    def _score_expression(self, score: Score, spath: Path) -> None:
        if score.expr:
            self._parse((*spath, "expr"), score.expr, T.NUMBER, self.names)
        else:
            self.add(spath, "an expression score needs expr", "add expr: ...")

    def _score_sum(self, score: Score, spath: Path) -> None:
        ids, reverse, max_missing = score.items, score.reverse, score.missing.max_missing
        items = self.form.item_by_id
        if not ids:
            self.add(spath, "a sum score needs items", "add items: [...]")
        for i, qid in enumerate(ids):
            item = items.get(qid)
            if item is None or item.handler.numeric_range(item) is None:
                self.add(
                    (*spath, "items", i),
                    f"{qid!r} is not a question with number values",
                    "name a question whose options are numbers",
                )
        for r, qid in enumerate(reverse):
            if qid not in ids:
                self.add(
                    (*spath, "reverse", r),
                    f"{qid!r} is reversed but not in items",
                    "add it to items or remove it",
                )
        if ids and max_missing >= len(ids):
            self.add(
                (*spath, "missing", "max_missing"),
                "max_missing allows every item to be missing",
                f"use less than {len(ids)}",
            )

    _SCORE_CHECKS: ClassVar[dict[ScoreKind, Callable[[_Checks, Score, Path], None]]] = {
        ScoreKind.SUM: _score_sum,
        ScoreKind.ITEM: _score_item,
        ScoreKind.EXPRESSION: _score_expression,
    }

    # -- history ----------------------------------------------------------------------------
    def _history(self) -> None:
        current = self.form.item_by_id
        targets = {r.new for r in self.form.history.renamed}
        for r, rename in enumerate(self.form.history.renamed):
            path = ("history", "renamed", r)
            if rename.old in current:
                self.add(
                    (*path, "from"),
                    f"{rename.old!r} is still a question id",
                    "an old id cannot be reused",
                )
            if rename.new not in current and not any(
                x.old == rename.new for x in self.form.history.renamed
            ):
                self.add(
                    (*path, "to"),
                    f"{rename.new!r} is not a question in this version",
                    "name the current id",
                )
            if rename.version > self.form.version:
                self.add(
                    (*path, "version"),
                    "the rename is newer than the form",
                    f"use {self.form.version} or less",
                )
        self._versions()
        for r, retired in enumerate(self.form.history.retired):
            path = ("history", "retired", r)
            if retired.id in current or retired.id in targets:
                self.add(
                    (*path, "id"),
                    f"{retired.id!r} is retired but still used",
                    "remove it from the questions",
                )


    def _versions(self) -> None:
        """A form past version 1 declares every version it has had, in order, so a response
        stored under any of them can say what changed since (docs/forms.md, "Versions")."""
        entries = self.form.history.versions
        if not entries and self.form.version == 1:
            return
        listed = [e.version for e in entries]
        wanted = list(range(1, self.form.version + 1))
        if listed != wanted:
            self.add(
                ("history", "versions"),
                f"lists versions {listed or 'none'}; version {self.form.version} needs "
                f"{wanted}",
                "add one entry per version, oldest first, ending with this one",
            )
        dates = [e.date for e in entries]
        if dates != sorted(dates):
            self.add(("history", "versions"), "dates go backwards", "list versions oldest first")
        for n, e in enumerate(entries):
            if not e.changes.strip():
                self.add(("history", "versions", n, "changes"), "is empty",
                         "say what changed in this version")


def _constant(node: Node) -> object:
    return Evaluator(lambda _name: None, dt.date.today())(node)


def check_form(form: Form, sink: ProblemSink, catalog: TextCatalog | None) -> None:
    """Add every semantic problem in ``form`` to ``sink``."""
    _Checks(form, sink, catalog).run()
