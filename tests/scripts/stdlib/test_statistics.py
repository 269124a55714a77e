import statistics
from statistics import (mean, fmean, median, median_low, median_high, median_grouped,
                        mode, multimode, stdev, pstdev, variance, pvariance, quantiles,
                        harmonic_mean, geometric_mean, StatisticsError)
import random

datasets = [
    [1, 2, 3, 4, 4],
    [2.75, 1.75, 1.25, 0.25, 0.5, 1.25, 3.5],
    [1.5, 2.5, 2.5, 2.75, 3.25, 4.75],
    [0.0, 0.25, 0.25, 1.25, 1.5, 1.75, 2.75, 3.25],
    [1, 3],
    [5, 5, 5],
    [0.1, 0.2, 0.3],
    [1e50, 1, -1e50],
    [10, 20, 30, 40],
    [True, 2, 3],
    [-7, 3, 12, 4, 4, 100, -2],
    [1.1, 2.2, 3.3, 4.4, 5.5, 6.6],
]
rng = random.Random(5)
for i in range(6):
    datasets.append([rng.randint(-1000, 1000) for j in range(rng.randint(2, 25))])
    datasets.append([rng.uniform(-50, 50) for j in range(rng.randint(2, 25))])
    datasets.append([round(rng.gauss(100, 15), 2) for j in range(rng.randint(2, 25))])

for data in datasets:
    print("data", data)
    print("  mean", repr(mean(data)), "fmean", repr(fmean(data)))
    print("  median", repr(median(data)), repr(median_low(data)), repr(median_high(data)),
          repr(median_grouped(data)), repr(median_grouped(data, 2)))
    print("  mode", repr(mode(data)), multimode(data))
    print("  variance", repr(variance(data)), repr(pvariance(data)))
    print("  stdev", repr(stdev(data)), repr(pstdev(data)))
    print("  quantiles", quantiles(data), quantiles(data, n=10), quantiles(data, n=3, method="inclusive"))
    m = mean(data)
    print("  with mean", repr(variance(data, m)), repr(pstdev(data, m)))
    if min(data) > 0:
        print("  harmonic", repr(harmonic_mean(data)), "geometric", repr(geometric_mean(data)))

print(mode(["red", "blue", "red", "green", "blue"]), multimode("aabbbbccddddeeffffgg"), multimode([]))
print(mean([1, 2, 3]), type(mean([1, 2, 3])).__name__, mean([1, 2]), median([3, 1, 2]), median([1, 2, 3, 4]))
print(harmonic_mean([40, 60]), harmonic_mean([40, 60], weights=[5, 30]), harmonic_mean([5]), harmonic_mean([0, 5]))
print(fmean([3.5, 4.0, 5.25]), fmean([1, 2, 3], weights=[0.25, 0.25, 0.5]), fmean(iter([1, 2])))
print(statistics.covariance([1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 1, 2, 3, 1, 2, 3]))
print(statistics.correlation([1, 2, 3, 4, 5, 6, 7, 8, 9], [9, 8, 7, 6, 5, 4, 3, 2, 1]))
print(statistics.correlation([1, 2, 3, 4], [2, 4, 5, 9]))
lr = statistics.linear_regression([1, 2, 3, 4, 5], [3, 5, 7, 10, 11])
print(lr, lr.slope, lr.intercept)
print(statistics.linear_regression([1, 2, 3], [2, 4, 6.5], proportional=True))
print(quantiles([1, 2], n=4), quantiles(range(1, 101), n=4), quantiles([5, 1], n=1))
print(mean(x / 10 for x in range(1, 11)), stdev(iter([1, 2, 3, 4])), variance(range(10)))
print(pvariance([1, 2, 3, 4, 5, 6]), pvariance([0.5, 1.5]), variance([2, 4, 4, 4, 5, 5, 7, 9]))
print(pstdev([2, 4, 4, 4, 5, 5, 7, 9]), stdev([1e-300, 2e-300, 3e-300]), pstdev([1e200, 3e200]))
print(mean([1.0, float("inf")]), variance([float("nan"), 1.0]))

for call in [lambda: mean([]), lambda: fmean([]), lambda: median([]), lambda: mode([]),
             lambda: stdev([1]), lambda: variance([2]), lambda: pstdev([]), lambda: pvariance([]),
             lambda: quantiles([1]), lambda: quantiles([1, 2], n=0),
             lambda: quantiles([1, 2], method="x"), lambda: harmonic_mean([-1, 2]),
             lambda: geometric_mean([0, 1]), lambda: mean(["a", "b"]),
             lambda: stdev([1.0, float("inf")]), lambda: statistics.correlation([1, 1], [1, 2]),
             lambda: statistics.covariance([1], [1]), lambda: median_low([])]:
    try:
        print("no error", call())
    except (StatisticsError, ValueError, TypeError, AttributeError) as e:
        print(type(e).__name__ + ":", e)
print(issubclass(StatisticsError, ValueError))
