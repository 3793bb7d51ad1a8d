#!/usr/bin/env python3
"""Offline cross-check, no JVM: run independent_activation.handle() on every fixture case and dialect
(primary presentation only) and compare bit for bit with the fixture's correctly rounded value.
Prints every mismatch (case id, dialect, value|derivative, params, [(x, expected, got)]).

  python3 examples/independent-mpmath/check_against_fixtures.py [f1,f2,...]
  FIXDIR=/tmp/f16/ python3 .../check_against_fixtures.py   # other fixtures (e.g. exhaustive ones)
"""
import json, sys, os, math, struct, glob
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import independent_activation as ia
D = os.environ.get('FIXDIR', os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'fixtures', 'src', 'main', 'resources', 'org', 'activationtck', 'fixtures', 'cases', ''))
funcs = sys.argv[1].split(',') if len(sys.argv) > 1 and sys.argv[1] else None
def bits(v):
    if v != v: return 'nan'
    return struct.pack('>d', v)
def parse(s):
    return {'NaN': float('nan'), 'Infinity': float('inf'), '-Infinity': float('-inf')}.get(s) if s in ('NaN','Infinity','-Infinity') else float(s)
nbad = 0; ncheck = 0
for path in sorted(glob.glob(D + '*.json')):
    fx = json.load(open(path))
    fn = fx['function']
    if funcs and fn not in funcs: continue
    for c in fx['cases']:
        xs = [x['dec'] for x in c['x']]
        for dialect in c['dialects']:
            for deriv, key in ((False, 'value'), (True, 'derivative')):
                if key not in c or c[key] is None: continue
                req = {'id': 1, 'function': fn, 'dialect': dialect, 'params': c.get('params') or {},
                       'dtype': c['dtype'], 'derivative': deriv, 'x': xs, 'shape': [len(xs)], 'axis': -1}
                exp = [parse(e[c['dtype']]) for e in c[key]]
                if c['dtype'] != 'float64': exp = [ia.round_float(v, c['dtype']) for v in exp]
                try:
                    got = ia.handle(req)
                except Exception as e:
                    got = repr(e)
                ncheck += 1
                if isinstance(got, str) or len(got) != len(exp) or any(bits(a) != bits(b) for a, b in zip(got, exp)):
                    nbad += 1
                    if isinstance(got, list):
                        diffs = [(x, e, g) for x, e, g in zip(xs, exp, got) if bits(e) != bits(g)] if len(got)==len(exp) else 'len'
                    else:
                        diffs = got
                    print(c['id'], dialect, key, c.get('params'), str(diffs)[:300])
print('checked', ncheck, 'mismatches', nbad, file=sys.stderr)
