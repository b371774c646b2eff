"""A package for mod_importlib_spec."""
NAME = "helperpkg_spec"
