# Generates a realistic history CSV for the CSV measurements (Docs/CSV.md): 100 queues x 35 040
# quarter-hour intervals (one year) of queue,timestamp,volume,aht; about 119 MB. Seeded: the same file each run.
import datetime, math, random, sys
out = sys.argv[1] if len(sys.argv) > 1 else "history-100MB.csv"
rnd = random.Random(42)
start = datetime.datetime(2025, 1, 1)
with open(out, "w", newline="") as f:
    f.write("queue,timestamp,volume,aht\n")
    stamps = [(start + datetime.timedelta(minutes=15 * i)).strftime("%Y-%m-%dT%H:%M") for i in range(35040)]
    for q in range(100):
        name = f"q{q:03d}"
        base = 20 + 5 * (q % 17)
        lines = []
        for i, ts in enumerate(stamps):
            tod = (i % 96) / 96
            vol = max(0.0, base * (1 + math.sin(2 * math.pi * (tod - 0.3))) + rnd.gauss(0, 3))
            aht = 240 + rnd.gauss(0, 30)
            lines.append(f"{name},{ts},{vol:.1f},{aht:.2f}\n")
        f.write("".join(lines))
