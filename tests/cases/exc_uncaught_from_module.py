# Exception class defined in another module: its qualified name is shown.
import helpermod_errors
print("calling helper")
helpermod_errors.fail("helper failed")
