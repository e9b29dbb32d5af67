#!/usr/bin/env python3
"""Reed-Solomon and GF(2^m) test vectors for org.mosaic.datapath.fec, from independent implementations.

Produces rs_vectors.json (next to this script), read by ReedSolomonVectorsTest and GaloisFieldTest.

How to rerun (from this directory):
    pip install --no-index --find-links /opt/pypi/files reedsolo galois   # reedsolo 1.7.0, galois 0.4.11
    python3 generate_vectors.py
The output is deterministic (random.Random(20240611) drives every draw); rerunning reproduces the file byte for
byte as long as the libraries give the same answers.

Libraries (the ONLY arithmetic used; this script does no field or RS arithmetic of its own apart from XOR):
  * reedsolo 1.7.0 (pure-Python module; RSCodec(nsym, nsize, fcr=0, prim, generator=2, c_exp=m)) produces every
    codeword and every decoding outcome in the file.
  * galois 0.4.11 (numba-based) cross-checks: the primitivity table, the generator polynomials, every codeword
    (galois.ReedSolomon(2^m-1, 2^m-1-(n-k), field=GF(2^m, irreducible_poly=prim), alpha=x, c=0, systematic=True),
    shortened by giving it k-symbol messages and n-symbol words), and every
    decoding outcome that galois reports the same way (CLEAN/CORRECTED words must decode to the same codeword,
    UNCORRECTABLE must be reported by both). The script stops if the two libraries disagree.

Conventions checked here, and why no transformation is needed:
  * Symbol order: reedsolo and galois both write polynomials highest power first, message first, parity last
    (rs_encode_msg appends the remainder after the message), which is the contract's order (index 0 = x^(n-1),
    message at 0..k-1). Asserted below: codeword[:k] == message.
  * Generator: reedsolo's rs_generator_poly(nsym, fcr=0, generator=2) = prod_{i<nsym} (x - 2^i), i.e. roots
    alpha^0 .. alpha^(nsym-1) with alpha = x (the integer 2): first consecutive root alpha^0, as the contract.
  * Shortened codes (KP4 n=544, KR4 n=528 < 1023): reedsolo encodes without padding (equivalent to leading zero
    symbols) and its Chien search (rs_find_errors) scans only the len(word) positions, so a root outside the
    shortened range makes it raise "Too many (or few) errors" - the same detection rule as our decoder.
  * Decoding outcome: reedsolo raises ReedSolomonError when the BM locator degree exceeds nsym/2, when the
    Chien search finds a different number of roots, or when the corrected word still has nonzero syndromes.
    We record UNCORRECTABLE for an exception, CLEAN when the output equals the input, else CORRECTED with the
    (position, value) pairs by which the output differs from the input (ascending positions).

File layout (JSON):
  primitivity: [{m, polynomial, primitive}] for every polynomial of degree m with constant term 1, m = 2..9,
               plus the standard polynomial table for m = 2..16 (galois Poly.is_primitive()).
  codes: [{name, m, primitivePolynomial, n, k, generator (highest power first),
           words: [{message, codeword, cases: [{errorPositions, errorValues, status,
                                                correctionPositions, correctionValues}]}]}]
"""
import json
import os
import random

import reedsolo

try:
    import galois
    import numpy as np
except ImportError:  # the cross-check is skipped (and the file says so) when galois is missing
    galois = None

SEED = 20240611
STANDARD = {2: 0x7, 3: 0xB, 4: 0x13, 5: 0x25, 6: 0x43, 7: 0x89, 8: 0x11D, 9: 0x211, 10: 0x409, 11: 0x805,
            12: 0x1053, 13: 0x201B, 14: 0x4443, 15: 0x8003, 16: 0x1100B}

# name, m, primitive polynomial, n, k, error weights per message (beyond-t weights test detection/miscorrection)
CODES = [
    ("KP4 RS(544,514)", 10, 0x409, 544, 514, [1, 2, 7, 14, 15, 15, 16, 17, 20, 25, 30, 31]),
    ("KR4 RS(528,514)", 10, 0x409, 528, 514, [1, 3, 6, 7, 7, 8, 9, 12, 14, 15]),
    ("RS(255,223) GF(2^8)", 8, 0x11D, 255, 223, [1, 5, 16, 16, 17, 18, 24, 32, 33]),
    # a short code where decoding beyond t miscorrects often, so the file holds real miscorrections
    ("RS(15,9) GF(2^4)", 4, 0x13, 15, 9, [1, 2, 3, 3] + [4] * 12 + [5] * 8 + [6] * 4 + [7] * 2),
]


def rs_outcome(codec, received):
    try:
        _, full, _ = codec.decode(list(received))
    except reedsolo.ReedSolomonError:
        return "UNCORRECTABLE", [], []
    full = [int(v) for v in full]
    diff = [(i, full[i] ^ received[i]) for i in range(len(received)) if full[i] != received[i]]
    if not diff:
        return "CLEAN", [], []
    return "CORRECTED", [p for p, _ in diff], [v for _, v in diff]


