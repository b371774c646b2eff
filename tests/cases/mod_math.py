import math
print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan, type(math.nan).__name__)
print(math.sqrt(16), math.sqrt(2), math.isqrt(17), math.isqrt(10 ** 30))
print(math.floor(2.7), math.floor(-2.7), math.ceil(2.1), math.ceil(-2.1), math.trunc(-2.7), type(math.floor(2.5)).__name__, math.floor(10 ** 20))
print(math.fabs(-3), math.fmod(7, 3), math.fmod(-7, 3), math.remainder(7, 3), math.copysign(3, -0.0), math.modf(3.75), math.modf(-1.5))
print(math.frexp(8.0), math.ldexp(0.5, 4), math.exp(0), math.exp(1), math.expm1(1e-10), math.log(math.e), math.log(8, 2), math.log(100, 10))
print(math.log10(1000), math.log2(1024), math.log1p(1e-10), math.log(1), math.log(2 ** 1000) , math.log(10 ** 400) > 920)
print(math.pow(2, 10), math.pow(2, 0.5), math.pow(-8, 1), math.pow(0, 0), math.hypot(3, 4), math.hypot(1, 2, 2), math.dist([0, 0], [3, 4]))
print(math.sin(0), math.cos(0), math.tan(0), round(math.sin(math.pi / 2), 12), round(math.cos(math.pi), 12), math.atan(1) * 4, math.atan2(1, 1), math.atan2(-0.0, -1))
print(math.asin(1), math.acos(1), math.sinh(0), math.cosh(0), math.tanh(0), math.asinh(0), math.acosh(1), math.atanh(0))
print(math.degrees(math.pi), math.radians(180), math.factorial(0), math.factorial(20), math.factorial(30))
print(math.gcd(12, 18), math.gcd(0, 5), math.gcd(-4, 6), math.gcd(), math.gcd(12, 18, 8), math.lcm(4, 6), math.lcm(4, 6, 10), math.lcm())
print(math.comb(10, 3), math.comb(5, 7), math.perm(5, 2), math.perm(5), math.prod([1, 2, 3, 4]), math.prod([]), math.prod([2, 3], start=10))
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.fsum([1e100, 1, -1e100]), math.isfinite(1), math.isfinite(math.inf), math.isinf(math.inf), math.isnan(math.nan))
print(math.isclose(1.0, 1.0 + 1e-10), math.isclose(1, 2), math.erf(0), math.erfc(0), math.gamma(5), math.lgamma(1), math.ulp(1.0), math.nextafter(1.0, 2.0))
errors = [
    lambda: math.sqrt(-1), lambda: math.log(0), lambda: math.log(-1), lambda: math.acos(2), lambda: math.factorial(-1),
    lambda: math.factorial(1.5), lambda: math.exp(1000), lambda: math.pow(0, -1), lambda: math.isqrt(-1), lambda: math.comb(-1, 2),
    lambda: math.fmod(1, 0), lambda: math.log(1, 1), lambda: math.sqrt("4"), lambda: math.gcd(1.5, 2), lambda: math.ldexp(1, 10000),
    lambda: math.lgamma(0), lambda: math.atanh(1), lambda: math.floor("x"), lambda: math.cosh(1000),
]
for fn in errors:
    try:
        print("no error", fn())
    except (ValueError, TypeError, OverflowError, ZeroDivisionError) as e:
        print(type(e).__name__, e)
print(math.floor(-0.0), math.ceil(-0.5), math.copysign(0.0, -1), math.fabs(-0.0), math.trunc(1e20))
class F:
    def __floor__(self): return "floored"
    def __ceil__(self): return "ceiled"
    def __trunc__(self): return "trunced"
print(math.floor(F()), math.ceil(F()), math.trunc(F()))
print(math.sqrt(10 ** 100), math.sqrt(True), math.exp(-1000), math.log(1e-300), math.sumprod([1, 2], [3, 4]) if hasattr(math, "sumprod") else 11)
