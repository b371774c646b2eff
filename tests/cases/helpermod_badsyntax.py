# Helper module with a deliberate syntax error (imported by exc_syntax_error_caught).
def ok():
    return 1

def bad(
