# An n-body-style float loop: five bodies attract each other (lists of floats,
# updated in place), stepped forward in time; prints the energy before and after.
def energy(bodies):
    e = 0.0
    for i in range(len(bodies)):
        x, y, z, vx, vy, vz, m = bodies[i]
        e += 0.5 * m * (vx * vx + vy * vy + vz * vz)
        for j in range(i + 1, len(bodies)):
            x2, y2, z2 = bodies[j][0], bodies[j][1], bodies[j][2]
            dx, dy, dz = x - x2, y - y2, z - z2
            e -= m * bodies[j][6] / (dx * dx + dy * dy + dz * dz) ** 0.5
    return e


def advance(bodies, dt, steps):
    n = len(bodies)
    for _ in range(steps):
        for i in range(n):
            b1 = bodies[i]
            for j in range(i + 1, n):
                b2 = bodies[j]
                dx, dy, dz = b1[0] - b2[0], b1[1] - b2[1], b1[2] - b2[2]
                d2 = dx * dx + dy * dy + dz * dz
                mag = dt / (d2 * d2 ** 0.5)
                m1, m2 = b1[6] * mag, b2[6] * mag
                b1[3] -= dx * m2
                b1[4] -= dy * m2
                b1[5] -= dz * m2
                b2[3] += dx * m1
                b2[4] += dy * m1
                b2[5] += dz * m1
        for b in bodies:
            b[0] += dt * b[3]
            b[1] += dt * b[4]
            b[2] += dt * b[5]


bodies = [[0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 39.47],
          [4.84, -1.16, -0.10, 0.61, 2.81, -0.02, 0.037],
          [8.34, 4.12, -0.40, -1.01, 1.82, 0.008, 0.011],
          [12.89, -15.11, -0.22, 1.08, 0.87, -0.01, 0.0017],
          [15.37, -25.91, 0.17, 0.97, 0.59, -0.03, 0.002]]
print(f'{energy(bodies):.9f}')
advance(bodies, 0.01, 80000)
print(f'{energy(bodies):.9f}')
