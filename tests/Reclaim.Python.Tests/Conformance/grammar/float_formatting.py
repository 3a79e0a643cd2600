print(0.1 + 0.2, 1e100, 1.0, 2.5e-10, float("inf"), -0.0, round(2.675, 2), round(0.5), round(1.5))
