#!/usr/bin/env python3
"""Differential test of the validation pillar against independent implementations (test tools only):

* resident ID numbers vs python-stdnum `cn.ric`
* unified social credit codes vs python-stdnum `cn.uscc`
* GTIN-8/12/13/14 vs python-stdnum `ean`
* mobile numbers vs Google's `phonenumbers` (validity as a mobile number, and the carrier)

Large random samples, valid and corrupted, go through `examples/validate_lines.rs` in one process. Every
disagreement fails the run, except the deliberate differences listed in DELIBERATE below, which are counted and
printed. Exit status 0 = agreement.

Run: target/pyenv/bin/python tests/differential/validation.py [--n 20000] [--seed 1]
(builds the example with `cargo build --example validate_lines --no-default-features --features validation`;
set CARGO_TARGET_DIR to share a target directory)
"""
import argparse
import collections
import json
import os
import random
import re
import subprocess
import sys

import phonenumbers
from phonenumbers import carrier as pn_carrier
from phonenumbers import PhoneNumberType
import stdnum
from stdnum import ean
from stdnum.cn import ric, uscc

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
TODAY = '2026-05-01'
ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
DELIBERATE = {
    'ric-county-period': 'stdnum checks that the county code existed in the birth year; mallcare accepts any code '
                         'that ever existed (an ID keeps the code it was issued with, and people born before a county '
                         'was created get its code)',
    'ric-future-birth': 'mallcare rejects a birth date after `today` (stdnum has no today)',
    'ric-stdnum-crash': 'stdnum raises KeyError (not a validation error) for some codes without county data',
    'uscc-org-check': 'STRICTER: mallcare verifies the embedded GB 11714 organisation code check character; '
                      'stdnum does not',
    'uscc-authority-type-region': 'STRICTER: mallcare checks the registration authority, organisation type and '
                                  'region code; stdnum does not',
    'uscc-letter-authority': 'mallcare accepts the letter authority codes of GB 32100 (A, N, Y); stdnum requires '
                             'digits in positions 1-8',
    'mobile-data-only': 'mallcare rejects data-only segments 145/147 by default (allowDataOnly accepts them); '
                        'phonenumbers treats them as mobile',
}


def load_regions():
    """(code, start, end) from stdnum's loc.dat, the year range of each county code."""
    path = os.path.join(os.path.dirname(stdnum.__file__), 'cn', 'loc.dat')
    out = []
    prov = None
    for line in open(path, encoding='utf-8'):
        if line.startswith('#') or not line.strip():
            continue
        m = re.match(r'^(\s*)(\d+)\s+(\w+)="(.*)"', line)
        if not m:
            continue
        if not m.group(1):
            prov = m.group(2)
            continue
        code = prov + m.group(2)
        for part in m.group(4).split(','):
            r = re.match(r'\[(\d*)-(\d*)\]', part)
            start, end = (int(r.group(1) or 0), int(r.group(2) or 9999)) if r else (0, 9999)
            out.append((code, start, end))
    return out


def ric_check(first17):
    return ric.calc_check_digit(first17 + '0')


def gen_ids(rng, n, regions):
    out = []
    for i in range(n):
        code, start, end = rng.choice(regions)
        lo, hi = max(1900, start), min(2025, end)
        year = rng.randint(lo, hi) if lo <= hi else rng.randint(1930, 2020)
        month, day = rng.randint(1, 12), rng.randint(1, 28)
        body = f'{code}{year:04d}{month:02d}{day:02d}{rng.randint(0, 999):03d}'
        num = body + ric_check(body)
        kind = i % 6
        if kind == 1:  # one digit changed
            p = rng.randrange(17)
            num = num[:p] + str((int(num[p]) + rng.randint(1, 9)) % 10) + num[p + 1:]
        elif kind == 2:  # random check character
            num = body + rng.choice('0123456789X')
        elif kind == 3:  # random date, right check
            body = f'{code}{rng.randint(1890, 2035):04d}{rng.randint(0, 13):02d}{rng.randint(0, 32):02d}{rng.randint(0, 999):03d}'
            num = body + ric_check(body)
        elif kind == 4:  # random region, right check
            body = f'{rng.randint(100000, 999999)}{body[6:]}'
            num = body + ric_check(body)
        elif kind == 5:  # lower-case x (both normalise)
            num = num.lower()
        out.append(num)
    return out


