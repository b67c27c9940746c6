"""Interface languages: one module each, with a `MESSAGES` dict (see `i18n.catalog`)."""
