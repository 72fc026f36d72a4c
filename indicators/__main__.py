import sys

from indicators.cli import main

sys.exit(main())
