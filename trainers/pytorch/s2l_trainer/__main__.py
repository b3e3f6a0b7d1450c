"""`python3 -m s2l_trainer /path/to/spec.json`, with this package's directory on PYTHONPATH (as the
trainer's image sets it); the same as `python3 train.py /path/to/spec.json`."""
import sys

from .main import main

sys.exit(main(sys.argv))
