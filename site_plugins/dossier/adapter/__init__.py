"""The MkDocs adapter: the only package that imports MkDocs. It hands the engine's pages and
files to MkDocs and turns the engine's problems into a ``PluginError`` at the boundary."""
