"""Social cards drawn in batches: in a second process, and here for the batches it has not started."""

from __future__ import annotations

import multiprocessing
import time
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from site_plugins.dossier.site.card_jobs import BATCH, CardJobs
from site_plugins.dossier.site.cards import Card, draw_cards


def _cards(count: int) -> list[Card]:
    return [
        Card(
            stem=f"claims/c{i}",
            accent="reported",
            label="Reported",
            title=f"The harbour has {i} lanterns.",
            lines=("Harbour Master", "20 October 2024"),
            footer="Lanterns: a test dossier",
        )
        for i in range(count)
    ]


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*.png")}


@pytest.fixture
def pool() -> Iterator[ProcessPoolExecutor]:
    executor = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
    yield executor
    executor.shutdown(wait=True, cancel_futures=True)


def test_without_a_second_process_every_card_is_drawn_here(tmp_path: Path) -> None:
    cards = _cards(BATCH + 5)
    jobs = CardJobs()
    jobs.start(cards, str(tmp_path / "here"), None, None)
    assert jobs.finish() == (len(cards), len(cards))
    draw_cards(cards, str(tmp_path / "alone"))
    assert _files(tmp_path / "here") == _files(tmp_path / "alone")


def test_the_batches_a_busy_process_has_not_started_are_drawn_here(
    tmp_path: Path, pool: ProcessPoolExecutor
) -> None:
    futures: list[Future[Any]] = []

    def submit(work: Any, *args: Any) -> Future[Any]:
        futures.append(pool.submit(work, *args))
        return futures[-1]

    busy = pool.submit(time.sleep, 2)  # the charts, say: the cards wait behind them
    cards = _cards(3 * BATCH)
    jobs = CardJobs()
    jobs.start(cards, str(tmp_path / "shared"), None, submit)
    assert jobs.finish() == (len(cards), len(cards))
    assert busy.done()
    # The last batch was taken back and drawn here (the process queues two tasks at most).
    assert futures[-1].cancelled()
    draw_cards(cards, str(tmp_path / "alone"))
    assert _files(tmp_path / "shared") == _files(tmp_path / "alone")


def test_a_rebuild_copies_each_unchanged_card_from_the_last_site(
    tmp_path: Path, pool: ProcessPoolExecutor
) -> None:
    cards = _cards(2 * BATCH)
    draw_cards(cards, str(tmp_path / "last"))
    changed = [*cards[:-1], _cards(2 * BATCH + 1)[-1]]
    jobs = CardJobs()
    jobs.start(changed, str(tmp_path / "new"), str(tmp_path / "last"), pool.submit)
    assert jobs.finish() == (1, len(changed))
    assert len(_files(tmp_path / "new")) == len(changed)
