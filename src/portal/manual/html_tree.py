"""Sanitised print HTML (markup.py's output) as a small tree of nodes, for typst_markup.py to convert."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import ClassVar


@dataclass
class Node:
    """An element: its tag, attributes and children (elements and text)."""

    tag: str
    attrs: dict[str, str]
    children: list[Node | str] = field(default_factory=list)


class _Tree(HTMLParser):
    """The sanitised HTML as a small tree (the sanitiser guarantees well-formed, known tags)."""

    VOID: ClassVar[set[str]] = {"br", "hr", "img", "col"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("root", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(node)
        if tag not in self.VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack[-1].children.append(Node(tag, {k: v or "" for k, v in attrs}))

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def parse(html: str) -> Node:
    tree = _Tree()
    tree.feed(html)
    tree.close()
    return tree.root


def ids_in(node: Node) -> set[str]:
    """Every id defined in a tree."""
    found: set[str] = set()
    stack: list[Node | str] = [node]
    while stack:
        n = stack.pop()
        if isinstance(n, Node):
            if n.attrs.get("id"):
                found.add(n.attrs["id"])
            stack.extend(n.children)
    return found


def plain(node: Node) -> str:
    """All text inside an element, as it is (code keeps its white space)."""
    out: list[str] = []
    stack: list[Node | str] = [node]
    while stack:
        n = stack.pop()
        if isinstance(n, str):
            out.append(n)
        else:
            stack.extend(reversed(n.children))
    return "".join(out)
