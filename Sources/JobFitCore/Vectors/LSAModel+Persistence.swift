import Foundation
import LinearAlgebra

// MARK: - Codable

extension LSAModel: Codable {
  enum CodingKeys: String, CodingKey {
    case formatVersion, componentCount, dimension, components, singularValues
    case explainedVariance, explainedVarianceRatio, parameters, documentCount
  }

  /// The model without its `components` values (what `save(to:)` writes as JSON).
  struct Header: Codable {
    var formatVersion: Int
    var componentCount: Int
    var dimension: Int
    var singularValues: [Float]
    var explainedVariance: [Double]
    var explainedVarianceRatio: [Double]
    var parameters: Parameters
    var documentCount: Int
  }

  var header: Header {
    Header(
      formatVersion: formatVersion, componentCount: componentCount, dimension: dimension,
      singularValues: singularValues, explainedVariance: explainedVariance,
      explainedVarianceRatio: explainedVarianceRatio, parameters: parameters,
      documentCount: documentCount)
  }

  /// Validates `header` and `values` (`componentCount × dimension`, row-major) into a model;
  /// the error names what is wrong.
  init(header: Header, values: [Float]) throws(ValidationFailure) {
    guard header.formatVersion == Self.currentFormatVersion else {
      throw ValidationFailure(
        "format version \(header.formatVersion) is not supported; expected \(Self.currentFormatVersion)")
    }
    let (k, d) = (header.componentCount, header.dimension)
    guard k >= 0, d >= 0, k.multipliedReportingOverflow(by: d).partialValue == values.count,
      !k.multipliedReportingOverflow(by: d).overflow
    else { throw ValidationFailure("\(values.count) component values for \(k) × \(d)") }
    guard header.singularValues.count == k, header.explainedVariance.count == k,
      header.explainedVarianceRatio.count == k
    else { throw ValidationFailure("per-component arrays do not have \(k) entries") }
    guard values.allSatisfy(\.isFinite), header.singularValues.allSatisfy({ $0.isFinite && $0 >= 0 }),
      header.explainedVariance.allSatisfy(\.isFinite), header.explainedVarianceRatio.allSatisfy(\.isFinite)
    else { throw ValidationFailure("non-finite or negative values") }
    guard header.documentCount >= 0 else { throw ValidationFailure("negative document count") }
    guard let components = try? Matrix(rows: k, columns: d, storage: values) else {
      throw ValidationFailure("bad component shape")
    }
    self.init(
      components: components, singularValues: header.singularValues,
      explainedVariance: header.explainedVariance,
      explainedVarianceRatio: header.explainedVarianceRatio, parameters: header.parameters,
      documentCount: header.documentCount)
  }

  struct ValidationFailure: Error {
    var reason: String
    init(_ reason: String) { self.reason = reason }
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let header = Header(
      formatVersion: try container.decode(Int.self, forKey: .formatVersion),
      componentCount: try container.decode(Int.self, forKey: .componentCount),
      dimension: try container.decode(Int.self, forKey: .dimension),
      singularValues: try container.decode([Float].self, forKey: .singularValues),
      explainedVariance: try container.decode([Double].self, forKey: .explainedVariance),
      explainedVarianceRatio: try container.decode([Double].self, forKey: .explainedVarianceRatio),
      parameters: try container.decode(Parameters.self, forKey: .parameters),
      documentCount: try container.decode(Int.self, forKey: .documentCount))
    let values = try container.decode([Float].self, forKey: .components)
    do {
      try self.init(header: header, values: values)
    } catch {
      throw DecodingError.dataCorruptedError(
        forKey: .components, in: container, debugDescription: error.reason)
    }
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(formatVersion, forKey: .formatVersion)
    try container.encode(componentCount, forKey: .componentCount)
    try container.encode(dimension, forKey: .dimension)
    try container.encode(components.storage, forKey: .components)
    try container.encode(singularValues, forKey: .singularValues)
    try container.encode(explainedVariance, forKey: .explainedVariance)
    try container.encode(explainedVarianceRatio, forKey: .explainedVarianceRatio)
    try container.encode(parameters, forKey: .parameters)
    try container.encode(documentCount, forKey: .documentCount)
  }
}

// MARK: - Save and load

/// File layout: one ASCII header line, the model's JSON header, then the components as raw
/// little-endian `Float32` values, row after row:
///
///     JOBFIT-LSA <format version> <JSON bytes> <value bytes> <CRC-32 of JSON + values, 8 hex>\n
///     {"componentCount":256,"dimension":40000,"singularValues":[…],…}
///     <componentCount × dimension × 4 bytes>
///
/// A 256 × 40,000 model is 41 MB in binary against about 100 MB as JSON text, and loads without
/// parsing ten million numbers. The header line lets `load` reject a truncated, altered or newer
/// file before decoding (the approach of `TFIDFModel.save(to:)`, whose CRC-32 it reuses).
extension LSAModel {
  static let magic = "JOBFIT-LSA"

  /// Writes the model to `url` atomically.
  ///
  /// - Throws: `JobFitError.unreadable` when the file cannot be written.
  public func save(to url: URL) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    var payload = try encoder.encode(header)
    let jsonCount = payload.count
    components.storage.withUnsafeBufferPointer { values in
      for value in values {
        withUnsafeBytes(of: value.bitPattern.littleEndian) { payload.append(contentsOf: $0) }
      }
    }
    try ModelFile.write(
      magic: Self.magic,
      fields: [String(formatVersion), String(jsonCount), String(payload.count - jsonCount)],
      payload: payload, to: url)
  }

  /// Reads a model written by `save(to:)`.
  ///
  /// - Throws: `JobFitError.fileNotFound` when there is no file; `JobFitError.corruptModel` when
  ///   the header, lengths, checksum, format version or content is wrong.
  public static func load(from url: URL) throws -> LSAModel {
    let (fields, checksum, payload) = try ModelFile.read(url, magic: magic, headerLimit: 160)
    func corrupt(_ reason: String) -> JobFitError { .corruptModel(path: url.path, reason: reason) }
    guard fields.count == 3, let version = Int(fields[0]), let jsonCount = Int(fields[1]),
      let valueBytes = Int(fields[2]), jsonCount >= 0, valueBytes >= 0, valueBytes % 4 == 0
    else { throw corrupt("missing \(magic) header") }
    guard version == currentFormatVersion else {
      throw corrupt("format version \(version) is not supported; expected \(currentFormatVersion)")
    }
    guard payload.count == jsonCount + valueBytes else {
      throw corrupt(
        "payload is \(payload.count) bytes; header says \(jsonCount + valueBytes) (truncated file?)")
    }
    guard ModelFile.crc32(of: payload) == checksum else { throw corrupt("checksum mismatch") }
    let json = payload.prefix(jsonCount)
    let header: Header
    do { header = try JSONDecoder().decode(Header.self, from: json) } catch {
      throw corrupt("invalid model JSON")
    }
    var values = [Float](repeating: 0, count: valueBytes / 4)
    values.withUnsafeMutableBytes { target in
      target.copyBytes(from: payload.dropFirst(jsonCount))
    }
    for i in values.indices { values[i] = Float(bitPattern: UInt32(littleEndian: values[i].bitPattern)) }
    do {
      return try LSAModel(header: header, values: values)
    } catch {
      throw corrupt(error.reason)
    }
  }
}
