import sys

from communs.cli import main

sys.exit(main())
