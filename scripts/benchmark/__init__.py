"""The benchmark (`./scripts/bench`, `python -m scripts.benchmark`), apart from the product: it builds
and serves temporary copies with generated projects and measures them (run.py)."""
