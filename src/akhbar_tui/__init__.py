"""akhbar: a terminal news reader that shows Arabic the way a reader expects.

This module only carries the version: importing the package must stay cheap so that
`akhbar --help` starts instantly.
"""

__version__ = "0.1.0"
