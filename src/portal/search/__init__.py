"""The Czech search index: lemma keys, what is indexed of each page, the files the browser reads."""
