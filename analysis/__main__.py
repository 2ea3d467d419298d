"""Entry point for ``python -m analysis``."""

import os
import sys

from analysis.cli import main

code = main()
if code == 130:
    # Interrupted: the outputs are final and the workers were killed. Exit now rather than let the
    # interpreter join the process pool's helper threads, which a killed worker can leave waiting.
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
sys.exit(code)
