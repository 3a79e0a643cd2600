print(ord("A"), chr(97), len("héllo"), "héllo".upper(), "ß".upper(), "\u2603")
