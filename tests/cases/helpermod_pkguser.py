# Helper module: imports another helper (not a test itself).
import helpermod_basic


def combined():
    return helpermod_basic.greet("pkguser") + " " + str(helpermod_basic.VALUE)