def org_check(body):
    w = [3, 7, 9, 10, 5, 8, 4, 2]
    s = sum((int(c) if c.isdigit() else ord(c) - 55) * k for c, k in zip(body, w))
    c = 11 - s % 11
    return 'X' if c == 10 else '0' if c == 11 else str(c)


TYPES = {'1': '1239', '2': '19', '3': '123459', '4': '19', '5': '1239', '6': '129', '7': '129', '8': '19', '9': '123'}
PROVINCES = [11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54,
             61, 62, 63, 64, 65]


def gen_usccs(rng, n):
    out = []
    for i in range(n):
        a = rng.choice(list(TYPES))
        region = f'{rng.choice(PROVINCES)}{rng.randint(0, 9999):04d}'
        org = ''.join(rng.choice('0123456789ABCDEFGHJKLMNPQRTUWXY') for _ in range(8))
        body = a + rng.choice(TYPES[a]) + region + org + org_check(org)
        kind = i % 5
        if kind == 1:  # random organisation code check character
            body = body[:16] + rng.choice(ALPHABET)
        elif kind == 2:  # completely random 17 characters from the alphabet, digits first
            body = ''.join(rng.choice('0123456789') for _ in range(8)) + ''.join(rng.choice(ALPHABET) for _ in range(9))
        code = body + uscc.calc_check_digit(body + '0')
        if kind == 3:  # one character changed
            p = rng.randrange(18)
            code = code[:p] + rng.choice([c for c in ALPHABET if c != code[p]]) + code[p + 1:]
        elif kind == 4 and i % 10 == 4:  # lower case
            code = code.lower()
        out.append(code)
    return out


def gen_gtins(rng, n):
    out = []
    for i in range(n):
        length = rng.choice([8, 12, 13, 14, 11, 15])
        body = ''.join(rng.choice('0123456789') for _ in range(length - 1))
        code = body + (ean.calc_check_digit(body) if i % 2 == 0 else rng.choice('0123456789'))
        out.append(code)
    return out


def gen_mobiles(rng, n):
    out = []
    for i in range(n):
        prefix = rng.randint(130, 199)
        num = f'{prefix}{rng.randint(0, 99999999):08d}'
        kind = i % 4
        if kind == 1:
            num = '+86 ' + num[:3] + ' ' + num[3:7] + ' ' + num[7:]
        elif kind == 2:
            num = num[:rng.randint(9, 10)] if i % 8 == 2 else num + str(rng.randint(0, 9))
        out.append(num)
    return out


def stdnum_ric(num):
    try:
        return ric.is_valid(num), None
    except Exception:  # noqa: BLE001 - stdnum's KeyError on missing county data
        return False, 'ric-stdnum-crash'


def classify_ric(num, ours, theirs_ok, regions_by_code):
    compact = num.upper()
    if ours['ok'] and not theirs_ok and compact[:6] in regions_by_code:
        # only when stdnum's own checksum and date checks pass, i.e. it rejected the place for the birth year
        try:
            ric.get_birth_date(compact)
            if ric.calc_check_digit(compact) == compact[-1]:
                return 'ric-county-period'
        except Exception:  # noqa: BLE001
            return None
    if not ours['ok'] and theirs_ok and ours['codes'] == ['ID_CARD_BIRTH_DATE_FUTURE']:
        return 'ric-future-birth'
    return None


def classify_uscc(code, ours, theirs_ok):
    if not ours['ok'] and theirs_ok:
        codes = set(ours['codes'])
        if codes <= {'USCC_ORGANISATION_CODE_CHECKSUM', 'USCC_AUTHORITY_UNKNOWN', 'USCC_TYPE_UNKNOWN',
                     'USCC_REGION_INVALID'}:
            return 'uscc-org-check' if codes == {'USCC_ORGANISATION_CODE_CHECKSUM'} else 'uscc-authority-type-region'
    if ours['ok'] and not theirs_ok and not code[:8].isdigit():
        return 'uscc-letter-authority'
    return None


