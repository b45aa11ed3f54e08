"""Under ``mkdocs serve``: the generated files (downloads, citations, embeds, oEmbed files) of a
rebuild, each written only when the site folder does not already hold its bytes
(:class:`KeptFiles`)."""

from __future__ import annotations

import hashlib

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, InclusionLevel

from .kept_site import KeptSite


class KeptFile(File):
    """A generated file that is not written again when the site folder holds its bytes."""

    kept: KeptSite | None = None
    #: the site folder, the kind of addresses and the plugin it was made for
    made_for: tuple[str, bool, str | None] = ("", False, None)

    def copy_file(self, dirty: bool = False) -> None:
        digest = hashlib.sha256(self.content_bytes).hexdigest()
        if self.kept is not None and self.kept.unchanged(self.dest_uri, digest):
            return
        super().copy_file(dirty)


class KeptFiles:
    """The generated files of the last build, taken again with this build's content."""

    def __init__(self, kept: KeptSite) -> None:
        self._kept = kept
        self._files: dict[str, KeptFile] = {}  # path -> the generated file of the last build
        self._now: set[str] = set()  # the generated files of this build

    def start(self) -> None:
        self._now = set()

    def finish(self) -> None:
        """After the build: the files it no longer has dropped."""
        for path in [p for p in self._files if p not in self._now]:
            del self._files[path]
        self._now = set()

    def file(self, config: MkDocsConfig, path: str, content: bytes | str) -> File:
        """A generated file that stays in the site folder when its bytes have not changed; the
        last build's ``File`` with the new content where the site's folder and addresses and
        the plugin making it are the same (making 30,000 of them anew is a quarter of a second)."""
        made_for = (config.site_dir, config.use_directory_urls, config.plugins._current_plugin)
        file = self._files.get(path)
        if file is None or file.made_for != made_for:
            made = KeptFile.generated(config, path, content=content)
            assert isinstance(made, KeptFile)
            file, file.made_for, file.kept = made, made_for, self._kept
            self._files[path] = file
        else:
            file.inclusion = InclusionLevel.UNDEFINED  # MkDocs sets it again, as for a new file
            file.abs_src_path = None
            file._content = content
        self._now.add(path)
        return file