def galois_check(code, received, status, corr_pos, corr_val):
    decoded, nerr = code.decode(code.field(received), output="codeword", errors=True)
    decoded = [int(v) for v in decoded]
    if status == "UNCORRECTABLE":
        assert nerr == -1, ("galois corrected a word reedsolo rejects", nerr)
        return
    expected = list(received)
    for p, v in zip(corr_pos, corr_val):
        expected[p] ^= v
    assert nerr >= 0 and decoded == expected, ("galois and reedsolo disagree", status, nerr)


def patterns(rng, n, k, weights, m):
    """(positions, values) patterns: the listed random weights plus edge cases (first, last, parity, bursts)."""
    t = (n - k) // 2
    out = [([], [])]
    for w in weights:
        pos = sorted(rng.sample(range(n), w))
        out.append((pos, [rng.randrange(1, 1 << m) for _ in pos]))
    out.append(([0], [1]))                                                  # first symbol, one bit
    out.append(([n - 1], [(1 << m) - 1]))                                   # last parity symbol, all bits
    out.append((list(range(k, k + t)), [rng.randrange(1, 1 << m) for _ in range(t)]))  # t errors in parity
    out.append((list(range(n - t - 1, n)), [rng.randrange(1, 1 << m) for _ in range(t + 1)]))  # burst t+1
    return out


def main():
    rng = random.Random(SEED)
    doc = {"generatedBy": "generate_vectors.py (reedsolo %s%s), seed %d" % (
        "1.7.0", ", cross-checked with galois " + galois.__version__ if galois else ", galois cross-check SKIPPED",
        SEED)}

    prim = []
    if galois is not None:
        for m in range(2, 10):
            for p in range(1 << m, 2 << m):
                if p & 1:
                    prim.append({"m": m, "polynomial": p, "primitive": bool(galois.Poly.Int(p).is_primitive())})
        for m in range(10, 17):
            assert galois.Poly.Int(STANDARD[m]).is_primitive(), m
            prim.append({"m": m, "polynomial": STANDARD[m], "primitive": True})
        for m in range(2, 10):
            assert galois.Poly.Int(STANDARD[m]).is_primitive(), m
    doc["primitivity"] = prim

    codes = []
    for name, m, poly, n, k, weights in CODES:
        nsym = n - k
        codec = reedsolo.RSCodec(nsym, n, fcr=0, prim=poly, generator=2, c_exp=m)
        gen = [int(v) for v in codec.gen[nsym]]
        gcode = None
        if galois is not None:
            field = galois.GF(2 ** m, irreducible_poly=galois.Poly.Int(poly))
            full = (1 << m) - 1  # galois builds the full-length cyclic code; a shorter input shortens it
            gcode = galois.ReedSolomon(full, full - nsym, field=field, alpha=field(2), c=0, systematic=True)
            assert [int(v) for v in gcode.generator_poly.coeffs] == gen, name + ": generator polynomials differ"
        words = []
        messages = [[0] * k,
                    [rng.randrange(1 << m) for _ in range(k)],
                    [rng.randrange(1 << m) for _ in range(k)]]
        for mi, msg in enumerate(messages):
            cw = [int(v) for v in codec.encode(msg)]
            assert len(cw) == n and cw[:k] == msg, name + ": not systematic message-first"
            if gcode is not None:
                assert [int(v) for v in gcode.encode(gcode.field(msg))] == cw, name + ": galois codeword differs"
            cases = []
            # the all-zero message gets only the edge cases; random messages get the full weight list
            for pos, val in patterns(rng, n, k, weights if mi > 0 else [], m):
                received = list(cw)
                for p, v in zip(pos, val):
                    received[p] ^= v
                status, cpos, cval = rs_outcome(codec, received)
                if gcode is not None:
                    galois_check(gcode, received, status, cpos, cval)
                cases.append({"errorPositions": pos, "errorValues": val, "status": status,
                              "correctionPositions": cpos, "correctionValues": cval})
            words.append({"message": msg, "codeword": cw, "cases": cases})
        codes.append({"name": name, "m": m, "primitivePolynomial": poly, "n": n, "k": k, "generator": gen,
                      "words": words})
    doc["codes"] = codes

    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "rs_vectors.json")
    with open(path, "w") as f:
        json.dump(doc, f, separators=(",", ":"))
        f.write("\n")
    summary = {}
    for c in codes:
        for w in c["words"]:
            for case in w["cases"]:
                key = (c["name"], case["status"])
                summary[key] = summary.get(key, 0) + 1
    for key in sorted(summary):
        print(key, summary[key])


if __name__ == "__main__":
    main()
