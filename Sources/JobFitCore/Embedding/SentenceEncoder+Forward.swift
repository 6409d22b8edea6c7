import Foundation
import LinearAlgebra

// MARK: - Forward pass of one batch

extension SentenceEncoder {
  /// Runs the encoder on `sequences` (token ids with `[CLS]` and `[SEP]`, each at most
  /// `maxSequenceLength` long and non-empty) and writes the pooled, L2-normalised vector of
  /// sequence `i` to row `outputRows[i]` of `output` (leading dimension `dimension`).
  ///
  /// No padding: the tokens of all sequences are stacked as rows, so every dense layer is one
  /// `sgemm` over the real tokens only, and attention runs per sequence and head over exactly its
  /// own keys. This equals the padded reference with its attention mask, where padded keys get
  /// weight `exp(−∞) = 0` and padded rows are left out of the mean.
  func forward(
    _ sequences: [[Int32]], outputRows: [Int], output: UnsafeMutablePointer<Float>,
    workspace: ForwardWorkspace? = nil
  ) throws {
    let c = configuration
    let h = c.hidden, d = c.headSize, inner = c.intermediate
    var offsets: [Int] = []
    offsets.reserveCapacity(sequences.count)
    var total = 0
    var longest = 0
    for sequence in sequences {
      offsets.append(total)
      total += sequence.count
      longest = max(longest, sequence.count)
    }
    guard total > 0 else { return }

    // One scratch allocation: x [T, H], qkv [T, 3H], context [T, H], sum [T, H],
    // ffn [T, I], scores [L, L].
    let size = total * (6 * h + inner) + longest * longest
    let workspace = workspace ?? ForwardWorkspace()
    let scratch = workspace.reserve(size)
    let x = scratch
    let qkv = x + total * h
    let context = qkv + total * 3 * h
    let sum = context + total * h
    let ffn = sum + total * h
    let scores = ffn + total * inner

    // Embeddings: word + position + token type 0, then LayerNorm.
    for (s, sequence) in sequences.enumerated() {
      for (position, id) in sequence.enumerated() {
        let row = x + (offsets[s] + position) * h
        let word = embedding.word + Int(id) * h
        let place = embedding.position + position * h
        let type0 = embedding.tokenType0
        for j in 0..<h { row[j] = word[j] + place[j] + type0[j] }
      }
    }
    EncoderKernels.layerNorm(
      x, rows: total, n: h, gamma: embedding.normGamma, beta: embedding.normBeta,
      epsilon: c.layerNormEpsilon)

    let tw = Self.weightsTransposed
    let scale = 1 / Float(d).squareRoot()
    for layer in layers {
      // Q, K, V for every token at once: qkv = x · Wqkvᵀ + b.
      EncoderKernels.fillRows(qkv, rows: total, n: 3 * h, bias: layer.qkvBias)
      try GEMM.multiply(
        m: total, n: 3 * h, k: h, a: x, lda: h, b: layer.qkv, ldb: tw ? 3 * h : h,
        transposeB: !tw, beta: 1, c: qkv, ldc: 3 * h)

      // Attention per sequence and head: softmax(Q Kᵀ / √d) V.
      for (s, sequence) in sequences.enumerated() {
        let length = sequence.count
        let rows = qkv + offsets[s] * 3 * h
        for head in 0..<c.heads {
          let q = rows + head * d
          try GEMM.multiply(
            m: length, n: length, k: d, alpha: scale, a: q, lda: 3 * h, b: q + h, ldb: 3 * h,
            transposeB: true, c: scores, ldc: length)
          EncoderKernels.softmaxRows(scores, rows: length, n: length, ld: length)
          try GEMM.multiply(
            m: length, n: d, k: length, a: scores, lda: length, b: q + 2 * h, ldb: 3 * h,
            c: context + offsets[s] * h + head * d, ldc: h)
        }
      }

      // Output projection + residual, LayerNorm: x = LN(x + context · Woᵀ + bo).
      EncoderKernels.fillRows(sum, rows: total, n: h, bias: layer.attentionOutputBias, residual: x)
      try GEMM.multiply(
        m: total, n: h, k: h, a: context, lda: h, b: layer.attentionOutput, ldb: h,
        transposeB: !tw, beta: 1, c: sum, ldc: h)
      EncoderKernels.layerNorm(
        sum, rows: total, n: h, gamma: layer.attentionNormGamma, beta: layer.attentionNormBeta,
        epsilon: c.layerNormEpsilon)

      // Feed-forward: x = LN(a + GELU(a · W1ᵀ + b1) · W2ᵀ + b2), with a = the attention output.
      // (Adding b1 inside the GELU pass instead, with `beta = 0`, measured no faster: OpenBLAS
      // then zeroes C in `sgemm_beta`, a pass over [T, I] as long as this fill.)
      EncoderKernels.fillRows(ffn, rows: total, n: inner, bias: layer.intermediateBias)
      try GEMM.multiply(
        m: total, n: inner, k: h, a: sum, lda: h, b: layer.intermediate, ldb: tw ? inner : h,
        transposeB: !tw, beta: 1, c: ffn, ldc: inner)
      EncoderKernels.gelu(ffn, count: total * inner)
      EncoderKernels.fillRows(x, rows: total, n: h, bias: layer.outputBias, residual: sum)
      try GEMM.multiply(
        m: total, n: h, k: inner, a: ffn, lda: inner, b: layer.output, ldb: tw ? h : inner,
        transposeB: !tw, beta: 1, c: x, ldc: h)
      EncoderKernels.layerNorm(
        x, rows: total, n: h, gamma: layer.outputNormGamma, beta: layer.outputNormBeta,
        epsilon: c.layerNormEpsilon)
    }

    // Mean pooling over each sequence's tokens, then L2 normalisation.
    for (s, sequence) in sequences.enumerated() {
      let out = output + outputRows[s] * h
      out.update(repeating: 0, count: h)
      for t in 0..<sequence.count {
        let row = x + (offsets[s] + t) * h
        for j in 0..<h { out[j] += row[j] }
      }
      let inverseCount = 1 / Float(sequence.count)
      var squares = 0.0
      for j in 0..<h {
        out[j] *= inverseCount
        squares += Double(out[j]) * Double(out[j])
      }
      // sentence-transformers' Normalize divides by max(‖v‖, 1e-12).
      let norm = Float(max(squares.squareRoot(), 1e-12))
      for j in 0..<h { out[j] /= norm }
    }
  }
}

/// Scratch memory of `forward`, kept by a worker across its batches so that each batch does not
/// map (and page-fault in) ~12 MB of fresh memory: that cost 2 % of the encode in the kernel's
/// `clear_page`.
///
/// Backing this and the parameters with transparent huge pages (`madvise(MADV_HUGEPAGE)`, 2 MiB
/// aligned; THP is in `madvise` mode here) was tried: 100 MB went to huge pages but the encode
/// of 1,000 résumé sentences measured the same (medians 4.08 and 4.07 s with, 4.12 and 4.07 s
/// without, interleaved), so it was left out.
final class ForwardWorkspace {
  private var base: UnsafeMutablePointer<Float>?
  private var capacity = 0

  /// At least `count` floats, 64-byte aligned, contents undefined.
  func reserve(_ count: Int) -> UnsafeMutablePointer<Float> {
    if let base, capacity >= count { return base }
    base?.deallocate()
    let raw = UnsafeMutableRawPointer.allocate(byteCount: max(1, count) * 4, alignment: 64)
    let pointer = raw.bindMemory(to: Float.self, capacity: max(1, count))
    base = pointer
    capacity = count
    return pointer
  }

  deinit { base?.deallocate() }
}
