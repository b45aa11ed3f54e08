"""Editors' tools: the ``dossier`` command, claim scaffolding, and the JSON Schema and field
reference generated from the record model."""
