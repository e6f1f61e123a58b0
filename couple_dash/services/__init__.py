"""Use-cases over the database: ``fn(*, session, ...)``; they validate, authorize and write."""


class ServiceError(Exception):
    """A refusal with a message meant for the person who asked (shown as is, changes nothing)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class NotAllowed(ServiceError):
    """The caller may not read or change this: it belongs to someone else's couple."""

    def __init__(self, message: str = "That isn't yours to change.") -> None:
        super().__init__(message)
