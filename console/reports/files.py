"""Exports land whole or not at all: written to a temporary file beside the target, then
renamed over it (an existing report is never left half overwritten by a crash or a full disk)."""

from __future__ import annotations

import contextlib
import os
import uuid
from collections.abc import Iterator
from pathlib import Path


@contextlib.contextmanager
def replacing(path: Path) -> Iterator[Path]:
    """Yields a temporary path in the target's folder; on a clean exit it replaces `path`, on an
    exception it is removed and `path` is left as it was."""
    path = Path(path)
    # Created like any file (so with the user's usual permissions, which mkstemp's 0600 is not).
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:12]}.tmp")
    tmp.open("xb").close()
    try:
        yield Path(tmp)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
