import sys
print("before")
sys.exit(4)
print("never")
