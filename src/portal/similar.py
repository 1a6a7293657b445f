"""'Podobné příklady': cases related by shared methods, target groups and region, computed at build."""

from __future__ import annotations

from portal.collection import Collection, Document

# Weights: a shared method says most about what a reader can reuse, then the target group, then the place.
METHOD, GROUP, REGION = 3, 2, 1


def similarity(a: Document, b: Document) -> int:
    """Score of how alike two cases are; 0 means unrelated."""
    score = METHOD * len(set(a.get("methods", default=[])) & set(b.get("methods", default=[])))
    score += GROUP * len(set(a.get("target_groups", default=[])) & set(b.get("target_groups", default=[])))
    score += REGION * (a.get("region") is not None and a.get("region") == b.get("region"))
    return score


def similar_cases(doc: Document, collection: Collection, limit: int = 3) -> list[Document]:
    """The most similar other cases, best first, ties in catalogue order."""
    scored = [(similarity(doc, other), i, other) for i, other in enumerate(collection.cases) if other.slug != doc.slug]
    scored = [s for s in scored if s[0] > 0]
    scored.sort(key=lambda s: (-s[0], s[1]))
    return [s[2] for s in scored[:limit]]
