"""Run one function over many items in parallel processes, one per CPU (drawing PDFs and cards)."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor


def run_in_processes(function: Callable, items: Iterable, chunksize: int = 8) -> None:
    """Call `function` on every item; in processes when there are enough items and CPUs to gain."""
    items = list(items)
    if len(items) > chunksize and (os.cpu_count() or 1) > 1:
        # forked: the workers inherit the project being built (scripts/folders.py) and what is loaded
        with ProcessPoolExecutor(max_workers=os.cpu_count(), mp_context=multiprocessing.get_context("fork")) as pool:
            list(pool.map(function, items, chunksize=chunksize))
    else:
        for item in items:
            function(item)
