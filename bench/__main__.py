"""Run every benchmark module (``python -m bench``) or the ones named (``python -m bench ingest``)."""

from __future__ import annotations

import importlib
import pkgutil
import sys

import bench


def main(names: list[str]) -> None:
    modules = sorted(m.name for m in pkgutil.iter_modules(bench.__path__) if m.name.endswith("_bench"))
    chosen = [m for m in modules if not names or m.removesuffix("_bench") in names]
    if not chosen:
        sys.exit(f"no benchmark named {' '.join(names)}; have: {', '.join(modules)}")
    for name in chosen:
        print(f"== {name}", flush=True)
        importlib.import_module(f"bench.{name}").main()


if __name__ == "__main__":
    main(sys.argv[1:])
