import Foundation
import LinearAlgebra

// MARK: - Encoding texts

extension SentenceEncoder {
  /// How the two levels of parallelism are combined.
  enum Parallelism: String, Sendable {
    /// Batches one after another, each `sgemm` using every core through the BLAS's own threads.
    case blasThreads = "blas"
    /// Independent batches on every core at once, the BLAS single-threaded.
    case batches
  }

  /// The measured faster choice (see `encode(tokenIDs:)`), overridable with
  /// `JOBFIT_ENCODER_PARALLEL=blas|batches` for benchmarks.
  ///
  /// 1,000 O*NET task sentences (19,610 tokens), 2 threads, release build, median of 3 on the
  /// shared 2-core machine: `batches` 11.3 s wall / 5.7 s CPU, `blas` 11.9 s wall / 6.6 s CPU
  /// (the BLAS's threads wait on each other in the many small products). A custom SIMD
  /// attention kernel in place of the two per-head `sgemm` calls was tried and measured slower
  /// (it took 9.5 % of CPU time where the `sgemm` calls took about 3 %); `sgemm` and its packing
  /// are 83 % of the time, GELU 4 %, everything else under 3 % each.
  ///
  /// Profile of 1,000 résumé sentences (30,370 tokens, ≈ 645 GFLOP of dense products), CPU
  /// seconds summed over both workers: dense `sgemm` 7.3 (≈ 88 GFLOP/s per core, single-core
  /// peak on these shapes 90–93), attention 0.8 → 0.63 with the vectorised softmax, GELU 0.4,
  /// LayerNorm 0.07, page faults of fresh per-batch scratch 0.17 → ~0 with `ForwardWorkspace`.
  /// A second custom attention kernel (Kᵀ panel per head, 4 queries × 8 keys in `SIMD4`
  /// registers, fused softmax and P·V) measured 6.8 µs per head at 30 tokens against 5.3 µs for
  /// `sgemm` + vectorised softmax + `sgemm`: the Swift code is built for baseline x86-64 (SSE,
  /// no FMA), the OpenBLAS kernel uses AVX2 and FMA. Built with `-Xswiftc -target-cpu
  /// -Xswiftc haswell` (AVX2 + FMA for the element-wise kernels), the whole run took 4.3 % fewer
  /// CPU samples; not done, since the binary would then need AVX2.
  ///
  /// Side by side with sentence-transformers (same 1,000 sentences, 2 threads, interleaved
  /// runs of 3 each at load 1.5–2.0, median of the runs' medians): before the vectorised
  /// softmax, `[in, out]` weights and reused scratch 4.29 s (9 runs), after 4.12 s (6 runs),
  /// sentence-transformers 6.10 s (9 runs): 1.42× → 1.48×. Zeroing C in Swift and calling the
  /// attention products with `beta = 1` (skipping OpenBLAS's `sgemm_beta`) gave the same bits
  /// and no measurable change, so it was left out.
  static let parallelism: Parallelism = {
    let value = ProcessInfo.processInfo.environment["JOBFIT_ENCODER_PARALLEL"] ?? ""
    return Parallelism(rawValue: value) ?? .batches
  }()

  /// Serialises parallel encodes, which set the BLAS to one thread while they run.
  static let blasThreadsLock = NSLock()

  /// Tokens per batch. Measured single-threaded on 1,000 sentences (CPU time): 256 → 5.7 s,
  /// 512–768 → 5.55 s, 2,048 → 5.85 s, 8,192 → 6.0 s; larger batches lose more to cache misses
  /// on the `[T, 1536]` feed-forward buffer than they gain in `sgemm` efficiency. Re-measured on
  /// 1,000 résumé sentences (30,370 tokens, 2 workers, CPU seconds, three runs each): 512 →
  /// 8.43–8.55, 768 → 8.60–8.78, 1,024 → 8.49–8.93, 1,536 → 8.85–8.97, 2,048 → 8.51–8.64;
  /// no size is clearly better, so 768 stays. Overridable with `JOBFIT_ENCODER_BATCH_TOKENS`.
  static let tokensPerBatch: Int = {
    let value = ProcessInfo.processInfo.environment["JOBFIT_ENCODER_BATCH_TOKENS"] ?? ""
    return Int(value).map { max(256, $0) } ?? 768
  }()

