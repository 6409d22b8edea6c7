import JobFitCore

extension EvaluationData {
  /// The dataset keys `jobfit eval --tasks` accepts, in report order.
  public static let datasetKeys = ["dsinwild", "google", "ferr", "gulp", "vanetik"]

  /// The tasks of the named datasets (keys of `datasetKeys`); the livecareer résumés are read
  /// once and shared by the tasks that rank or query them.
  public func tasks(datasets keys: [String]) throws -> [EvaluationTask] {
    let wanted = Set(keys)
    let needsResumes = !wanted.isDisjoint(with: ["dsinwild", "google", "ferr"])
    let resumes = needsResumes ? try livecareerResumes() : nil
    var tasks: [EvaluationTask] = []
    for key in Self.datasetKeys where wanted.contains(key) {
      switch key {
      case "dsinwild": tasks += try dsinwildTasks(resumes: resumes)
      case "google": tasks += try googleTasks(resumes: resumes)
      case "ferr": tasks.append(try ferrTask(resumes: resumes))
      case "gulp": tasks.append(try gulpTask())
      case "vanetik": tasks.append(try vanetikTask())
      default: break
      }
    }
    return tasks
  }
}
