"""The notebook runner reads kernel messages in short waits, so a missed wake-up costs half a
second, not the whole cell timeout (nbclient issue #312).

No wall clock: a fake clock advances by each wait's timeout, as if every wait slept through it.
How long real runs take is the benchmark's business (python3 tasks.py benchmark).
"""

import asyncio
from queue import Empty

import pytest

from aicourse.build import store


class FakeChannel:
    """A get_msg whose message is only noticed by a wait that starts at ``ready_at`` or later,
    like a socket whose wake-up was missed: a wait that starts earlier sleeps through its timeout."""

    def __init__(self, ready_at: float):
        self.now, self.ready_at, self.waits = 0.0, ready_at, []

    def monotonic(self) -> float:
        return self.now

    async def get_msg(self, timeout=None):
        self.waits.append(timeout)
        if self.now >= self.ready_at:
            return {"msg": "reply"}
        self.now += timeout if timeout is not None else 3600
        raise Empty


def test_a_message_is_found_by_the_next_short_wait(monkeypatch):
    channel = FakeChannel(ready_at=1.2)
    monkeypatch.setattr(store.time, "monotonic", channel.monotonic)
    get = store._in_slices(channel.get_msg, step=0.5)
    assert asyncio.run(get(timeout=30)) == {"msg": "reply"}
    assert channel.waits == [0.5, 0.5, 0.5, 0.5]  # found at 1.5 s, not after 30 s
    assert channel.now == 1.5


def test_the_timeout_still_holds(monkeypatch):
    channel = FakeChannel(ready_at=99)
    monkeypatch.setattr(store.time, "monotonic", channel.monotonic)
    get = store._in_slices(channel.get_msg, step=0.5)
    with pytest.raises(Empty):
        asyncio.run(get(timeout=1.2))
    assert channel.waits == [0.5, 0.5, pytest.approx(0.2)]  # the last slice ends at the timeout
    assert channel.now == pytest.approx(1.2)


def test_the_client_reads_both_channels_in_slices():
    client = store.client_class()
    assert client.__mro__[1].__name__ == "NotebookClient"
    assert "async_start_new_kernel_client" in client.__dict__
