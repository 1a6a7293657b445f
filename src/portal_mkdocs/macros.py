"""mkdocs-macros module: the macros our own pages in docs/ may call (contributed files are never rendered)."""

from __future__ import annotations

from mkdocs.utils import get_relative_url

from portal.content.documents import Collection
from portal.editors.fieldref import field_reference as _field_reference
from portal.web import home
from portal.web.catalogue import catalogue as _catalogue
from portal.web.catalogue import method_list
from portal.web.facts import email_html
from portal.web.region_map import region_map, region_table
from portal.web.statistics_page import statistics_html
from portal.web.video_pages import running_time, video_library
from portal_mkdocs.state import build_state, collection_of


def on_pre_page_macros(env) -> None:
    """Contributed pages are never templates: 'render_macros: false' has the last word in mkdocs-macros."""
    collection = build_state(env.conf).collection
    if collection is not None and collection.by_page(env.page.file.src_uri) is not None:
        env.page.meta["render_macros"] = False


def define_env(env) -> None:
    """Register the macros; the validated collection and the downloads come from the portal plugin's state."""

    def collection() -> Collection:
        return collection_of(env.conf)

    def link(url: str) -> str:
        return get_relative_url(url, env.page.url)

    @env.macro
    def field_reference() -> str:
        """Table of all fields of a case and a method, from the schema."""
        return _field_reference(collection().vocab)

    @env.macro
    def editors_contact() -> str:
        """The editors' role address from mkdocs.yml (extra.editors_email), shown as the facts panel shows e-mails."""
        return email_html(env.conf["extra"]["editors_email"])

    @env.macro
    def catalogue() -> str:
        """Facet filters and every case as a card."""
        return _catalogue(collection(), link, build_state(env.conf).today)

    @env.macro
    def regions_map() -> str:
        """The map of regions and the same numbers as a table."""
        return region_map(collection(), link) + region_table(collection(), link)

    @env.macro
    def statistics() -> str:
        """Figures computed from the content."""
        return statistics_html(collection(), link)

    @env.macro
    def methods_overview() -> str:
        """Every method with its summary."""
        return method_list(collection(), link)

    @env.macro
    def downloads() -> str:
        """The PDF manuals with size, page count and date (filled in by the PDF hook)."""
        return build_state(env.conf).downloads_html

    @env.macro
    def open_data() -> str:
        """Open-data files with their descriptions (filled in by the data hook)."""
        return build_state(env.conf).open_data_html

    @env.macro
    def home_search() -> str:
        """The home page's search form (a GET form to /hledani/, enhanced by the search script)."""
        return home.search_form(link)

    @env.macro
    def key_numbers() -> str:
        """Cases, municipalities, regions and methods, computed from the content."""
        return home.key_numbers(collection(), link)

    @env.macro
    def newest_cases(count: int = 3) -> str:
        """The cases added last, as catalogue cards."""
        return home.newest_cases(collection(), build_state(env.conf).dates, link, build_state(env.conf).today, count)

    @env.macro
    def suggest_case() -> str:
        """The 'Navrhnout příklad' call, linking to the form for a new case."""
        return home.suggest_case(link)

    @env.macro
    def videos() -> str:
        """The video library (an honest empty state while there is no video)."""
        return video_library(collection(), link)

    @env.macro
    def video_running_time() -> str:
        """The library's total running time against the project's goal of 30 minutes."""
        return running_time(collection(), link)
