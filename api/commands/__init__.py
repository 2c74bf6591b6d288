"""Command modules of the ``ties`` CLI: plain functions that :mod:`api.cli` registers as commands."""
