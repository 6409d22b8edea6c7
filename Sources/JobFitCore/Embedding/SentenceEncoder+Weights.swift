import Foundation

/// BERT hyper-parameters, from the model's `config.json` and `sentence_bert_config.json`.
struct EncoderConfiguration: Sendable, Equatable {
  var hidden: Int
  var heads: Int
  var layers: Int
  var intermediate: Int
  var vocabularySize: Int
  var maxPositions: Int
  var typeVocabularySize: Int
  var layerNormEpsilon: Float
  /// sentence-transformers' `max_seq_length`: longer inputs are truncated.
  var maxSequenceLength: Int

  var headSize: Int { hidden / heads }

  static func load(from location: ModelLocation) throws -> EncoderConfiguration {
    let configURL = location.file("config.json")
    let config = try readJSON(configURL)
    func int(_ key: String) throws -> Int {
      guard let value = config[key] as? Int, value > 0 else {
        throw JobFitError.corruptModel(
          path: configURL.path, reason: "\(key) missing or not a positive integer")
      }
      return value
    }
    if let activation = config["hidden_act"] as? String, activation != "gelu" {
      throw JobFitError.corruptModel(
        path: configURL.path, reason: "hidden_act is \(activation); only gelu (erf) is supported")
    }
    var result = EncoderConfiguration(
      hidden: try int("hidden_size"), heads: try int("num_attention_heads"),
      layers: try int("num_hidden_layers"), intermediate: try int("intermediate_size"),
      vocabularySize: try int("vocab_size"), maxPositions: try int("max_position_embeddings"),
      typeVocabularySize: (config["type_vocab_size"] as? Int) ?? 2,
      layerNormEpsilon: Float((config["layer_norm_eps"] as? Double) ?? 1e-12),
      maxSequenceLength: 512)
    guard result.hidden % result.heads == 0 else {
      throw JobFitError.corruptModel(
        path: configURL.path,
        reason: "hidden_size \(result.hidden) is not a multiple of \(result.heads) heads")
    }
    result.maxSequenceLength = result.maxPositions
    let stURL = location.file("sentence_bert_config.json")
    if FileManager.default.fileExists(atPath: stURL.path),
      let length = try readJSON(stURL)["max_seq_length"] as? Int, length >= 2
    {
      result.maxSequenceLength = min(length, result.maxPositions)
    }
    return result
  }

  private static func readJSON(_ url: URL) throws -> [String: Any] {
    guard let data = FileManager.default.contents(atPath: url.path) else {
      throw JobFitError.fileNotFound(path: url.path)
    }
    guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
      throw JobFitError.corruptModel(path: url.path, reason: "not a JSON object")
    }
    return object
  }
}

/// One transformer layer's parameters, laid out for `cblas_sgemm` (PyTorch `Linear` weights are
/// `[out, in]`, so `y = x · Wᵀ + b`).
struct LayerWeights: Sendable {
  /// Query, key and value projections stacked: `[3H, H]`, so one product gives all three.
  var qkv: [Float]
  var qkvBias: [Float]
  var attentionOutput: [Float]
  var attentionOutputBias: [Float]
  var attentionNormGamma: [Float]
  var attentionNormBeta: [Float]
  /// `[I, H]`
  var intermediate: [Float]
  var intermediateBias: [Float]
  /// `[H, I]`
  var output: [Float]
  var outputBias: [Float]
  var outputNormGamma: [Float]
  var outputNormBeta: [Float]
}

/// Every parameter of the encoder, copied out of the safetensors file as `Float`.
struct EncoderWeights: Sendable {
  var wordEmbeddings: [Float]
  var positionEmbeddings: [Float]
  /// Row 0 of the token-type table: sentence-transformers always passes type 0.
  var tokenType0: [Float]
  var embeddingNormGamma: [Float]
  var embeddingNormBeta: [Float]
  var layers: [LayerWeights]

  init(tensors: SafeTensors, configuration c: EncoderConfiguration) throws {
    // Checkpoints saved from `BertForX` prefix every name with "bert.".
    let prefix = tensors.tensors["bert.embeddings.word_embeddings.weight"] != nil ? "bert." : ""
    func t(_ name: String, _ shape: [Int]) throws -> [Float] {
      try tensors.floats(prefix + name, shape: shape)
    }
    let h = c.hidden, i = c.intermediate
    wordEmbeddings = try t("embeddings.word_embeddings.weight", [c.vocabularySize, h])
    positionEmbeddings = try t("embeddings.position_embeddings.weight", [c.maxPositions, h])
    tokenType0 = Array(
      try t("embeddings.token_type_embeddings.weight", [c.typeVocabularySize, h])[0..<h])
    embeddingNormGamma = try t("embeddings.LayerNorm.weight", [h])
    embeddingNormBeta = try t("embeddings.LayerNorm.bias", [h])
    layers = try (0..<c.layers).map { n in
      let p = "encoder.layer.\(n)."
      return LayerWeights(
        qkv: try t(p + "attention.self.query.weight", [h, h])
          + t(p + "attention.self.key.weight", [h, h])
          + t(p + "attention.self.value.weight", [h, h]),
        qkvBias: try t(p + "attention.self.query.bias", [h]) + t(p + "attention.self.key.bias", [h])
          + t(p + "attention.self.value.bias", [h]),
        attentionOutput: try t(p + "attention.output.dense.weight", [h, h]),
        attentionOutputBias: try t(p + "attention.output.dense.bias", [h]),
        attentionNormGamma: try t(p + "attention.output.LayerNorm.weight", [h]),
        attentionNormBeta: try t(p + "attention.output.LayerNorm.bias", [h]),
        intermediate: try t(p + "intermediate.dense.weight", [i, h]),
        intermediateBias: try t(p + "intermediate.dense.bias", [i]),
        output: try t(p + "output.dense.weight", [h, i]),
        outputBias: try t(p + "output.dense.bias", [h]),
        outputNormGamma: try t(p + "output.LayerNorm.weight", [h]),
        outputNormBeta: try t(p + "output.LayerNorm.bias", [h]))
    }
  }
}