  /// Embeds each text: row `i` is the L2-normalised embedding of `texts[i]`.
  ///
  /// Texts longer than `maxSequenceLength` tokens are truncated, as in sentence-transformers
  /// (use `encodeDocument(_:)` for long documents). The empty string gets the model's embedding
  /// of `[CLS] [SEP]`, as sentence-transformers gives it.
  ///
  /// - Returns: a `texts.count × dimension` matrix.
  /// - Complexity: O(*n* · *L* · *H*²) for *n* texts of *L* tokens; about 21 MFLOP per token.
  public func encode(_ texts: [String]) throws -> Matrix {
    var ids = [[Int32]](repeating: [], count: texts.count)
    let workers = min(ProcessorCount.active, max(1, texts.count / 64))
    ids.withUnsafeMutableBufferPointer { buffer in
      let shared = UncheckedSendable(buffer)
      DispatchQueue.concurrentPerform(iterations: workers) { worker in
        var i = worker
        while i < texts.count {
          shared.value[i] = tokenizer.encode(texts[i])
          i += workers
        }
      }
    }
    return try encode(tokenIDs: ids)
  }

  /// Embeds already tokenised inputs (`[CLS]` … `[SEP]`, as `tokenizer.encode` gives them).
  ///
  /// Inputs are sorted by length and cut into batches of about `tokensPerBatch` tokens, so
  /// batches are similar in cost; nothing is padded (see `forward`). The batches run in parallel
  /// with a single-threaded BLAS, which measured faster here than one batch at a time with a
  /// multi-threaded BLAS (small attention products do not parallelise inside BLAS).
  ///
  /// - Throws: `JobFitError.invalidParameter` for an empty or over-long sequence or an id
  ///   outside the vocabulary.
  public func encode(tokenIDs: [[Int32]]) throws -> Matrix {
    let vocabulary = Int32(configuration.vocabularySize)
    for (i, ids) in tokenIDs.enumerated() {
      guard !ids.isEmpty, ids.count <= maxSequenceLength,
        ids.allSatisfy({ $0 >= 0 && $0 < vocabulary })
      else {
        throw JobFitError.invalidParameter(
          name: "tokenIDs[\(i)]", value: "\(ids.count) ids",
          expected: "1…\(maxSequenceLength) ids in 0..<\(vocabulary)")
      }
    }
    var result = Matrix(rows: tokenIDs.count, columns: dimension)
    guard !tokenIDs.isEmpty else { return result }

    // Longest first, so the most expensive batches start first and the tail is short.
    let order = tokenIDs.indices.sorted {
      (tokenIDs[$0].count, $1) > (tokenIDs[$1].count, $0)
    }
    let totalTokens = tokenIDs.reduce(0) { $0 + $1.count }
    let workers = Self.parallelism == .batches ? ProcessorCount.active : 1
    // At least a few batches per worker so they finish together.
    let budget = max(
      min(256, Self.tokensPerBatch), min(Self.tokensPerBatch, totalTokens / (4 * workers)))
    var batches: [[Int]] = [[]]
    var tokens = 0
    for index in order {
      if tokens + tokenIDs[index].count > budget, !(batches[batches.count - 1].isEmpty) {
        batches.append([])
        tokens = 0
      }
      batches[batches.count - 1].append(index)
      tokens += tokenIDs[index].count
    }

    let failure = FirstError()
    let plan = batches
    try result.storage.withUnsafeMutableBufferPointer { buffer in
      guard let base = buffer.baseAddress else { return }
      let output = UncheckedSendable(base)
      let run: @Sendable ([Int], ForwardWorkspace) -> Void = { batch, workspace in
        do {
          try self.forward(
            batch.map { tokenIDs[$0] }, outputRows: batch, output: output.value,
            workspace: workspace)
        } catch {
          failure.record(error)
        }
      }
      if workers > 1, plan.count > 1 {
        // The BLAS thread count is process-wide: one parallel encode at a time changes it, so
        // two concurrent calls cannot restore each other's value in the wrong order.
        Self.blasThreadsLock.lock()
        defer { Self.blasThreadsLock.unlock() }
        let previous = BLASThreads.count
        BLASThreads.set(1)
        defer { if let previous { BLASThreads.set(previous) } }
        let next = BatchCounter()
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
          let workspace = ForwardWorkspace()
          while let b = next.take(below: plan.count) { run(plan[b], workspace) }
        }
      } else {
        let workspace = ForwardWorkspace()
        for batch in plan { run(batch, workspace) }
      }
      if let error = failure.error { throw error }
    }
    return result
  }
}

/// Hands out batch numbers 0, 1, 2, … to whichever worker asks first.
final class BatchCounter: @unchecked Sendable {
  private let lock = NSLock()
  private var next = 0

  func take(below limit: Int) -> Int? {
    lock.lock()
    defer { lock.unlock() }
    guard next < limit else { return nil }
    next += 1
    return next - 1
  }
}

/// Keeps the first error thrown by any worker.
final class FirstError: @unchecked Sendable {
  private let lock = NSLock()
  private var stored: (any Error)?

  var error: (any Error)? {
    lock.lock()
    defer { lock.unlock() }
    return stored
  }

  func record(_ error: any Error) {
    lock.lock()
    defer { lock.unlock() }
    if stored == nil { stored = error }
  }
}
