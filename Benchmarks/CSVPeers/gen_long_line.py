# A 100 MB single line after a header (a garbage row, or a file whose line breaks are lost).
import sys
out = sys.argv[1] if len(sys.argv) > 1 else "longline-100MB.csv"
with open(out, "w") as f:
    f.write("timestamp,volume,aht\n")
    f.write("2025-01-01T00:00,12.5,240.25 " * 3_500_000)
    f.write("\n")
