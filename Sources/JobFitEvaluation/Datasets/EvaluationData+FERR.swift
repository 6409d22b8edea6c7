import Foundation
import JobFitCore

/// One HR user's per-skill verdict on a (job, résumé) pair from the FERR study
/// (`feedback_interaction.csv`): which of the job's skill phrases the résumé shows, lacks, or
/// neither. For checking the engine's matched / missing skill explanations.
public struct FERRSkillFeedback: Sendable, Equatable {
  public var hrID: String
  /// The FERR job id (32 hex digits).
  public var jobID: String
  /// The query id of the (hr, job) list in "ferr:posting→resume" ("ferr-hr<hr>-<job>").
  public var queryID: String
  /// The livecareer document id of the résumé ("livecareer-<ID>").
  public var resumeID: String
  /// Whether the HR user chose this résumé in the pairwise comparison.
  public var chosen: Bool
  /// Job skills judged present in the résumé, as written (comma-separated in the file).
  public var positive: [String]
  /// Job skills judged missing or wrong.
  public var negative: [String]
  public var neutral: [String]

  public init(
    hrID: String, jobID: String, queryID: String, resumeID: String, chosen: Bool,
    positive: [String], negative: [String], neutral: [String]
  ) {
    self.hrID = hrID
    self.jobID = jobID
    self.queryID = queryID
    self.resumeID = resumeID
    self.chosen = chosen
    self.positive = positive
    self.negative = negative
    self.neutral = neutral
  }
}

extension EvaluationData {
  static let ferrDataset = "ferr-hr-resume-judgments"

  /// The query id of an (hr, job) judged list.
  static func ferrQueryID(hr: String, job: String) -> String { "ferr-hr\(hr)-\(job)" }

