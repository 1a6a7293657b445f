"""What one build knows and hands from concern to concern, typed; it replaces config.extra keys and module globals."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from portal_mkdocs.config import PortalConfig

if TYPE_CHECKING:
    from portal.content.documents import Collection

PLUGIN = "portal"  # the plugin's name in mkdocs.yml and in the entry point


@dataclass
class BuildState:
    """State of the portal plugin; the plugin instance, and so this state, lives across the rebuilds of one serve."""

    command: str = "build"
    dirty: bool = False
    settings: PortalConfig | None = None  # the plugin's own options from mkdocs.yml
    pdf: bool = True                      # the PDFs are built (the completeness check looks for them only then)
    collection: Collection | None = None  # the validated content, set by on_config before anything else runs
    downloads_html: str = ""              # the downloads page's list of PDFs (a placeholder until they exist)
    open_data_html: str = ""              # the downloads page's open-data section
    dates: dict[str, tuple[datetime, datetime]] = field(default_factory=dict)  # content path -> (first published, last changed), git
    today: date = field(default_factory=date.today)  # the edition's date (portal.release: SOURCE_DATE_EPOCH if set)
    rendered: dict[str, str] = field(default_factory=dict)  # serve --dirty: page -> digest of its last render
    shown_reprs: dict[int, tuple[object, str]] = field(default_factory=dict)  # serve --dirty: id of a model shown -> (it, its repr)
    manual_job: Any = None                # the PDFs being typeset in the background (manual.py)
    offline_job: Any = None               # the offline zip being written in a worker process (offline.py)

    @property
    def serving(self) -> bool:
        """`mkdocs serve`: indexes follow in the background and --dirty keeps old pages."""
        return self.command == "serve"

    @property
    def dirty_serving(self) -> bool:
        return self.command == "serve" and self.dirty


def build_state(config: MkDocsConfig) -> BuildState:
    """The state of the portal plugin of this build."""
    plugin = config.plugins.get(PLUGIN)
    state = getattr(plugin, "state", None)
    if not isinstance(state, BuildState):
        raise PluginError(f"V mkdocs.yml chybí plugin '{PLUGIN}' (plugins: - {PLUGIN}).")
    return state


def site_address(config: MkDocsConfig) -> str:
    """The public address of the site, ending with '/'."""
    return (config.site_url or "/").rstrip("/") + "/"


def collection_of(config: MkDocsConfig) -> Collection:
    """The validated collection that on_config stored for the other concerns."""
    collection = build_state(config).collection
    if collection is None:
        raise PluginError("Obsah ještě nebyl načten (plugin 'portal' musí běžet před ostatními).")
    return collection
