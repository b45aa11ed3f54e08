"""Checking: the read data against the schema, the dossier's own rules and the source texts;
every problem returned at once, as :class:`~site_plugins.dossier.problems.Problem` values."""
