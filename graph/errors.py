"""Every error the library raises on purpose, in one hierarchy.

Callers catch :class:`TiesError` to report a user mistake or an unavailable engine as one clear line;
anything else is a bug. Each message says what was wrong and, where it can, what to do.
"""

from __future__ import annotations


class TiesError(Exception):
    """Base class of every error defence-ties raises on purpose."""


class InputError(TiesError):
    """The input (a file, an argument, a query) is wrong; the message names it."""


class UnsupportedFormatError(InputError):
    """A file or a requested serialisation has a format we do not read or write."""


class RDFSyntaxError(InputError):
    """An RDF document could not be parsed."""


class QueryError(InputError):
    """The engine rejected a SPARQL query or update as malformed."""


class ParameterError(InputError):
    """A request parameter is out of range or names something unknown; ``parameter`` names it."""

    def __init__(self, parameter: str, message: str) -> None:
        super().__init__(f"{parameter}: {message}")
        self.parameter = parameter


class NotFoundError(InputError):
    """The entity (or other resource) asked for is not in the store; the message names it."""


class ValidationError(InputError):
    """A graph does not conform to the SHACL shapes; ``report`` holds the readable report."""

    def __init__(self, message: str, report: str = "") -> None:
        super().__init__(message)
        self.report = report


class StoreError(TiesError):
    """The store could not do what was asked."""


class StoreUnavailableError(StoreError):
    """The engine cannot be reached or stopped while working; it may be restarting."""


class StoreLockedError(StoreError):
    """Another process holds the store folder and could not be reached."""


class QueryTimeoutError(StoreError):
    """A query ran past its time limit and was stopped."""


class ForbiddenOperationError(InputError):
    """A query or update asks for something the service refuses, such as SERVICE to an unlisted endpoint."""


class ResultTooLargeError(InputError):
    """A query's result is larger than the configured cap; the message says how to narrow it."""


class ServiceBusyError(StoreError):
    """Too many queries are running or waiting; try again after ``retry_after_s`` seconds."""

    def __init__(self, message: str, retry_after_s: int = 1) -> None:
        super().__init__(message)
        self.retry_after_s = retry_after_s
