# Helper module for exception tests (not a test itself).
class HelperError(Exception):
    pass


def fail(msg):
    raise HelperError(msg)
