"""The web pages' parts: catalogue, facts panel, regions, statistics, home, videos, sanitiser, templates."""
