"""The Czech search index: lemma keys and the copy of each page that Pagefind indexes."""
