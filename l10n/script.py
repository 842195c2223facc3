"""Chinese script conversion with OpenCC (Traditional ⇄ Simplified).

Loading an OpenCC configuration parses its dictionaries (about 20 ms); the
converters are immutable, so each is loaded once per process and shared.
"""

from __future__ import annotations

from functools import cache


@cache
def converter(config: str):
    """An OpenCC converter: "t2s" (Traditional → Simplified) or "s2t"."""
    from opencc import OpenCC

    return OpenCC(config)


def convert(text: str, config: str) -> str:
    return converter(config).convert(text)
