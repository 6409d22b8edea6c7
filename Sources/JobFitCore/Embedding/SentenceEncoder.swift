import Foundation
import LinearAlgebra

/// The pretrained sentence encoder all-MiniLM-L6-v2, run natively on BLAS.
///
/// A 6-layer BERT (hidden size 384, 12 heads of 32, feed-forward 1536) followed by mean pooling
/// over the real tokens and L2 normalisation, exactly as sentence-transformers'
/// `SentenceTransformer("all-MiniLM-L6-v2").encode(texts)`: the parity test asks for cosine
/// ≥ 0.9999 against the reference embedding of every fixture string.
///
/// ```swift
/// let encoder = try SentenceEncoder(modelDirectory: ModelLocation.resolve().directory)
/// let vectors = try encoder.encode(["Senior Swift engineer", "iOS developer"])  // 2 × 384
/// let cosine = zip(vectors.row(0), vectors.row(1)).reduce(0) { $0 + $1.0 * $1.1 }
/// ```
///
/// Loading reads `config.json`, `sentence_bert_config.json` (for `max_seq_length` = 256),
/// `vocab.txt` and `model.safetensors` from the folder; nothing is fetched from the network.
/// The encoder is immutable after `init` and safe to share between threads.
public final class SentenceEncoder: @unchecked Sendable {
  /// The model's tokenizer (truncates at `maxSequenceLength`).
  public let tokenizer: WordPieceTokenizer
  /// The folder the model was loaded from.
  public let location: ModelLocation
  let configuration: EncoderConfiguration
  /// All parameters in one allocation; `embedding` and `layers` point into it.
  let parameters: ParameterBuffer
  let embedding: EmbeddingPointers
  let layers: [LayerPointers]

  /// Length of the embedding vectors (384 for all-MiniLM-L6-v2).
  public var dimension: Int { configuration.hidden }
  /// Most tokens per input, `[CLS]` and `[SEP]` included; longer inputs are truncated.
  public var maxSequenceLength: Int { configuration.maxSequenceLength }

  /// Loads the model in `modelDirectory`.
  ///
  /// - Throws: `JobFitError.corruptModel` naming the folder and what is missing when the model
  ///   is not installed (run `scripts/install_model.sh`), or naming the file and the
  ///   inconsistency when a file is damaged.
  public init(modelDirectory: URL) throws {
    let location = ModelLocation(directory: modelDirectory)
    try location.validate()
    let configuration = try EncoderConfiguration.load(from: location)
    let tokenizer = try WordPieceTokenizer(
      vocabularyFile: location.file("vocab.txt"), maxLength: configuration.maxSequenceLength)
    guard tokenizer.vocabularySize == configuration.vocabularySize else {
      throw JobFitError.corruptModel(
        path: location.file("vocab.txt").path,
        reason:
          "\(tokenizer.vocabularySize) tokens; config.json says vocab_size = \(configuration.vocabularySize)"
      )
    }
    let tensors = try SafeTensors(contentsOf: location.file("model.safetensors"))
    let weights = try EncoderWeights(tensors: tensors, configuration: configuration)
    try Self.checkFinite(weights, path: tensors.path)

    var arrays: [[Float]] = [
      weights.wordEmbeddings, weights.positionEmbeddings, weights.tokenType0,
      weights.embeddingNormGamma, weights.embeddingNormBeta,
    ]
    let h = configuration.hidden, inner = configuration.intermediate
    // Weight matrices are stored transposed, `[in, out]` (see `weightsTransposed`).
    func t(_ w: [Float], _ rows: Int, _ columns: Int) -> [Float] {
      Self.weightsTransposed ? Self.transposed(w, rows: rows, columns: columns) : w
    }
    for layer in weights.layers {
      arrays += [
        t(layer.qkv, 3 * h, h), layer.qkvBias, t(layer.attentionOutput, h, h),
        layer.attentionOutputBias,
        layer.attentionNormGamma, layer.attentionNormBeta, t(layer.intermediate, inner, h),
        layer.intermediateBias,
        t(layer.output, h, inner), layer.outputBias, layer.outputNormGamma, layer.outputNormBeta,
      ]
    }
    let parameters = ParameterBuffer(arrays)
    let p = parameters.pointers
    self.embedding = EmbeddingPointers(
      word: p[0], position: p[1], tokenType0: p[2], normGamma: p[3], normBeta: p[4])
    self.layers = weights.layers.indices.map { n in
      let q = Array(p[(5 + 12 * n)..<(5 + 12 * n + 12)])
      return LayerPointers(
        qkv: q[0], qkvBias: q[1], attentionOutput: q[2], attentionOutputBias: q[3],
        attentionNormGamma: q[4], attentionNormBeta: q[5], intermediate: q[6],
        intermediateBias: q[7],
        output: q[8], outputBias: q[9], outputNormGamma: q[10], outputNormBeta: q[11])
    }
    self.parameters = parameters
    self.tokenizer = tokenizer
    self.location = location
    self.configuration = configuration
  }

