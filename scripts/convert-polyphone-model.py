#!/usr/bin/env python3
"""Convert the released g2pM weights (kakaobrain/g2pM, Apache-2.0) into the files Jiedu ships.

Usage: python3 scripts/convert-polyphone-model.py G2PM_PACKAGE_DIR assets/polyphone-model

G2PM_PACKAGE_DIR holds the four pickles of the g2pM package (char2idx.pkl, class2idx.pkl,
digest_cedict.pkl, np_ckpt.pkl), as in the repository's g2pM/ folder or the pip package.
Needs numpy. Writes:
  model.json  vocabulary, classes, each polyphone's candidate readings, tensor layout
  model.bin   the weights: the embedding as int8 with one float32 scale per row (it is
              most of the model, and per-row int8 changes no CPP dev prediction that
              matters, see the README), everything else float32, little-endian
The conversion is exact apart from the embedding's quantisation; nothing is retrained.
"""
import json
import pickle
import sys
from pathlib import Path

import numpy as np

src, out = Path(sys.argv[1]), Path(sys.argv[2])
out.mkdir(parents=True, exist_ok=True)
load = lambda name: pickle.load(open(src / f"{name}.pkl", "rb"))
char2idx, class2idx, cedict, sd = load("char2idx"), load("class2idx"), load("digest_cedict"), load("np_ckpt")

vocab = [None] * len(char2idx)
for ch, i in char2idx.items():
    vocab[i] = ch
classes = [None] * len(class2idx)
for c, i in class2idx.items():
    classes[i] = c
# Candidate readings of each polyphone: the classes its CC-CEDICT digest lists.
candidates = {ch: [class2idx[p] for p in prons if p in class2idx] for ch, prons in cedict.items() if len(prons) > 1}
candidates = {ch: c for ch, c in candidates.items() if len(c) > 1}

blobs, tensors, offset = [], [], 0
def add(name, arr, quantise=False):
    global offset
    arr = np.ascontiguousarray(arr, dtype=np.float32)
    if quantise:
        scale = np.abs(arr).max(axis=1) / 127.0
        scale[scale == 0] = 1.0
        q = np.clip(np.round(arr / scale[:, None]), -127, 127).astype(np.int8)
        data = scale.astype("<f4").tobytes()
        tensors.append({"name": name + ".scale", "shape": [arr.shape[0]], "dtype": "float32", "offset": offset})
        blobs.append(data); offset += len(data)
        data = q.tobytes()
        tensors.append({"name": name, "shape": list(arr.shape), "dtype": "int8", "offset": offset})
    else:
        data = arr.astype("<f4").tobytes()
        tensors.append({"name": name, "shape": list(arr.shape), "dtype": "float32", "offset": offset})
    blobs.append(data); offset += len(data)
    pad = (-offset) % 4
    if pad:
        blobs.append(b"\0" * pad); offset += pad

add("embedding", sd["embedding.weight"], quantise=True)
for d, suffix in (("fw", ""), ("bw", "_reverse")):
    add(f"{d}.wih", sd[f"lstm.weight_ih_l0{suffix}"])
    add(f"{d}.whh", sd[f"lstm.weight_hh_l0{suffix}"])
    add(f"{d}.bias", sd[f"lstm.bias_ih_l0{suffix}"] + sd[f"lstm.bias_hh_l0{suffix}"])
add("fc1.w", sd["logit_layer.0.weight"])
add("fc1.b", sd["logit_layer.0.bias"])
add("fc2.w", sd["logit_layer.2.weight"])
add("fc2.b", sd["logit_layer.2.bias"])

(out / "model.bin").write_bytes(b"".join(blobs))
meta = {
    "source": "g2pM 0.1.2.5 (kakaobrain/g2pM), Apache-2.0; trained on the CPP train split",
    "vocab": vocab, "unk": char2idx["<UNK>"], "bos": char2idx["시"], "eos": char2idx["끝"],
    "classes": classes, "candidates": candidates, "tensors": tensors,
}
(out / "model.json").write_text(json.dumps(meta, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
print(f"{len(vocab)} characters, {len(classes)} classes, {len(candidates)} polyphones, {offset} bytes of weights")
