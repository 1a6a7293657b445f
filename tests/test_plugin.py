"""The MkDocs plugin wires every event of every concern module, in order, and keeps its state typed."""

from __future__ import annotations

import inspect

from mkdocs.plugins import CombinedEvent

from portal_mkdocs.plugin import CONCERNS, PortalPlugin
from portal_mkdocs.state import BuildState


def test_every_event_function_of_every_concern_is_wired():
    for module in CONCERNS:
        for name, function in inspect.getmembers(module, inspect.isfunction):
            if not name.startswith("on_") or function.__module__ != module.__name__:
                continue
            assert name != "on_startup", f"{module.__name__}: the serve flags are in BuildState (command, dirty)"
            if name == "on_build_error":  # called by the plugin's own method with the state (MkDocs gives no config)
                assert "on_build_error" in PortalPlugin.__dict__ and hasattr(module, name)
                continue
            event = PortalPlugin.__dict__.get(name)
            assert isinstance(event, CombinedEvent), f"{module.__name__}.{name} is not wired in PortalPlugin"
            wired = [m.__name__ for m in event.methods]
            assert f"{module.__name__}.{name}" in wired


def test_concerns_run_in_the_listed_order_with_their_priorities():
    wired = [m.__name__ for m in PortalPlugin.__dict__["on_page_content"].methods]
    order = [w.split(".")[1] for w in wired]
    assert order == [m.__name__.split(".")[1] for m in CONCERNS if hasattr(m, "on_page_content")]
    priorities = {m.__name__: getattr(m, "mkdocs_priority", 0) for m in PortalPlugin.__dict__["on_page_content"].methods}
    assert priorities["portal_mkdocs.sanitize.on_page_content"] > priorities["portal_mkdocs.pages.on_page_content"]
    assert priorities["portal_mkdocs.typography.on_page_content"] < min(v for k, v in priorities.items() if "typography" not in k)


def test_the_state_lives_on_the_plugin_instance():
    plugin = PortalPlugin()
    plugin.on_startup(command="serve", dirty=True)
    assert isinstance(plugin.state, BuildState) and plugin.state.serving and plugin.state.dirty_serving
