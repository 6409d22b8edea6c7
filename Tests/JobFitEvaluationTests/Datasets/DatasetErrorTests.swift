import Foundation
import JobFitCore
import JobFitEvaluation
import Testing

/// Missing and malformed files fail with one-line errors that name the file.
@Suite struct DatasetErrorTests {
  @Test func missingFileIsNamed() throws {
    let root = try DatasetFixtures.temporaryRoot()
    defer { try? FileManager.default.removeItem(at: root) }
    let path = root.appendingPathComponent("gulp-cv-project-matching-de/pairs.csv").path
    #expect(throws: JobFitError.fileNotFound(path: path)) {
      try EvaluationData(root: root).gulpTask()
    }
    do {
      _ = try EvaluationData(root: root).livecareerResumes()
      Issue.record("expected an error")
    } catch let error as JobFitError {
      #expect(error.description.hasSuffix("livecareer_resumes.csv: no such file or directory"))
      #expect(!error.description.contains("\n"))
    }
  }

  @Test func rowOfTheWrongWidthNamesFileAndLine() throws {
    let root = try DatasetFixtures.temporaryRoot()
    defer { try? FileManager.default.removeItem(at: root) }
    try DatasetFixtures.write(
      "cv,jobpost,label\n1,10,1\n1,11\n", "gulp-cv-project-matching-de", "pairs.csv", in: root)
    let path = root.appendingPathComponent("gulp-cv-project-matching-de/pairs.csv").path
    #expect(
      throws: JobFitError.invalidDocument(
        path: "\(path):3", reason: "row has 2 fields; the header has 3")
    ) { try EvaluationData(root: root).gulpTask() }
  }

  @Test func missingColumnIsNamed() throws {
    let root = try DatasetFixtures.temporaryRoot()
    defer { try? FileManager.default.removeItem(at: root) }
    try DatasetFixtures.write(
      "ID,Category,Title\n1,HR,HR\n", "kaggle-livecareer-resume-dataset", "livecareer_resumes.csv",
      in: root)
    let path = root.appendingPathComponent(
      "kaggle-livecareer-resume-dataset/livecareer_resumes.csv"
    ).path
    #expect(
      throws: JobFitError.invalidDocument(
        path: path, reason: "missing column(s) Resume_str; expected ID, Category, Title, Resume_str"
      )
    ) { try EvaluationData(root: root).livecareerResumes() }
  }

  @Test func gradeOutOfRangeIsRejected() throws {
    let root = try DatasetFixtures.temporaryRoot()
    defer { try? FileManager.default.removeItem(at: root) }
    let gulp = "gulp-cv-project-matching-de"
    try DatasetFixtures.write("cv,jobpost,label\n1,10,6\n", gulp, "pairs.csv", in: root)
    try DatasetFixtures.write("cv_id,text,lang\n1,CV,de\n", gulp, "cvs.csv", in: root)
    try DatasetFixtures.write("jobpost_id,text,lang\n10,Post,de\n", gulp, "jobposts.csv", in: root)
    let path = root.appendingPathComponent("\(gulp)/pairs.csv").path
    #expect(
      throws: JobFitError.invalidDocument(path: "\(path):2", reason: "label 6 is outside 1–5")
    ) { try EvaluationData(root: root).gulpTask() }
  }

  @Test func unterminatedQuoteIsReported() throws {
    let root = try DatasetFixtures.temporaryRoot()
    defer { try? FileManager.default.removeItem(at: root) }
    try DatasetFixtures.write(
      "cv,jobpost,label\n1,10,1\n2,\"11,3\n", "gulp-cv-project-matching-de", "pairs.csv", in: root)
    let path = root.appendingPathComponent("gulp-cv-project-matching-de/pairs.csv").path
    #expect(
      throws: JobFitError.invalidDocument(path: "\(path):3", reason: "unterminated quoted field")
    ) { try EvaluationData(root: root).gulpTask() }
  }
}