  /// Loads the default model (`ModelLocation.resolve()`).
  public convenience init() throws {
    try self.init(modelDirectory: ModelLocation.resolve().directory)
  }

  /// Whether `Linear` weights are stored `[in, out]`, so each dense `sgemm` is `x · W` (NN)
  /// rather than PyTorch's `x · Wᵀ` with `W` `[out, in]` (NT). Same results bit for bit (the
  /// encode's checksum is identical); NN was about 1 % faster in CPU time over the whole encode
  /// (8.61–8.68 s vs 8.72–8.90 s, two runs each on the busy machine), in line with single-core
  /// `sgemm` at m = 768: 93 vs 90 GFLOP/s for the QKV shape. `JOBFIT_ENCODER_WEIGHTS=nt` keeps
  /// PyTorch's layout, for benchmarks.
  static let weightsTransposed =
    ProcessInfo.processInfo.environment["JOBFIT_ENCODER_WEIGHTS"] != "nt"

  /// The `columns × rows` transpose of a row-major `rows × columns` matrix.
  static func transposed(_ w: [Float], rows: Int, columns: Int) -> [Float] {
    var result = [Float](repeating: 0, count: w.count)
    for r in 0..<rows {
      for c in 0..<columns { result[c * rows + r] = w[r * columns + c] }
    }
    return result
  }

  /// NaN or infinite weights would silently poison every embedding: refuse them at load.
  private static func checkFinite(_ weights: EncoderWeights, path: String) throws {
    var all: [[Float]] = [weights.wordEmbeddings, weights.positionEmbeddings]
    for layer in weights.layers { all += [layer.qkv, layer.intermediate, layer.output] }
    for array in all {
      var sum: Float = 0
      for v in array { sum += v * 0 }  // NaN · 0 = NaN, ∞ · 0 = NaN; finite · 0 = 0
      if !sum.isFinite {
        throw JobFitError.corruptModel(path: path, reason: "weights contain NaN or infinity")
      }
    }
  }
}

// MARK: - Parameter storage

/// Immutable parameters in one aligned allocation, freed with the encoder.
final class ParameterBuffer: @unchecked Sendable {
  let base: UnsafeMutablePointer<Float>
  /// Start of each array passed to `init`, in order.
  let pointers: [UnsafePointer<Float>]

  init(_ arrays: [[Float]]) {
    // Pad each array to a multiple of 16 floats (64 bytes) so every tensor is cache-line aligned.
    let padded = arrays.map { ($0.count + 15) / 16 * 16 }
    let total = padded.reduce(0, +)
    let raw = UnsafeMutableRawPointer.allocate(byteCount: max(1, total) * 4, alignment: 64)
    base = raw.bindMemory(to: Float.self, capacity: max(1, total))
    var offset = 0
    var pointers: [UnsafePointer<Float>] = []
    for (array, size) in zip(arrays, padded) {
      let start = base + offset
      array.withUnsafeBufferPointer { source in
        if let address = source.baseAddress { start.update(from: address, count: array.count) }
      }
      (start + array.count).update(repeating: 0, count: size - array.count)
      pointers.append(UnsafePointer(start))
      offset += size
    }
    self.pointers = pointers
  }

  deinit { base.deallocate() }
}

struct EmbeddingPointers {
  var word: UnsafePointer<Float>
  var position: UnsafePointer<Float>
  var tokenType0: UnsafePointer<Float>
  var normGamma: UnsafePointer<Float>
  var normBeta: UnsafePointer<Float>
}

/// One layer's parameters; the four weight matrices are `[in, out]` when `weightsTransposed`.
struct LayerPointers {
  var qkv, qkvBias, attentionOutput, attentionOutputBias: UnsafePointer<Float>
  var attentionNormGamma, attentionNormBeta: UnsafePointer<Float>
  var intermediate, intermediateBias, output, outputBias: UnsafePointer<Float>
  var outputNormGamma, outputNormBeta: UnsafePointer<Float>
}
