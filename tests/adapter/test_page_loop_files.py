"""The files MkDocs is given under serve (:class:`.page_loop.ThemeLoopFiles`): the Markdown pages
among them found once, and found again when a file is added or removed; real MkDocs files."""

from __future__ import annotations

from collections.abc import Sequence

from mkdocs.structure.files import File, Files, InclusionLevel

from site_plugins.dossier.adapter.page_loop import ThemeLoopFiles


def _file(src: str, inclusion: InclusionLevel = InclusionLevel.UNDEFINED) -> File:
    return File(src, src_dir="docs", dest_dir="site", use_directory_urls=True, inclusion=inclusion)


def _everything(pages: Sequence[File], _inclusion: object) -> Sequence[File]:
    return pages


def _srcs(pages: Sequence[File]) -> list[str]:
    return [f.src_uri for f in pages]


def test_the_pages_are_those_mkdocs_lists_after_files_are_added_and_removed() -> None:
    files = [_file("index.md"), _file("style.css"), _file("draft.md", InclusionLevel.EXCLUDED), _file("a.md")]
    ours, plain = ThemeLoopFiles(Files(files), _everything), Files(files)
    assert _srcs(ours.documentation_pages()) == _srcs(plain.documentation_pages()) == ["index.md", "a.md"]
    every = InclusionLevel.all
    assert _srcs(ours.documentation_pages(inclusion=every)) == ["index.md", "draft.md", "a.md"]
    added = _file("b.md")
    ours.append(added)
    plain.append(added)
    assert _srcs(ours.documentation_pages()) == _srcs(plain.documentation_pages())
    assert _srcs(ours.documentation_pages()) == ["index.md", "a.md", "b.md"]
    ours.remove(files[0])
    assert _srcs(ours.documentation_pages()) == ["a.md", "b.md"]


def test_a_page_left_out_by_the_theme_loop_stays_among_the_files() -> None:
    files = Files([_file("index.md"), _file("a.md")])
    ours = ThemeLoopFiles(files, lambda pages, _inclusion: [f for f in pages if f.src_uri != "a.md"])
    assert _srcs(ours.documentation_pages()) == ["index.md"]
    assert [f.src_uri for f in ours] == ["index.md", "a.md"]
