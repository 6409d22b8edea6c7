/// Hands a value to worker threads that touch disjoint parts of it (e.g. distinct rows of a
/// buffer). The caller guarantees the disjointness; the compiler cannot.
package struct UncheckedSendable<Value>: @unchecked Sendable {
  package var value: Value
  package init(_ value: Value) { self.value = value }
}
