"""defence-ties service and command line; depends on :mod:`graph`, never the reverse."""
