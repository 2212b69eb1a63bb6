"""One module per CLI command; each imports what it needs inside the command."""
