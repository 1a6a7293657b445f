"""Czech language helpers shared by web and print: folding, slugs, suggestions, typography."""
