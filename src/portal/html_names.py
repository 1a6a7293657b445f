"""Names of the HTML standard that several readers of the portal's HTML need (typography, rules, search, offline)."""

# Elements without an end tag.
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})
