/// An RFC 4180 CSV parser over UTF-8 bytes.
///
/// Fields are separated by commas and records by LF or CRLF; a field in double quotes may hold
/// commas, line breaks and doubled quotes (`""`). It is forgiving where RFC 4180 is silent: a
/// quote inside an unquoted field, or text after a closing quote, is kept literally. Blank lines
/// are skipped. An unterminated quote ends parsing with an error at the line it opened on;
/// the records before it are kept.
package enum CSVReader {
  package struct Record {
    /// 1-based line where the record starts.
    package var line: Int
    package var fields: [String]
  }

  package struct Parsed {
    package var records: [Record]
    /// Line of an unterminated quoted field, if parsing stopped early.
    package var unterminatedQuoteLine: Int?
  }

  /// Parses `bytes`.
  ///
  /// - Complexity: O(*n*) in the number of bytes; each field is decoded once.
  package static func parse(_ bytes: [UInt8]) -> Parsed {
    bytes.withUnsafeBufferPointer { parse($0) }
  }

  private static func parse(_ b: UnsafeBufferPointer<UInt8>) -> Parsed {
    let quote = UInt8(ascii: "\"")
    let comma = UInt8(ascii: ",")
    let lf: UInt8 = 0x0A
    let cr: UInt8 = 0x0D
    var records: [Record] = []
    var fields: [String] = []
    var line = 1
    var recordLine = 1
    var i = b.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    var scratch: [UInt8] = []
    let n = b.count

    func endRecord() {
      // A blank line is one empty field: skip it.
      if !(fields.count == 1 && fields[0].isEmpty) {
        records.append(Record(line: recordLine, fields: fields))
      }
      fields.removeAll(keepingCapacity: true)
    }

    while i < n {
      if fields.isEmpty { recordLine = line }
      var field: String
      if b[i] == quote {
        let openLine = line
        scratch.removeAll(keepingCapacity: true)
        i += 1
        var closed = false
        while i < n {
          let byte = b[i]
          if byte == quote {
            if i + 1 < n, b[i + 1] == quote {
              scratch.append(quote)
              i += 2
              continue
            }
            i += 1
            closed = true
            break
          }
          if byte == lf { line += 1 }
          scratch.append(byte)
          i += 1
        }
        guard closed else { return Parsed(records: records, unterminatedQuoteLine: openLine) }
        // Anything between the closing quote and the separator is kept as written.
        while i < n, b[i] != comma, b[i] != lf, !(b[i] == cr && (i + 1 == n || b[i + 1] == lf)) {
          scratch.append(b[i])
          i += 1
        }
        field = String(decoding: scratch, as: UTF8.self)
      } else {
        let start = i
        while i < n, b[i] != comma, b[i] != lf { i += 1 }
        var end = i
        if end > start, b[end - 1] == cr, i == n || b[i] == lf { end -= 1 }
        field = String(decoding: UnsafeBufferPointer(rebasing: b[start..<end]), as: UTF8.self)
      }
      fields.append(field)
      if i >= n { break }
      if b[i] == cr { i += 1 }
      if i < n, b[i] == comma {
        i += 1
        if i == n { fields.append("") }
        continue
      }
      // End of record (LF).
      i += 1
      line += 1
      endRecord()
    }
    if !fields.isEmpty { endRecord() }
    return Parsed(records: records, unterminatedQuoteLine: nil)
  }
}
