import sys
try:
    sys.exit("message only")
except SystemExit as e:
    print(repr(e.code))
raise SystemExit("bye")
