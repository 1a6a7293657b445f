"""Domain core of the community-work portal: loading, schema, validation, exports. No MkDocs imports."""
