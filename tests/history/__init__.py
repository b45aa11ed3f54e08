"""Tests of site_plugins.dossier.history: records' history from a fixture git repository."""
