#!/usr/bin/env python3
"""Prints the symbols of BINARY's read-only data and data that hold the addresses in ADDRESSES
(hexadecimal, one a line, as valgrind's lackey traces them), lowest address first. BASE is where
the binary was loaded (hexadecimal).

scripts/startup-order.sh lists them after the functions, so lld places the data a session reads
side by side: the kernel maps a file's pages a folio at a time, and hot tables scattered among
cold ones (the standard library's 400 KiB of Unicode names) made whole folios of those resident.

Usage: scripts/touched-data-symbols.py BINARY BASE ADDRESSES
"""
import bisect
import subprocess
import sys

# Only these are read from the file a folio at a time: relocated data is all written at start-up
# anyway, and zeroed data is anonymous memory, a page at a time.
DATA_SECTIONS = (".rodata", ".data")


def sections(binary):
    """[(start, end, name)] of the binary's data sections."""
    rows = []
    for line in subprocess.run(["readelf", "-SW", binary], capture_output=True, text=True, check=True).stdout.splitlines():
        fields = line.replace("[ ", "[").split()
        if len(fields) > 6 and fields[0].startswith("[") and fields[1] in DATA_SECTIONS:
            start, size = int(fields[3], 16), int(fields[5], 16)
            rows.append((start, start + size, fields[1]))
    return rows


def data_symbols(binary):
    """Sorted [(address, size, name)] of the binary's data symbols, local ones included."""
    out = subprocess.run(["nm", "-n", "-S", "--defined-only", binary], capture_output=True, text=True, check=True).stdout
    rows = []
    for line in out.splitlines():
        fields = line.split(None, 3)
        if len(fields) == 4 and fields[2] in "rRdDbBvV" and not any(c in fields[3] for c in " ()'"):
            rows.append((int(fields[0], 16), max(int(fields[1], 16), 1), fields[3]))
    return rows


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    binary, base, path = sys.argv[1], int(sys.argv[2], 16), sys.argv[3]
    spans = sections(binary)
    symbols = data_symbols(binary)
    starts = [address for address, _, _ in symbols]
    touched = set()
    with open(path) as addresses:
        for line in addresses:
            try:
                offset = int(line, 16) - base
            except ValueError:
                continue
            if not any(start <= offset < end for start, end, _ in spans):
                continue
            i = bisect.bisect_right(starts, offset) - 1
            if i >= 0 and offset < symbols[i][0] + symbols[i][1]:
                touched.add(i)
    for i in sorted(touched):
        print(symbols[i][2])


if __name__ == "__main__":
    main()
