"""Buttons that spin while their handler works.

Reflex sends a tab its state's changes when a handler ends (or yields): a flag set and cleared
within one handler never reaches the browser. `spins` sets the flag, yields so the spinner
shows, runs the handler, then clears it.
"""

import functools
from collections.abc import Callable


def spins(flag: str) -> Callable:
    """Decorate an async handler so the bool var `flag` is on while it runs.

    Args:
        flag: the name of the state's bool var a button's `loading=` reads.

    Returns:
        The decorator; the handler it returns is an async generator, as Reflex runs them.
    """

    def decorate(handler: Callable) -> Callable:
        @functools.wraps(handler)
        async def spinning(self, *args, **kwargs):
            setattr(self, flag, True)
            yield  # the spinner reaches the browser before the work starts
            try:
                follow_up = await handler(self, *args, **kwargs)
            finally:
                setattr(self, flag, False)
            if follow_up is not None:
                yield follow_up

        return spinning

    return decorate
