"""The content kinds of the portal, in one registry: every consumer reads folders, addresses and labels from here.

A kind says where its files live in the repository, under which address its pages are published, how
the editors and readers call it in Czech, and what a new file of it starts with. Its fields are in the
schema (portal.content.schema.schema_for(kind.name)), its typed model in portal.content.model.
To add a kind: add it here, give it fields in the schema and a class in the model.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from portal.content.schema import Schema
    from portal.content.vocabulary import Vocabulary


@dataclass(frozen=True)
class Kind:
    """A content kind: its folder, address, schema, Czech names and the body of a new file."""

    name: str                  # the kind in code and in the schema: 'case'
    folder: str                # folder of its files in the repository: 'good_practice'
    url_prefix: str            # address of its pages on the site: 'dobra-praxe' (/dobra-praxe/<slug>/)
    title: str                 # Czech name as a heading: 'Příklad dobré praxe'
    plural: str                # Czech plural as a heading: 'Příklady dobré praxe'
    noun: str                  # nominative in running text: 'metodika'
    accusative: str            # accusative in running text: 'metodiku'
    unknown: str               # 'neznámá' metodika / 'neznámý' příklad / 'neznámé' video
    listed: str                # metodika je 'uvedena' / příklad je 'uveden' / video je 'uvedeno'
    description: str           # what a file of the kind is, for the schema and the editors
    scaffold: tuple[str, ...]  # body lines of a new file (`portal new`, the proposal form)
    command: str               # the Czech word for it in `portal new pripad "Název"` (beside the name: `portal new case`)
    in_manual: bool = True     # its documents are chapters of the PDF manual

    def schema(self, vocab: Vocabulary | None = None) -> Schema:
        """The kind's schema, with vocabulary codes filled in when a vocabulary is given."""
        from portal.content.schema import (
            schema_for,  # the schema names the kinds' titles: imported late, no cycle
        )

        return schema_for(self.name, vocab)

    def url(self, slug: str) -> str:
        """Site-relative address of a page of this kind: 'dobra-praxe/komunitni-centrum-vltavotynska/'."""
        return f"{self.url_prefix}/{slug}/"

    def page_src(self, slug: str) -> str:
        """Path of the generated page inside the site's docs: 'dobra-praxe/komunitni-centrum-vltavotynska.md'."""
        return f"{self.url_prefix}/{slug}.md"


CASE = Kind(
    "case", "good_practice", "dobra-praxe", "Příklad dobré praxe", "Příklady dobré praxe",
    "příklad dobré praxe", "příklad dobré praxe", "neznámý", "uveden",
    "Příklad dobré praxe komunitní práce (soubor good_practice/<slug>.md).",
    ("## Výchozí situace", "", "Popište, s čím obec nebo komunita potřebovala pomoci.", "",
     "## Co se dělalo", "", "Jednotlivé kroky, kdo se zapojil a jak.", "",
     "## Výsledky a přínosy", "", "Co se změnilo; opírejte se o fakta a čísla.", "",
     "## Co si odnést pro vlastní praxi", "", "Doporučení pro jiné obce.", ""),
    "pripad",
)
METHOD = Kind(
    "method", "methods", "metodiky", "Metodika", "Metodiky", "metodika", "metodiku", "neznámá", "uvedena",
    "Metodický postup (soubor methods/<slug>.md).",
    ("## K čemu metoda slouží", "", "", "## Kdy ji použít", "", "", "## Postup", "", "1. První krok", "",
     "## Role", "", "", "## Rizika a jak jim předcházet", "", "", "## Příklady z praxe", "", ""),
    "metodika",
)
VIDEO = Kind(
    "video", "videos", "videa", "Video", "Videa", "video", "video", "neznámé", "uvedeno",
    "Video o komunitní práci s českými titulky a přepisem (soubor videos/<slug>.md, text souboru je přepis).",
    ("Sem napište přepis videa: co v něm zazní, a v hranatých závorkách, co je vidět, např. [Záběr na náves v Lipové].", ""),
    "video", in_manual=False,
)

KINDS: dict[str, Kind] = {k.name: k for k in (CASE, METHOD, VIDEO)}
BY_FOLDER: dict[str, Kind] = {k.folder: k for k in KINDS.values()}
BY_URL_PREFIX: dict[str, Kind] = {k.url_prefix: k for k in KINDS.values()}
# What `portal new` accepts: each kind's name, then its Czech word.
BY_COMMAND: dict[str, Kind] = {**KINDS, **{k.command: k for k in KINDS.values()}}


def folders() -> dict[str, str]:
    """Folder -> kind name ('methods' -> 'method'), as the link rules name what a broken link meant."""
    return {k.folder: k.name for k in KINDS.values()}
