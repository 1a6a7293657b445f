"""'Podobné příklady': cases related by shared methods, target groups and region, computed at build.

An inverted index (feature -> cases that have it, as a bit set) is built once per collection; scores
are summed over all cases at once in bit-sliced counters (see SimilarIndex).
"""

from __future__ import annotations

from collections import defaultdict

from portal.content.documents import Collection, Document
from portal.content.model import Case

# Weights: a shared method says most about what a reader can reuse, then the target group, then the place.
METHOD, GROUP, REGION = 3, 2, 1

Feature = tuple[str, str]


def features(doc: Document[Case]) -> list[tuple[Feature, int]]:
    """The features of a case with their weights."""
    case = doc.model
    out = [(("metoda", m), METHOD) for m in set(case.methods)]
    out += [(("skupina", g), GROUP) for g in set(case.target_groups)]
    if case.region:
        out.append((("kraj", case.region), REGION))
    return out


def similarity(a: Document[Case], b: Document[Case]) -> int:
    """Score of how alike two cases are: the summed weights of their shared features; 0 means unrelated."""
    fb = dict(features(b))
    return sum(weight for feature, weight in features(a) if feature in fb)


class SimilarIndex:
    """Feature -> the set of cases (bits by catalogue position) that have it, and per case its score in bit slices.

    Scores of all cases against one case are added as bit-sliced counters over Python integers (one bit per
    case), so a case is never compared with every other case one by one: the work per case is a few dozen
    operations on N-bit integers, not N dictionary updates (the earlier postings walk was quadratic, since a
    method is shared by a large part of the catalogue).
    """

    def __init__(self, collection: Collection) -> None:
        self.cases = collection.cases
        self.position = {c.slug: i for i, c in enumerate(self.cases)}
        self.postings: dict[Feature, int] = defaultdict(int)
        for i, case in enumerate(self.cases):
            for feature, _ in features(case):
                self.postings[feature] |= 1 << i

    def _scores(self, doc: Document[Case]) -> list[int]:
        """The score of every case against doc, as bit slices: slices[k] has bit i set when bit k of case i's score is 1."""
        slices: list[int] = []
        for feature, weight in features(doc):
            members = self.postings.get(feature, 0)
            k = 0
            while weight:
                if weight & 1:  # add members << k: a ripple carry through the slices
                    carry, j = members, k
                    while carry:
                        if j == len(slices):
                            slices.append(0)
                        slices[j], carry = slices[j] ^ carry, slices[j] & carry
                        j += 1
                weight >>= 1
                k += 1
        return slices

    def similar(self, doc: Document[Case], limit: int = 3) -> list[Document[Case]]:
        """The most similar other cases, best first, ties in catalogue order; cases sharing nothing never appear."""
        slices = self._scores(doc)
        left = 0
        for bits in slices:
            left |= bits  # every case with a score above 0
        if doc.slug in self.position:
            left &= ~(1 << self.position[doc.slug])
        found: list[int] = []
        while left and len(found) < limit:
            best = left
            for bits in reversed(slices):  # keep the cases with the highest score, bit by bit from the top
                if best & bits:
                    best &= bits
            while best and len(found) < limit:  # the lowest positions first
                low = best & -best
                found.append(low.bit_length() - 1)
                best ^= low
                left ^= low
        return [self.cases[i] for i in found]


_last: tuple[Collection, SimilarIndex] | None = None  # one build's index; replaced on the next build


def similar_cases(doc: Document[Case], collection: Collection, limit: int = 3) -> list[Document[Case]]:
    """The most similar other cases of a collection, best first."""
    global _last
    if _last is None or _last[0] is not collection:
        _last = (collection, SimilarIndex(collection))
    return _last[1].similar(doc, limit)
