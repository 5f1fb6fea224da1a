"""``python -m estimates``: the ``estimates`` command."""

import sys

from ._cli.main import main

sys.exit(main())
