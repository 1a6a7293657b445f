"""'Podobné příklady': cases related by shared methods, target groups and region, computed at build.

An inverted index (feature -> cases that have it) is built once per collection, so each case is
compared only with cases that share something with it rather than with every other case.
"""

from __future__ import annotations

import heapq
from collections import Counter, defaultdict

from portal.collection import Collection, Document

# Weights: a shared method says most about what a reader can reuse, then the target group, then the place.
METHOD, GROUP, REGION = 3, 2, 1

Feature = tuple[str, str]


def features(doc: Document) -> list[tuple[Feature, int]]:
    """The features of a case with their weights."""
    out = [(("metoda", m), METHOD) for m in set(doc.get("methods", default=[]))]
    out += [(("skupina", g), GROUP) for g in set(doc.get("target_groups", default=[]))]
    if doc.get("region"):
        out.append((("kraj", doc.get("region")), REGION))
    return out


def similarity(a: Document, b: Document) -> int:
    """Score of how alike two cases are: the summed weights of their shared features; 0 means unrelated."""
    fb = dict(features(b))
    return sum(weight for feature, weight in features(a) if feature in fb)


class SimilarIndex:
    """Feature -> positions (in catalogue order) of the cases that have it."""

    def __init__(self, collection: Collection) -> None:
        self.cases = collection.cases
        self.position = {c.slug: i for i, c in enumerate(self.cases)}
        self.postings: dict[Feature, list[int]] = defaultdict(list)
        for i, case in enumerate(self.cases):
            for feature, _ in features(case):
                self.postings[feature].append(i)

    def similar(self, doc: Document, limit: int = 3) -> list[Document]:
        """The most similar other cases, best first, ties in catalogue order."""
        scores: Counter[int] = Counter()
        for feature, weight in features(doc):
            for i in self.postings.get(feature, ()):
                scores[i] += weight
        scores.pop(self.position.get(doc.slug, -1), None)
        best = heapq.nsmallest(limit, scores.items(), key=lambda item: (-item[1], item[0]))
        return [self.cases[i] for i, _ in best]


_last: tuple[Collection, SimilarIndex] | None = None  # one build's index; replaced on the next build


def similar_cases(doc: Document, collection: Collection, limit: int = 3) -> list[Document]:
    """The most similar other cases of a collection, best first."""
    global _last
    if _last is None or _last[0] is not collection:
        _last = (collection, SimilarIndex(collection))
    return _last[1].similar(doc, limit)
