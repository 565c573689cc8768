"""Build tools for the Nghệ An investment portal (plain functions; MkDocs hooks call into them)."""
