# Floats under the format mini-language: fixed, exponent, general, percent, precision-only and repr forms.
x = 1234.5678
print(format(x, "f"), format(x, ".2f"), format(x, "e"), format(x, ".3E"), format(x, "g"), format(x, ".2g"), format(x, ",.1f"))
print(format(0.000012345, "g"), format(1e16, "g"), format(123.0, ".3"), format(12.0, ".3"), format(0.5, ".0f"), format(1.5, ".0f"), format(2.5, ".0f"))
print(format(0.25, "%"), format(0.25, ".1%"), format(-0.0, ".1f"), format(-0.0, "z.1f"), format(1.0, "#.0f"), format(1.0, "#g"))
print(format(float("inf"), "f"), format(float("-inf"), "E"), format(float("nan"), ">6"), format(3.0, ""), format(1e22, ""), format(3.14159, "10.3f") + "|")
print(f"{0.1:.20f} {1/3:.15g} {2/3:+.3e} {1e-7} {123456789.0:_.2f}")
try:
    format(1.5, "d")
except ValueError as e:
    print("ValueError", e)
