"""Generates the benchmark's long-layout files: PIs x 40 quarters.
`python3 scripts/make_bench_data.py 1000 target/bench/40k.csv` gives 40,000 rows."""
import random
import sys

pis = int(sys.argv[1])
out = sys.argv[2]
random.seed(42)
polarities = ["up", "down", "band", "none"]
with open(out, "w", newline="") as f:
    f.write("code,title,group,period,value,target,polarity,tolerance\n")
    for i in range(pis):
        pol = polarities[i % 4]
        base = random.uniform(10, 1000)
        target = round(base * random.uniform(0.9, 1.1), 1)
        for k in range(40):
            fy = 2014 + k // 4
            q = k % 4 + 1
            value = round(base * random.uniform(0.8, 1.2), 2)
            f.write(f"PI{i:06d},Indicator number {i} measured quarterly,Group {i % 10},Q{q} {fy}/{(fy + 1) % 100:02d},{value},{target},{pol},5%\n")
