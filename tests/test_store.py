"""The notebook runner reads kernel messages in short waits, so a missed wake-up costs half a
second, not the whole cell timeout (nbclient issue #312)."""

import asyncio
import time
from queue import Empty

import pytest

from aicourse import store


def fake_channel(ready_after: float):
    """A get_msg whose message is only noticed by a wait that starts after ``ready_after`` s,
    like a socket whose wake-up was missed: a long first wait sleeps through its whole timeout."""
    started = time.monotonic()

    async def get_msg(timeout=None):
        begun = time.monotonic()
        if begun - started >= ready_after:
            return {"msg": "reply"}
        await asyncio.sleep(timeout if timeout is not None else 3600)
        raise Empty

    return get_msg


def test_a_message_is_found_by_the_next_short_wait():
    get = store._in_slices(fake_channel(ready_after=0.3), step=0.1)
    started = time.monotonic()
    assert asyncio.run(get(timeout=30)) == {"msg": "reply"}
    assert time.monotonic() - started < 1


def test_the_timeout_still_holds():
    get = store._in_slices(fake_channel(ready_after=99), step=0.1)
    started = time.monotonic()
    with pytest.raises(Empty):
        asyncio.run(get(timeout=0.35))
    assert 0.3 < time.monotonic() - started < 1


def test_the_client_patches_both_channels():
    client = store.client_class()
    assert client.__mro__[1].__name__ == "NotebookClient"
    assert "async_start_new_kernel_client" in client.__dict__
