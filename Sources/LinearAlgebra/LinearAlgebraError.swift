/// Errors raised at the C edge (BLAS / LAPACK) and by shape checks.
public enum LinearAlgebraError: Error, Equatable, Sendable, CustomStringConvertible {
  /// Operand shapes do not fit together; the message names both.
  case dimensionMismatch(String)
  /// A dimension does not fit in BLAS's 32-bit integer arguments.
  case dimensionTooLarge(name: String, value: Int)
  /// A LAPACK routine returned `info != 0`.
  case lapack(routine: String, info: Int32)

  public var description: String {
    switch self {
    case let .dimensionMismatch(message): "dimension mismatch: \(message)"
    case let .dimensionTooLarge(name, value):
      "\(name) = \(value) does not fit BLAS's 32-bit integer arguments (max \(Int32.max))"
    case let .lapack(routine, info):
      info < 0
        ? "LAPACK \(routine): argument \(-info) had an illegal value"
        : "LAPACK \(routine): did not converge or matrix is singular (info = \(info))"
    }
  }
}

/// Narrows `value` to BLAS's `Int32`, throwing instead of trapping on overflow.
@inline(__always)
package func blasInt(_ value: Int, _ name: String) throws -> Int32 {
  guard let narrowed = Int32(exactly: value) else {
    throw LinearAlgebraError.dimensionTooLarge(name: name, value: value)
  }
  return narrowed
}
