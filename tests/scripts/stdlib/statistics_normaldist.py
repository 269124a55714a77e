# statistics.NormalDist: the whole public API.
from statistics import NormalDist, StatisticsError

d = NormalDist(100, 15)
print(d, repr(NormalDist()), NormalDist(1, 0))
print(d.mean, d.median, d.mode, d.stdev, d.variance)
print(d.pdf(100), d.pdf(130.5), d.cdf(100), d.cdf(115), d.cdf(70))
print(d.inv_cdf(0.5), d.inv_cdf(0.975), d.inv_cdf(0.001), d.inv_cdf(1e-12))
print(d.quantiles(), d.quantiles(n=10))
print(NormalDist().quantiles(5))
print(d.zscore(130), d.zscore(85))
print(NormalDist(2.4, 1.6).overlap(NormalDist(3.2, 2.0)))
print(NormalDist(0, 1).overlap(NormalDist(1, 1)), d.overlap(d))
print(NormalDist.from_samples([2.5, 3.1, 2.1, 2.4, 2.7, 3.5]))
print(NormalDist.from_samples(range(10)))
print(d.samples(4, seed=42))
print(d.samples(2, seed='x') == d.samples(2, seed='x'), len(d.samples(5)))
print(d + 10, 10 + d, d - 10, 10 - d, d * 2, 2 * d, d / 3, d * -2)
print(-d, +d, +d is d)
a = NormalDist(10, 3)
b = NormalDist(4, 4)
print(a + b, a - b, b - a)
print(d == NormalDist(100, 15), d == NormalDist(100, 16), d != 3, d == 100)
print(hash(d) == hash(NormalDist(100.0, 15.0)), len({d, NormalDist(100, 15)}))
print(NormalDist.__slots__ if isinstance(NormalDist.__slots__, dict) else '?')
for label, fn in [
        ('negative sigma', lambda: NormalDist(0, -1)),
        ('pdf', lambda: NormalDist(1, 0).pdf(1)),
        ('cdf', lambda: NormalDist(1, 0).cdf(1)),
        ('inv_cdf 0', lambda: d.inv_cdf(0)),
        ('inv_cdf 1', lambda: d.inv_cdf(1.0)),
        ('inv_cdf sigma 0', lambda: NormalDist(1, 0).inv_cdf(0.5)),
        ('zscore', lambda: NormalDist(1, 0).zscore(2)),
        ('overlap', lambda: NormalDist(1, 0).overlap(d)),
        ('overlap type', lambda: d.overlap(5)),
        ('from_samples', lambda: NormalDist.from_samples([1])),
]:
    try:
        fn()
    except (StatisticsError, TypeError) as exc:
        print(label, type(exc).__name__, exc)


class MyDist(NormalDist):
    pass


print(MyDist(1, 2), MyDist.from_samples([1, 2, 3]), type(MyDist.from_samples([1, 2])).__name__)
