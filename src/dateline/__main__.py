"""`python -m dateline` runs the command line."""

from dateline.cli import main

if __name__ == "__main__":
    main()
