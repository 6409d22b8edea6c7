import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A file to read and the id its document gets.
struct WorkItem: Sendable {
  var path: String
  var id: String
  /// An extension-less file found in a directory: a binary one is skipped, not a failure.
  var sniffedInDirectory: Bool
  /// A problem found while listing (missing path, unreadable folder), reported in its place.
  var failure: JobFitError? = nil
}

extension DocumentLoader {
  /// Adds the files of one input path, or a failure when it cannot be listed.
  func expand(_ path: String, into items: inout [WorkItem], result: inout DocumentLoadResult) {
    switch Self.fileType(path) {
    case .missing:
      items.append(
        WorkItem(
          path: path, id: path, sniffedInDirectory: false, failure: .fileNotFound(path: path)))
    case .directory(let identity):
      var found: [WorkItem] = []
      var visited: Set<FileIdentity> = [identity]
      var skipped = 0
      walk(directory: path, relative: "", visited: &visited, items: &found, skipped: &skipped)
      found.sort { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
      items.append(contentsOf: found)
      if skipped > 0 {
        result.warnings.append(
          "\(path): skipped \(skipped) file\(skipped == 1 ? "" : "s") with unknown extensions")
      }
    case .other:
      items.append(
        WorkItem(
          path: path, id: URL(fileURLWithPath: path).lastPathComponent, sniffedInDirectory: false))
    }
  }

  private func walk(
    directory: String, relative: String, visited: inout Set<FileIdentity>, items: inout [WorkItem],
    skipped: inout Int
  ) {
    let names: [String]
    do {
      names = try FileManager.default.contentsOfDirectory(atPath: directory)
    } catch {
      let reason =
        access(directory, R_OK | X_OK) == 0 ? "cannot list directory" : "permission denied"
      let error = JobFitError.unreadable(path: directory, reason: reason)
      items.append(
        WorkItem(path: directory, id: relative, sniffedInDirectory: false, failure: error))
      return
    }
    for name in names where !name.hasPrefix(".") {
      let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
      let id = relative.isEmpty ? name : relative + "/" + name
      switch Self.fileType(path) {
      case .missing:  // a dangling symbolic link
        items.append(
          WorkItem(
            path: path, id: id, sniffedInDirectory: false, failure: .fileNotFound(path: path)))
      case .directory(let identity):
        guard visited.insert(identity).inserted else { continue }  // a symlink loop or repeat
        walk(directory: path, relative: id, visited: &visited, items: &items, skipped: &skipped)
      case .other:
        let ext = URL(fileURLWithPath: name).pathExtension.lowercased()
        if ext.isEmpty {
          items.append(WorkItem(path: path, id: id, sniffedInDirectory: true))
        } else if FileKind.knownExtensions.contains(ext)
          || FileKind.unsupportedExtensions[ext] != nil
        {
          items.append(WorkItem(path: path, id: id, sniffedInDirectory: false))
        } else {
          skipped += 1
        }
      }
    }
  }

  /// Device and inode: what makes two paths the same directory.
  struct FileIdentity: Hashable {
    var device: UInt64
    var inode: UInt64
  }

  enum FileType {
    case missing
    case directory(FileIdentity)
    case other
  }

  /// The type of what `path` points to, following symbolic links.
  static func fileType(_ path: String) -> FileType {
    var info = stat()
    guard stat(path, &info) == 0 else {
      // Exists but cannot be stat'ed through (e.g. a loop of links): let the reader report it.
      var linkInfo = stat()
      return lstat(path, &linkInfo) == 0 && errno != ENOENT ? .other : .missing
    }
    if info.st_mode & S_IFMT == S_IFDIR {
      return .directory(FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino)))
    }
    return .other
  }
}