  /// "ferr:posting→resume": per (hr, job) list, rerank the livecareer résumés the HR user graded.
  /// Groups are the HR user ("hr<id>"), whose grading scales differ.
  ///
  /// The job texts are not published, so the query text is the job's skill phrases: the
  /// `skill_jd` values of `recommendation_rationale.csv` for every recommendation of that job in
  /// `model_recommendation.csv`, trimmed, lower-cased, deduplicated and sorted, one per line.
  /// Gain = score − 1, so the 1–7 grades (7 best) become 0–6 and the worst grade adds nothing to
  /// DCG (gain = grade − minimum grade, the usual choice for graded nDCG). Pools are the judged
  /// résumés of the list; the split key is the job id, so a job stays on one side.
  ///
  /// - Parameter resumes: the livecareer résumés when already loaded; read when nil.
  /// - Throws: `JobFitError.fileNotFound` / `.invalidDocument` naming the FERR file, or when a
  ///   score is outside 1–7.
  public func ferrTask(resumes: LivecareerResumes? = nil) throws -> EvaluationTask {
    let resumes = try resumes ?? livecareerResumes()
    let labels = try table(
      Self.ferrDataset, "label_interaction.csv",
      columns: ["hr_id", "jd_id", "resume_id", "score"])
    let phrases = try ferrSkillPhrases()
    let byID = Dictionary(resumes.documents.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    var gains: [String: [String: Double]] = [:]
    var pools: [String: [String]] = [:]
    var queryJob: [String: String] = [:]
    var queryHR: [String: String] = [:]
    var missing = 0
    var repeated = 0
    for record in labels.records {
      let hr = labels.value("hr_id", record).trimmedField
      let job = labels.value("jd_id", record).trimmedField
      let resume = LivecareerResumes.documentID(
        labels.value("resume_id", record).trimmedField)
      let score = try labels.integer("score", record)
      guard (1...7).contains(score) else {
        throw JobFitError.invalidDocument(
          path: "\(labels.path):\(record.line)", reason: "score \(score) is outside 1–7")
      }
      guard byID[resume] != nil else {
        missing += 1
        continue
      }
      let query = Self.ferrQueryID(hr: hr, job: job)
      queryJob[query] = job
      queryHR[query] = "hr\(hr)"
      if gains[query]?[resume] != nil {
        repeated += 1
        continue
      }
      gains[query, default: [:]][resume] = Double(score - 1)
      pools[query, default: []].append(resume)
    }
    var queries: [Document] = []
    var withoutPhrases = 0
    for query in queryJob.keys.sorted() {
      guard let job = queryJob[query], let list = phrases[job], !list.isEmpty else {
        withoutPhrases += 1
        gains[query] = nil
        pools[query] = nil
        continue
      }
      var document = DatasetText.document(
        id: query, path: labels.path, text: list.joined(separator: "\n"), title: nil)
      // FERR gives a job's skill phrases, not its title: an empty title keeps the title channel
      // from reading the first phrase as one.
      document.title = ""
      queries.append(document)
    }
    let judged = Set(pools.values.joined())
    let items = resumes.documents.filter { judged.contains($0.id) }
    let notes =
      [
        "ferr: \(labels.records.count) judgments in \(queries.count) (hr, job) lists over "
          + "\(items.count) résumés; gain = score − 1 (scores 1–7, 7 best)",
        "ferr: the job texts are not published; each query is the job's skill phrases from "
          + "recommendation_rationale.csv, one per line (a short keyword query)",
        "ferr: judged pools were pre-selected by two recommender models (not exhaustive); "
          + "\(missing) judgment(s) of résumés missing from livecareer, \(repeated) repeated "
          + "judgment(s) and \(withoutPhrases) list(s) without skill phrases dropped",
      ] + resumes.notes
    return EvaluationTask(
      name: "ferr:posting→resume", dataset: Self.ferrDataset, queryRole: .posting,
      queries: queries, items: items, gains: gains, pools: pools,
      groups: queryHR.filter { gains[$0.key] != nil },
      splitKeys: queryJob.filter { gains[$0.key] != nil }, graded: true, notes: notes)
  }

  /// Job id → its distinct skill phrases, sorted.
  func ferrSkillPhrases() throws -> [String: [String]] {
    let recommendations = try table(
      Self.ferrDataset, "model_recommendation.csv", columns: ["id", "jd_id"])
    let rationale = try table(
      Self.ferrDataset, "recommendation_rationale.csv",
      columns: ["recommendation_id", "skill_jd"])
    var jobOf: [String: String] = [:]
    for record in recommendations.records {
      jobOf[recommendations.value("id", record).trimmedField] =
        recommendations.value("jd_id", record).trimmedField
    }
    var phrases: [String: Set<String>] = [:]
    for record in rationale.records {
      let recommendation = rationale.value("recommendation_id", record)
        .trimmedField
      guard let job = jobOf[recommendation] else {
        throw JobFitError.invalidDocument(
          path: "\(rationale.path):\(record.line)",
          reason: "recommendation_id \(recommendation) is not in model_recommendation.csv")
      }
      let phrase = rationale.value("skill_jd", record)
        .trimmedField.lowercased()
      if !phrase.isEmpty { phrases[job, default: []].insert(phrase) }
    }
    return phrases.mapValues { $0.sorted() }
  }

  /// The per-skill feedback of `feedback_interaction.csv`, in file order.
  ///
  /// The three feedback columns are comma-separated phrase lists; phrases are trimmed and empty
  /// ones dropped. Some rows are for (hr, job, résumé) triples with no grade in
  /// `label_interaction.csv`; they are kept (the feedback stands on its own).
  ///
  /// - Throws: `JobFitError.fileNotFound` / `.invalidDocument` naming `feedback_interaction.csv`.
  public func ferrSkillFeedback() throws -> [FERRSkillFeedback] {
    let table = try table(
      Self.ferrDataset, "feedback_interaction.csv",
      columns: [
        "hr_id", "jd_id", "resume_id", "is_chosen", "feedback_pos", "feedback_neg",
        "feedback_neutral",
      ])
    func list(_ column: String, _ record: CSVReader.Record) -> [String] {
      table.value(column, record).split(separator: ",")
        .map { String($0).trimmedField }.filter { !$0.isEmpty }
    }
    return try table.records.map { record in
      let hr = table.value("hr_id", record).trimmedField
      let job = table.value("jd_id", record).trimmedField
      let chosen = try table.integer("is_chosen", record)
      guard chosen == 0 || chosen == 1 else {
        throw JobFitError.invalidDocument(
          path: "\(table.path):\(record.line)", reason: "is_chosen \(chosen) is not 0 or 1")
      }
      return FERRSkillFeedback(
        hrID: hr, jobID: job, queryID: Self.ferrQueryID(hr: hr, job: job),
        resumeID: LivecareerResumes.documentID(
          table.value("resume_id", record).trimmedField),
        chosen: chosen == 1, positive: list("feedback_pos", record),
        negative: list("feedback_neg", record), neutral: list("feedback_neutral", record))
    }
  }
}
