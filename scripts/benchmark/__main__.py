"""`python -m scripts.benchmark` (./scripts/bench): see run.py."""

import sys

from scripts.benchmark.run import main

sys.exit(main())
