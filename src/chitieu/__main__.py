"""``python -m chitieu …`` runs the same program as the ``chitieu`` command (handy where scripts are not on PATH)."""

from chitieu.cli.main import main

if __name__ == "__main__":
    main()
