# Writing a lone surrogate to stdout raises UnicodeEncodeError (utf-8 console) rather than failing later.
import sys
try:
    print("a\ud800")
except UnicodeEncodeError as e:
    print("print:", e)
try:
    sys.stdout.write("\udc80z")
except UnicodeEncodeError as e:
    print("write:", e)
print(ascii("a\ud800"), "\U0001F600 fine")
print("\udcff")
