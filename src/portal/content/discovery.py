"""Find the content files and attachments of a content root; any other file, and any unsafe name, is a problem."""

from __future__ import annotations

import re
from pathlib import Path

from portal.content.frontmatter import INVISIBLE
from portal.content.kinds import KINDS
from portal.content.problems import FILE, Problem
from portal.content.rules.attachments import ATTACHMENT_SUFFIXES, attachment_problems
from portal.content.rules.media import MEDIA_SUFFIXES, media_problems

# Line breaks, control and format characters in a name could forge lines of the check's or CI's output.
# Names also refuse tab and line breaks (\t \n \r, U+2028/2029), zero-width characters and the BOM.
_UNSAFE_NAME = re.compile(f"[{INVISIBLE}\t\n\r\u2028\u2029\u200b-\u200f\ufeff]")
RESERVED_NAMES = {"index.md", "readme.md"}  # 'index.md' would be the folder's own page, not a case



def discover(root: Path) -> tuple[list[tuple[str, Path]], list[str], list[Problem]]:
    """Content files and attachments under the kind folders; any other file is a problem."""
    found: list[tuple[str, Path]] = []
    attachments: list[str] = []
    problems: list[Problem] = []
    for kind in KINDS.values():
        folder = root / kind.folder
        if not folder.is_dir():
            continue
        for file in sorted(folder.rglob("*")):
            rel = file.relative_to(root).as_posix()
            parts = file.relative_to(folder).parts
            if _UNSAFE_NAME.search(rel):
                shown = _UNSAFE_NAME.sub(lambda m: f"\\u{ord(m[0]):04x}", rel)
                problems.append(Problem(shown, 1, FILE, "název souboru či složky obsahuje zalomení řádku nebo neviditelný řídicí znak; přejmenujte ho jen písmeny bez diakritiky, číslicemi a pomlčkami"))
            elif file.is_symlink():  # a link could publish any file of the build machine
                problems.append(Problem(rel, 1, FILE, "symbolické odkazy nejsou povoleny; vložte soubor přímo"))
            elif file.is_dir() or file.name == ".gitkeep":
                continue
            elif any(part.startswith(".") for part in parts):
                problems.append(Problem(rel, 1, FILE, "skrytý soubor (název začíná tečkou) by se nezveřejnil; přejmenujte ho, nebo ho odstraňte"))
            elif file.suffix.lower() == ".md" and len(parts) > 1:
                problems.append(Problem(rel, 1, FILE, f"texty musí ležet přímo ve složce {kind.folder}/, ne v podsložce; přesuňte soubor do {kind.folder}/{file.name}"))
            elif file.name.lower() in RESERVED_NAMES:
                problems.append(Problem(rel, 1, FILE, f"název '{file.name}' je vyhrazen pro přehledovou stránku; pojmenujte soubor podle příkladu, např. komunitni-centrum-obce.md"))
            elif file.suffix == ".md":
                found.append((kind.name, file))
            elif kind.name == "video" and file.suffix.lower() in MEDIA_SUFFIXES:  # videos and their captions
                attachments.append(rel)
                problems += media_problems(file, rel)
            elif file.suffix.lower() in ATTACHMENT_SUFFIXES:
                attachments.append(rel)
                problems += attachment_problems(file, rel)
            else:
                allowed = sorted(ATTACHMENT_SUFFIXES | (MEDIA_SUFFIXES if kind.name == "video" else set()))
                problems.append(Problem(rel, 1, FILE, f"neočekávaný soubor; ve složce {kind.folder}/ mohou být jen texty .md a obrázky či přílohy ({', '.join(allowed)})"))
    return found, attachments, problems
