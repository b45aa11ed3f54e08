"""The dossier engine: claim records in, a 'What we know' site out.

The domain core (model, loading, validation, conflict analysis, rendering) has no MkDocs
import; ``plugin.py`` is the thin adapter that MkDocs loads.
"""
