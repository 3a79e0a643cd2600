"""raytrace: a small recursive ray tracer over spheres and a plane (the shape of pyperformance's raytrace).

A Vector class with operator overloading, Ray, Sphere and Plane objects with intersection methods, point lights
with shadows, diffuse and specular shading and two levels of reflection, rendered to a 100×100 canvas. Only +,
-, *, / and sqrt touch the floats, so the image is the same under every interpreter; the checksum of the
quantised pixels is checked.
"""
import math
import sys
import time

EPSILON = 0.00001
MAX_DEPTH = 2


class Vector:
    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def __add__(self, other):
        return Vector(self.x + other.x, self.y + other.y, self.z + other.z)

    def __sub__(self, other):
        return Vector(self.x - other.x, self.y - other.y, self.z - other.z)

    def scale(self, factor):
        return Vector(self.x * factor, self.y * factor, self.z * factor)

    def dot(self, other):
        return self.x * other.x + self.y * other.y + self.z * other.z

    def magnitude(self):
        return math.sqrt(self.dot(self))

    def normalized(self):
        return self.scale(1.0 / self.magnitude())

    def reflect_through(self, normal):
        return self - normal.scale(2.0 * self.dot(normal))

    def cross(self, other):
        return Vector(self.y * other.z - self.z * other.y, self.z * other.x - self.x * other.z, self.x * other.y - self.y * other.x)


class Ray:
    def __init__(self, origin, direction):
        self.origin = origin
        self.direction = direction.normalized()

    def point_at(self, distance):
        return self.origin + self.direction.scale(distance)


class Sphere:
    def __init__(self, centre, radius):
        self.centre = centre
        self.radius = radius

    def intersect(self, ray):
        offset = ray.origin - self.centre
        b = offset.dot(ray.direction)
        c = offset.dot(offset) - self.radius * self.radius
        discriminant = b * b - c
        if discriminant < 0:
            return None
        root = math.sqrt(discriminant)
        distance = -b - root
        if distance < EPSILON:
            distance = -b + root
        return distance if distance >= EPSILON else None

    def normal_at(self, point):
        return (point - self.centre).normalized()


class Plane:
    def __init__(self, point, normal):
        self.point = point
        self.normal = normal.normalized()

    def intersect(self, ray):
        facing = ray.direction.dot(self.normal)
        if facing >= 0:
            return None
        distance = (self.point - ray.origin).dot(self.normal) / facing
        return distance if distance >= EPSILON else None

    def normal_at(self, point):
        return self.normal


class Material:
    def __init__(self, colour, diffuse, specular, reflection):
        self.colour = colour
        self.diffuse = diffuse
        self.specular = specular
        self.reflection = reflection


class Scene:
    def __init__(self):
        self.objects = []
        self.lights = []
        self.eye = Vector(0.0, 1.8, 10.0)
        self.look_at = Vector(0.0, 3.0, 0.0)
        self.ambient = 0.1

    def add(self, shape, material):
        self.objects.append((shape, material))

    def nearest(self, ray):
        best = None
        best_distance = 0.0
        for shape, material in self.objects:
            distance = shape.intersect(ray)
            if distance is not None and (best is None or distance < best_distance):
                best = (shape, material)
                best_distance = distance
        return best, best_distance

    def lit(self, point, light):
        to_light = light - point
        distance = to_light.magnitude()
        hit, hit_distance = self.nearest(Ray(point, to_light))
        return hit is None or hit_distance > distance

    def trace(self, ray, depth):
        hit, distance = self.nearest(ray)
        if hit is None:
            return Vector(0.0, 0.0, 0.0)
        shape, material = hit
        point = ray.point_at(distance)
        normal = shape.normal_at(point)
        intensity = self.ambient
        specular = 0.0
        for light in self.lights:
            if not self.lit(point, light):
                continue
            to_light = (light - point).normalized()
            facing = to_light.dot(normal)
            if facing > 0:
                intensity += facing * material.diffuse
                shine = to_light.reflect_through(normal).dot(ray.direction)
                if shine > 0:
                    shine = shine * shine
                    specular += shine * shine * shine * material.specular
        colour = material.colour.scale(intensity) + Vector(specular, specular, specular)
        if depth < MAX_DEPTH and material.reflection > 0:
            bounce = Ray(point, ray.direction.reflect_through(normal))
            colour = colour + self.trace(bounce, depth + 1).scale(material.reflection)
        return colour

    def render(self, width, height):
        forward = (self.look_at - self.eye).normalized()
        right = forward.cross(Vector(0.0, 1.0, 0.0)).normalized()
        up = right.cross(forward)
        pixels = []
        for row in range(height):
            for column in range(width):
                u = (column - width / 2.0) / width
                v = (height / 2.0 - row) / height
                direction = forward + right.scale(u) + up.scale(v)
                pixels.append(self.trace(Ray(self.eye, direction), 0))
        return pixels


def make_scene():
    scene = Scene()
    scene.add(Sphere(Vector(1.0, 3.0, -10.0), 2.0), Material(Vector(1.0, 1.0, 0.0), 0.7, 0.5, 0.3))
    for index in range(6):
        scene.add(Sphere(Vector(-3.0 + index * 1.5, 2.0 + index * 0.5, -5.0 - index), 0.4 + index * 0.1),
                  Material(Vector(0.2 * index, 0.5, 1.0 - 0.1 * index), 0.6, 0.4, 0.2))
    scene.add(Plane(Vector(0.0, 0.0, 0.0), Vector(0.0, 1.0, 0.0)), Material(Vector(0.6, 0.6, 0.6), 0.8, 0.1, 0.4))
    scene.lights.append(Vector(30.0, 30.0, 10.0))
    scene.lights.append(Vector(-10.0, 100.0, 30.0))
    return scene


def quantise(value):
    return 255 if value >= 1.0 else 0 if value <= 0.0 else int(value * 255)


def main():
    size = 30 if "--quick" in sys.argv[1:] else 100
    start = time.perf_counter()
    pixels = make_scene().render(size, size)
    elapsed = time.perf_counter() - start
    checksum = 0
    for colour in pixels:
        checksum = (checksum * 257 + quantise(colour.x) * 65536 + quantise(colour.y) * 256 + quantise(colour.z)) % 1000000007
    expected = 309321464 if size == 30 else 420529861
    if len(pixels) != size * size or checksum != expected:
        raise SystemExit("raytrace: " + str(len(pixels)) + " pixels with checksum " + str(checksum) + ", expected "
                         + str(size * size) + " with " + str(expected))
    print("#reclaim-bench timed_ms=" + repr(elapsed * 1000.0))


main()
