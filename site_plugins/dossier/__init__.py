"""The dossier engine: claim records in, a 'What we know' site out.

The pipeline, one package a step: ``reading`` (claims.yaml to located data) → ``checking``
(schema, rules, quotes) → ``records`` (the validated model and its index) → ``analysis``
(conflicts, corroboration) → ``site`` (pages, charts, downloads). ``editors`` holds the
editors' tools; ``adapter`` is the thin MkDocs plugin, the only place MkDocs is imported.
"""
