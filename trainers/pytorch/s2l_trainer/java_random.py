"""java.util.SplittableRandom (JDK 17), bit for bit.

The built-in trainer draws its training windows (lm) and epoch shuffles (classifiers) from a
SplittableRandom seeded with the job's seed; reproducing the generator gives this trainer the very
same data order for the same seed, so the two trainers differ only in their initialisation and
floating-point arithmetic.
"""

_MASK = (1 << 64) - 1
_GOLDEN_GAMMA = 0x9E3779B97F4A7C15


def _signed(value, bits):
    value &= (1 << bits) - 1
    return value - (1 << bits) if value >> (bits - 1) else value


def _mix64(z):
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & _MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & _MASK
    return z ^ (z >> 31)


def _mix32(z):
    z = ((z ^ (z >> 33)) * 0x62A9D9ED799705F5) & _MASK
    return _signed((((z ^ (z >> 28)) * 0xCB24D0A5C88C35B3) & _MASK) >> 32, 32)


class SplittableRandom:
    """The JDK generator for one seed (a Java long): nextLong, nextInt, nextInt(bound), nextDouble."""

    def __init__(self, seed):
        self._seed = seed & _MASK

    def _next_seed(self):
        self._seed = (self._seed + _GOLDEN_GAMMA) & _MASK
        return self._seed

    def next_long(self):
        return _signed(_mix64(self._next_seed()), 64)

    def next_int(self, bound=None):
        r = _mix32(self._next_seed())
        if bound is None:
            return r
        if bound <= 0:
            raise ValueError("bound must be positive")
        m = bound - 1
        if bound & m == 0:
            return r & m
        # RandomSupport.boundedNextInt: reject the over-represented top candidates; the test is
        # Java's int overflow check u + m - r < 0.
        u = (r & 0xFFFFFFFF) >> 1
        while True:
            r = u % bound
            if _signed(u + m - r, 32) >= 0:
                return r
            u = (_mix32(self._next_seed()) & 0xFFFFFFFF) >> 1

    def next_double(self):
        return (_mix64(self._next_seed()) >> 11) * (1.0 / (1 << 53))
