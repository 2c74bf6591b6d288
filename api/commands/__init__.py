"""Commands of the ``ties`` CLI, one module per area, registered by importing them in api/cli.py."""
