"""Rules the schema cannot express: the body, attachments, media and videos, each a small function."""