CARRIERS = {'China Mobile': 'chinaMobile', 'China Unicom': 'chinaUnicom', 'China Telecom': 'chinaTelecom',
            'China Broadnet': 'broadnet'}


def phone_oracle(text):
    digits = re.sub(r'[^0-9]', '', text)
    if text.startswith('+86'):
        digits = digits[2:]
    try:
        n = phonenumbers.parse('+86' + digits)
    except phonenumbers.NumberParseException:
        return False, None
    ok = phonenumbers.is_valid_number(n) and phonenumbers.number_type(n) in (
        PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE) and len(digits) == 11 and digits[0] == '1'
    return ok, CARRIERS.get(pn_carrier.name_for_number(n, 'en')) if ok else None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--n', type=int, default=20000, help='samples per kind')
    ap.add_argument('--seed', type=int, default=1)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    env = dict(os.environ)
    env.setdefault('CARGO_TARGET_DIR', os.path.join(ROOT, 'target', 'h-validation'))
    subprocess.run(['cargo', 'build', '-q', '--example', 'validate_lines', '--no-default-features', '--features',
                    'validation'], cwd=ROOT, env=env, check=True)
    exe = os.path.join(env['CARGO_TARGET_DIR'], 'debug', 'examples', 'validate_lines')

    regions = load_regions()
    regions_by_code = {c for c, _, _ in regions}
    samples = [('idCard', s) for s in gen_ids(rng, args.n, regions)]
    samples += [('uscc', s) for s in gen_usccs(rng, args.n)]
    samples += [('gtin', s) for s in gen_gtins(rng, args.n)]
    samples += [('mobile', s) for s in gen_mobiles(rng, args.n)]
    text = ''.join(f'{k}\t{v}\n' for k, v in samples)
    res = subprocess.run([exe, '--today', TODAY], input=text, capture_output=True, text=True, check=True)
    verdicts = [json.loads(line) for line in res.stdout.splitlines()]
    assert len(verdicts) == len(samples), (len(verdicts), len(samples))

    counts = collections.Counter()
    deliberate = collections.Counter()
    failures = []
    for (kind, value), ours in zip(samples, verdicts):
        counts[kind] += 1
        why = None
        if kind == 'idCard':
            theirs, crash = stdnum_ric(value)
            agree = ours['ok'] == theirs
            why = crash if not agree and crash else (None if agree else classify_ric(value, ours, theirs, regions_by_code))
            if agree and ours['ok'] and ours['value']['number'] != ric.compact(value):
                agree, why = False, None
        elif kind == 'uscc':
            theirs = uscc.is_valid(value)
            agree = ours['ok'] == theirs
            why = None if agree else classify_uscc(value.upper(), ours, theirs)
        elif kind == 'gtin':
            theirs = ean.is_valid(value)
            agree = ours['ok'] == theirs
        else:
            theirs, their_carrier = phone_oracle(value)
            agree = ours['ok'] == theirs
            if not agree and not ours['ok'] and ours['codes'] == ['MOBILE_DATA_ONLY']:
                why = 'mobile-data-only'
            if agree and ours['ok'] and their_carrier and ours['value']['carrier'] != their_carrier:
                agree, why = False, None
                value = f'{value} (carrier {ours["value"]["carrier"]} vs {their_carrier})'
        if not agree:
            if why:
                deliberate[why] += 1
            else:
                failures.append(f'{kind} {value!r}: mallcare {ours}, oracle {theirs}')

    total = sum(counts.values())
    print(f'differential validation: {total} samples ({dict(counts)})')
    for key, n in sorted(deliberate.items()):
        print(f'  deliberate difference {key}: {n} — {DELIBERATE[key]}')
    if failures:
        print(f'{len(failures)} DISAGREEMENTS, first 30:')
        for f in failures[:30]:
            print('  ' + f)
        return 1
    print('no other disagreement')
    return 0


if __name__ == '__main__':
    sys.exit(main())
