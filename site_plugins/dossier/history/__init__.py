"""Every record's history, read from the git history of ``claims.yaml``: what changed, when,
in readers' words; the old addresses of renamed and removed claims. No MkDocs import."""
