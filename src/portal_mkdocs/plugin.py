"""The portal's MkDocs plugin: typed settings, one typed build state, and each concern's events in a fixed order.

Each concern module (content, sanitize, pages, …) is a thin adapter over the `portal` package with
plain `on_*` functions; this class only wires them into MkDocs, in the order listed in CONCERNS and with
each function's own `event_priority`. Concerns reach the state through `state.build_state(config)`.
"""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType
from typing import Any, Literal

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, CombinedEvent

from portal_mkdocs import (
    assets,
    catalogue,
    completeness,
    content,
    data,
    editors,
    manual,
    offline,
    pages,
    preview,
    regions,
    sanitize,
    search,
    typography,
)
from portal_mkdocs.config import PortalConfig, pdf_from_environment
from portal_mkdocs.state import BuildState

# The order in which concerns run when their events have the same priority.
CONCERNS: tuple[ModuleType, ...] = (
    content,       # load + validate all content before anything is built, add case, method and video pages
    sanitize,      # contributed HTML sanitised (nh3)
    pages,         # facts panel, similar cases, a method's cases
    regions,       # a page per region
    catalogue,     # catalogue list pages, compact index and card chunks
    typography,    # Czech no-break spaces in every page's content (runs last on page content)
    data,          # open data and the Atom feed
    manual,        # PDF manual, regional editions and case prints
    offline,       # offline edition: the built site as a zip, written in a worker while the index is built
    search,        # the search index of the built site
    editors,       # proposal form, CMS at /admin/, last-updated and edit links
    assets,        # the portal's stylesheets as one file; page scripts only where they have work
    completeness,  # last: every case and method is in the site, index, data and PDF
    preview,       # make serve (--dirty): only pages whose source changed are rendered again
)


def _adapter(function: Callable[..., Any]) -> Callable[..., Any]:
    """A plugin method that calls a concern's function, keeping its priority."""

    def event(self: PortalPlugin, *args: Any, **kwargs: Any) -> Any:
        return function(*args, **kwargs)

    event.mkdocs_priority = getattr(function, "mkdocs_priority", 0)  # type: ignore[attr-defined]
    event.__name__ = event.__qualname__ = f"{function.__module__}.{function.__name__}"
    return event


def _combined(name: str) -> CombinedEvent[Any, Any]:
    return CombinedEvent(*(_adapter(getattr(module, name)) for module in CONCERNS if hasattr(module, name)))


class PortalPlugin(BasePlugin[PortalConfig]):
    """Builds the portal from the validated content (see the modules listed in CONCERNS)."""

    def __init__(self) -> None:
        self.state = BuildState()

    # on_startup makes MkDocs keep this instance, and so the state, across the rebuilds of `mkdocs serve`.
    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        self.state.command, self.state.dirty = command, dirty

    def _on_config_settings(self, config: MkDocsConfig) -> MkDocsConfig:
        self.state.settings = self.config
        self.state.pdf = self.config.pdf if self.config.pdf is not None else pdf_from_environment()
        return config

    _on_config_settings.mkdocs_priority = 200  # type: ignore[attr-defined]  # before content is loaded

    on_config = CombinedEvent(_on_config_settings, *_combined("on_config").methods)
    on_files = _combined("on_files")
    on_env = _combined("on_env")
    on_page_markdown = _combined("on_page_markdown")
    on_page_content = _combined("on_page_content")
    on_post_page = _combined("on_post_page")
    on_post_build = CombinedEvent(*_combined("on_post_build").methods, _adapter(offline.finish_offline_edition))
    on_serve = _combined("on_serve")

    def on_build_error(self, *, error: Exception) -> None:
        """MkDocs passes no config to this event: the concern that runs work in the background gets the state itself."""
        offline.on_build_error(self.state)
        manual.on_build_error(error, self.state)
