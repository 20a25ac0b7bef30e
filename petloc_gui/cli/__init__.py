"""The `petloc` command line."""
