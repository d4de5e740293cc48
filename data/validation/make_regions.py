#!/usr/bin/env python3
"""Builds regions.bin: every county-level administrative division code (GB/T 2260) that ever existed, as used in
the first six digits of resident ID numbers.

Source: python-stdnum's stdnum/cn/loc.dat (itself compiled from the Wikipedia lists of administrative division
codes). Only the six-digit codes are kept (no names, no year ranges): an ID number keeps the code of the place it was
first issued in even after that county is abolished or renamed, so a code that ever existed is accepted.

Encoding: the sorted codes as unsigned LEB128 varints of the difference to the previous code (the first one to 0).
Run: python3 data/validation/make_regions.py  (needs `pip install python-stdnum`)
"""
import os
import re

import stdnum

src = os.path.join(os.path.dirname(stdnum.__file__), 'cn', 'loc.dat')
codes = set()
province = None
for line in open(src, encoding='utf-8'):
    if line.startswith('#') or not line.strip():
        continue
    m = re.match(r'^(\s*)(\d+)', line)
    if not m:
        continue
    if not m.group(1):
        province = m.group(2)
        codes.add(int(province + '0000'))
    elif province is not None:
        codes.add(int(province + m.group(2)))
out = bytearray()
prev = 0
for code in sorted(codes):
    d = code - prev
    prev = code
    while d >= 0x80:
        out.append((d & 0x7F) | 0x80)
        d >>= 7
    out.append(d)
here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, 'regions.bin'), 'wb') as f:
    f.write(out)
print(f'{len(codes)} codes, {len(out)} bytes (python-stdnum {stdnum.__version__})')
