"""Rules for link and image targets: a safe scheme, nothing loaded from another host, existing files inside the repository."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import PurePosixPath

from portal.content.problems import BODY, Problem
from portal.content.rules.link_lines import Link
from portal.content.rules.markdown import read
from portal.content.weburl import WEB_SCHEMES, judge

__all__ = ["Link", "link_problems", "links", "outside_image", "target_problems"]


def links(body: str, first_line: int) -> Iterator[Link]:
    """Every Markdown link, image, reference and autolink as the renderer sees them, at the line where its target stands."""
    for link in read(body).links:
        yield Link(first_line + link.line, link.target, link.image)


def link_problems(path: str, body: str, first_line: int, repo_files: set[str], content_folders: dict[str, str]) -> Iterator[Problem]:
    """Links are http(s) or relative; relative ones stay inside the repository and point at files that exist.

    `content_folders` maps a folder to its content kind ('methods' -> 'method') to name what a broken link meant.
    """
    for link in links(body, first_line):
        yield from target_problems(path, link, repo_files, content_folders)


def target_problems(path: str, link: Link, repo_files: set[str], content_folders: dict[str, str]) -> Iterator[Problem]:
    """One link or image target: a safe scheme, no outside pictures, and an existing file when it is relative."""
    target = link.target.strip()
    if not target or target.startswith("#"):
        return
    what = "obrázek" if link.image else "odkaz"
    judged = judge(target)
    if judged is None:
        yield Problem(path, link.line, BODY, f"{what} '{target[:60]}' nelze přečíst; opravte adresu")
        return
    if not (judged.host is None and judged.scheme == "https"):
        if judged.scheme not in WEB_SCHEMES:
            yield Problem(path, link.line, BODY, f"{what} se schématem '{judged.scheme}:' není povolen; vnější odkazy musí začínat https:// nebo http://")
        elif link.image:
            yield Problem(path, link.line, BODY, outside_image(judged.host or ""))
        elif "\\" in target:
            yield Problem(path, link.line, BODY, f"{what} '{target[:60]}' obsahuje zpětné lomítko; v adresách pište '/'")
        return
    if not judged.relative_path:
        if "\\" in target:
            yield Problem(path, link.line, BODY, f"{what} '{target[:60]}' obsahuje zpětné lomítko; v adresách pište '/'")
        else:
            yield Problem(path, link.line, BODY, f"{what} s absolutní cestou '{target}' není povolen; použijte cestu relativní k tomuto souboru")
        return
    file_part = target.split("#", 1)[0].split("?", 1)[0]
    resolved = _normalise(PurePosixPath(path).parent / file_part)
    if resolved is None:
        yield Problem(path, link.line, BODY, f"{what} '{target}' vede mimo repozitář; soubory musí ležet uvnitř repozitáře")
        return
    if resolved not in repo_files:
        kind = content_folders.get(resolved.split("/", 1)[0])
        noun = {"method": "metodiku", "case": "příklad dobré praxe"}.get(kind or "", "soubor")
        yield Problem(path, link.line, BODY, f"{what} na neexistující {noun} '{resolved}'; zkontrolujte název souboru")


def outside_image(host: str) -> str:
    """The message for a picture from another host: the page would tell that host who reads it."""
    return (f"obrázek z jiného webu ({host}) není povolen, stránka nesmí nic načítat z cizích serverů; "
            "uložte obrázek do repozitáře vedle textu")


def _normalise(path: PurePosixPath) -> str | None:
    """Resolve '.' and '..' without touching the disk; None when the path climbs out of the repository."""
    parts: list[str] = []
    for part in path.parts:
        if part in ("", "."):
            continue
        if part == "..":
            if not parts:
                return None
            parts.pop()
        else:
            parts.append(part)
    return "/".join(parts)
