"""Run every benchmark, each in its own process (each sets up its own throwaway database).

    EARLYHELP_ENV=test .venv/bin/python -m bench [--quick]

--quick runs the search benchmark at 10,000 services instead of 100,000 and casework at
500,000 concerns instead of 5,000,000. The PostgreSQL runs need the test server
(`scripts/pg-test-server start`).
Attendance builds its county with synth-attendance (10,000 pupils with --quick).
"""

import argparse
import subprocess
import sys


def main() -> None:
    parser = argparse.ArgumentParser(description="Run every benchmark under bench/.")
    parser.add_argument("--quick", action="store_true", help="smaller data sets")
    args = parser.parse_args()
    services = "10000" if args.quick else "100000"
    concerns = "500000" if args.quick else "5000000"
    runs = [
        ["bench.search", "--services", services],
        ["bench.search", "--services", services, "--postgres"],
        ["bench.offer_page"],
        ["bench.import_offer"],
        ["bench.casework", "--postgres", "--concerns", concerns],
        ["bench.load"],
        ["bench.attendance", "--pupils", "10000" if args.quick else "100000"],
        ["bench.la_home"],
    ]
    failed = 0
    for run in runs:
        print(f"\n$ python -m {' '.join(run)}", flush=True)
        failed += subprocess.run([sys.executable, "-m", *run], check=False).returncode != 0
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
