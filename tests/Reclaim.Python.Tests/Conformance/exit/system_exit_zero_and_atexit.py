import sys, atexit
atexit.register(print, "atexit")
sys.exit(0)
