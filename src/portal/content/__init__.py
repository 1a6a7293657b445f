"""Content: reading files, the one schema, vocabularies, validation rules and their Czech problems, the cache."""
