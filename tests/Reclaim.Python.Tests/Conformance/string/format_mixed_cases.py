# A mix of format specs, printf forms and float reprs, including the errors for bad specs.
print(format(123.0, '.3'), format(12.0,'.3'), format(1.0,'.3'), format(123.0,'.3g'), format(0.0001,'.3'), format(1e-5,'.3'), format(100.0, '.3'),format(99.99,'.3'))
print(format(1234.5678,'_.2f'), format(255,'#010x'), format(-5,'+08.2f'), format(1e16,''), format(1.5,'10'), format(12345678,'_x'), format(0.5,'.0f'), format(-0.0,'z.1f'), format(True,'d'), format(3,'.2f'), format(1e100, 'g'))
print(round(2.675, 2), round(0.125, 2), round(1234.5, -2), round(-2.5), round(3.14159, 3), round(1e20, 2), round(5, 2))
print(f"{3.0:g}|{1e-7:g}|{123456789.0:g}|{0.1:.20f}|{1/3:.5e}|{2.5:%}|{7:5d}|{7:<5d}|{7:^5}|{-7:=6}|{'x':*^7}|{12345.6789:,.2f}")
print("%5s|%-5s|%05d|%x|%#o|%.3e|%g|%c|%5.1f|%r" % ("ab", "cd", -42, 255, 8, 12345.678, 0.00001, 65, 3.14159, "q"))
print("%(a)s-%(b)d" % {"a": "x", "b": 3})
for bad in ["{:d}".format, "{:.2d}".format]:
    try:
        bad("s" if bad else 1)
    except ValueError as e:
        print("ValueError", e)
try:
    format(1, ".2d")
except ValueError as e:
    print(e)
try:
    format("s", "+")
except ValueError as e:
    print(e)
print(format(float("inf"), "F"), format(float("nan"), "+.2f"), format(1e300*10, "e"))
print(1e22, 1e-5, 123456789012345678.0, 0.1, 1.5e-300, 2**0.5)
