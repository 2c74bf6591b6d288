"""Command modules of the ``ties`` CLI; each registers its commands on :data:`api.cli.app`."""
