"""Test-session set-up shared by the unit tests and nbval: figures go to a scratch folder."""

import os
import tempfile

# Kernels that nbval starts inherit this, so re-running the notebooks in a test
# never rewrites the committed figures/.
os.environ.setdefault("ANALYSIS_FIGURES_DIR", tempfile.mkdtemp(prefix="figures-"))
os.environ.setdefault("ANALYSIS_CACHE_DIR", tempfile.mkdtemp(prefix="cache-"))
