import Foundation

// MARK: - Reading tensors as Float

extension SafeTensors {
  /// The tensor `name` as row-major `Float`s, converted from F16 or BF16 when stored so.
  ///
  /// - Parameter shape: when given, the stored shape must equal it.
  /// - Throws: `JobFitError.corruptModel` when the tensor is absent, has another shape, or a
  ///   dtype that is not a float type.
  public func floats(_ name: String, shape expected: [Int]? = nil) throws -> [Float] {
    guard let info = tensors[name] else {
      throw JobFitError.corruptModel(path: path, reason: "tensor \(name) not found")
    }
    if let expected, expected != info.shape {
      throw JobFitError.corruptModel(
        path: path, reason: "tensor \(name) has shape \(info.shape); expected \(expected)")
    }
    let count = info.count
    let offset = dataStart + info.byteRange.lowerBound
    return try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> [Float] in
      // Offsets were checked against the data section in `init`; this re-checks the slice.
      guard offset + info.byteRange.count <= raw.count, let base = raw.baseAddress else {
        throw JobFitError.corruptModel(path: path, reason: "tensor \(name) lies outside the file")
      }
      let source = base + offset
      switch info.dtype {
      case "F32":
        return [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
          // memcpy does not care about alignment; the data section may start at any byte.
          if let dest = buffer.baseAddress { memcpy(dest, source, count * 4) }
          initialized = count
        }
      case "F16":
        return (0..<count).map { i in
          Self.halfToFloat(source.loadUnaligned(fromByteOffset: 2 * i, as: UInt16.self))
        }
      case "BF16":
        return (0..<count).map { i in
          Float(
            bitPattern: UInt32(source.loadUnaligned(fromByteOffset: 2 * i, as: UInt16.self)) << 16)
        }
      default:
        throw JobFitError.corruptModel(
          path: path, reason: "tensor \(name) has dtype \(info.dtype); expected F32, F16 or BF16")
      }
    }
  }

  /// IEEE 754 binary16 → binary32, exact for every input (subnormals, infinities, NaN).
  static func halfToFloat(_ bits: UInt16) -> Float {
    let sign = UInt32(bits & 0x8000) << 16
    let exponent = Int((bits >> 10) & 0x1F)
    let mantissa = UInt32(bits & 0x3FF)
    switch exponent {
    case 0:
      // Zero or subnormal: mantissa · 2^-24.
      let magnitude = Float(mantissa) * Float(sign: .plus, exponent: -24, significand: 1)
      return sign == 0 ? magnitude : -magnitude
    case 0x1F:
      return Float(bitPattern: sign | 0x7F80_0000 | (mantissa << 13))
    default:
      return Float(bitPattern: sign | (UInt32(exponent - 15 + 127) << 23) | (mantissa << 13))
    }
  }
}
