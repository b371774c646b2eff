import statistics as st
data = [2, 4, 4, 4, 5, 5, 7, 9]
print(st.mean(data), st.median(data), st.median_low([1, 3, 5, 7]), st.median_high([1, 3, 5, 7]), st.mode(data), st.multimode([1, 1, 2, 2, 3]))
print(st.pstdev(data), st.pvariance(data), round(st.stdev(data), 12), round(st.variance(data), 12), st.fmean([1, 2, 3, 4]))
print(st.mean([1.5, 2.5]), st.median([3, 1, 2]), st.harmonic_mean([40, 60]), round(st.geometric_mean([1, 2, 4]), 12), st.quantiles([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], n=4))
from fractions import Fraction
print(st.mean([Fraction(1, 2), Fraction(1, 3)]), st.median([1, 2, 3, 4]))
try:
    st.mean([])
except st.StatisticsError as e:
    print(type(e).__name__, e)
try:
    st.stdev([1])
except st.StatisticsError as e:
    print(type(e).__name__, e)
