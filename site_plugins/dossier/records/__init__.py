"""Records: what a dossier is made of (the pydantic model, the wording of values, and the index
of lookups derived once from a validated file). Everything downstream reads records from here."""
