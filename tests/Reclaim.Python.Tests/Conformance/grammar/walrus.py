if (n := len("hello")) > 3:
    print("long", n)
