"""One module per `akhbar` subcommand: `register(parser)` adds its arguments, `run(args)` runs it.

`cli` imports every command module to build `--help`, so a command module imports only the standard
library and light akhbar modules (errors, models) at module level; the engine, Textual, httpx and
the layout stack are imported inside `run`. The import-hygiene test holds this.
"""
