"""Stage 6, outputs: the documents rendered from the consolidated records."""
