# A binary operation over two lines: the entry is on its first line, marked to the line's end.
a = 1
b = "x"
c = (a +
     b)
