"""Run every benchmark: ``python -m bench``."""

from bench.ingest_bench import main

if __name__ == "__main__":
    main()
