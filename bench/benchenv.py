"""The environment benchmark subprocesses run in.

As installed by pip, a package has its bytecode compiled; an editable install under
PYTHONDONTWRITEBYTECODE (set on the project's machine) would compile every module on
every start (~55 ms). Bytecode goes to a cache outside the repository instead; the
first run writes it.
"""

from __future__ import annotations

import os
import tempfile

ENV = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
ENV["PYTHONPYCACHEPREFIX"] = os.path.join(tempfile.gettempdir(), "transcheck-bench-pycache")
