"""MkDocs plugins of the 'What we know' dossier generator."""
