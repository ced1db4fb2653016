"""sco: the Shanghai Cooperation Organisation at your fingertips."""

from __future__ import annotations


def __getattr__(name: str) -> str:
    # Read from the package metadata only when asked: importlib.metadata costs start-up time
    # that `sco members --json` should not pay.
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("sco-cli")
        except PackageNotFoundError:  # running from a checkout that was never installed
            return "0+unknown"
    raise AttributeError(name)
