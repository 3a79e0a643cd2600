"""nbody: the Jovian planets orbiting the Sun, advanced by a simple symplectic integrator (pyperformance's nbody).

Five bodies, every pair interacting, 50,000 steps of 0.01 years by default; the energy of the system before and
after must match the reference values (a wrong force or a lost update shows up in the ninth decimal).
"""
import sys
import time

PI = 3.14159265358979323
SOLAR_MASS = 4 * PI * PI
DAYS_PER_YEAR = 365.24


class Body:
    def __init__(self, position, velocity, mass):
        self.x, self.y, self.z = position
        self.vx, self.vy, self.vz = velocity[0] * DAYS_PER_YEAR, velocity[1] * DAYS_PER_YEAR, velocity[2] * DAYS_PER_YEAR
        self.mass = mass * SOLAR_MASS


def make_system():
    return [
        Body((0.0, 0.0, 0.0), (0.0, 0.0, 0.0), 1.0),
        Body((4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01),
             (1.66007664274403694e-03, 7.69901118419740425e-03, -6.90460016972063023e-05),
             9.54791938424326609e-04),
        Body((8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01),
             (-2.76742510726862411e-03, 4.99852801234917238e-03, 2.30417297573763929e-05),
             2.85885980666130812e-04),
        Body((1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01),
             (2.96460137564761618e-03, 2.37847173959480950e-03, -2.96589568540237556e-05),
             4.36624404335156298e-05),
        Body((1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01),
             (2.68067772490389322e-03, 1.62824170038242295e-03, -9.51592254519715870e-05),
             5.15138902046611451e-05),
    ]


def pairs_of(bodies):
    result = []
    for i in range(len(bodies)):
        for j in range(i + 1, len(bodies)):
            result.append((bodies[i], bodies[j]))
    return result


def offset_momentum(bodies):
    px = py = pz = 0.0
    for body in bodies:
        px -= body.vx * body.mass
        py -= body.vy * body.mass
        pz -= body.vz * body.mass
    sun = bodies[0]
    sun.vx = px / sun.mass
    sun.vy = py / sun.mass
    sun.vz = pz / sun.mass


def energy(bodies, pairs):
    total = 0.0
    for a, b in pairs:
        dx = a.x - b.x
        dy = a.y - b.y
        dz = a.z - b.z
        total -= (a.mass * b.mass) / ((dx * dx + dy * dy + dz * dz) ** 0.5)
    for body in bodies:
        total += body.mass * (body.vx * body.vx + body.vy * body.vy + body.vz * body.vz) / 2.0
    return total


def advance(bodies, pairs, dt, steps):
    for _ in range(steps):
        for a, b in pairs:
            dx = a.x - b.x
            dy = a.y - b.y
            dz = a.z - b.z
            magnitude = dt * ((dx * dx + dy * dy + dz * dz) ** -1.5)
            a_share = a.mass * magnitude
            b_share = b.mass * magnitude
            a.vx -= dx * b_share
            a.vy -= dy * b_share
            a.vz -= dz * b_share
            b.vx += dx * a_share
            b.vy += dy * a_share
            b.vz += dz * a_share
        for body in bodies:
            body.x += dt * body.vx
            body.y += dt * body.vy
            body.z += dt * body.vz


def main():
    quick = "--quick" in sys.argv[1:]
    steps = 5000 if quick else 50000
    start = time.perf_counter()
    bodies = make_system()
    pairs = pairs_of(bodies)
    offset_momentum(bodies)
    before = energy(bodies, pairs)
    advance(bodies, pairs, 0.01, steps)
    after = energy(bodies, pairs)
    elapsed = time.perf_counter() - start
    expected_after = -0.16902000037197498 if quick else -0.1690780706593543
    if abs(before - (-0.1690751638285245)) > 1e-12 or abs(after - expected_after) > 1e-12:
        raise SystemExit("nbody: energies " + repr(before) + " and " + repr(after) + " differ from the reference")
    print("#reclaim-bench timed_ms=" + repr(elapsed * 1000.0))


main()
