import Crypto
import Foundation
import SupplierTrustCSV
import SupplierTrustModel
import SupplierTrustStore

#if canImport(Glibc)
  import Glibc
#endif

/// How an import or check run behaves.
public struct ImportOptions: Sendable {
  /// Stop at the first rejected record, storing nothing from that file.
  public var strict = false
  /// Where files of rejected records are written (nil: not written).
  public var rejectsDirectory: String?
  /// Called for each rejected record as it is found (e.g. to print it at once).
  public var onReject: (@Sendable (Rejection) -> Void)?
  /// Rejected records kept in memory for the report; later ones go to a ``RejectSpill`` file, so
  /// that a run rejecting millions stays within its memory.
  public var rejectsKeptInMemory = 20_000
  /// Bytes read from a CSV file at a time; each chunk's records travel as one batch from the
  /// reader thread to the importing thread. Small enough that a batch (its bytes, field index and
  /// values, some three times the chunk) is still in the caches when the next stage reads it:
  /// with 4 MiB chunks and deeper queues a check of size L took 10-15 % longer, on one core and
  /// on two, and 40 % more memory.
  public var csvChunkSize = 512 << 10
  /// Records per batch handed over by the XML reader thread.
  public var xmlBatchSize = 4096
  /// Called now and then with the file being read and the share of it done (0...1).
  public var onProgress: (@Sendable (String, Double) -> Void)?
  /// Keeps every accepted record in ``Importer/catalog`` (for scoring files without a store).
  public var collectsCatalog = false
  /// Whether a collected catalog's sources get their files' SHA-256 (shown by JSON and the HTML
  /// report); a ranked table has no use for it, and hashing is a tenth of reading a file.
  public var hashesCollectedFiles = true
  /// Whether a collected catalog's one reviews file may be read on a thread of its own beside
  /// the other files (the outcome is the same as reading them in turn, which tests compare).
  public var readsReviewsAlongside = true
  /// Called with a file's path once its records are committed to the store (not when checking):
  /// an interrupted import can then say which files went in.
  public var onFileCommitted: (@Sendable (String) -> Void)?
  /// Runs each file's commit and its ``onFileCommitted`` call, so that an interruption can wait
  /// for both or keep them from starting: never the one without the other.
  public var aroundCommit: (@Sendable (() -> Void) -> Void)?

  /// The default options, as the properties above give them.
  public init() {}
}

/// Reads catalog files (CSV or XML, files or folders), validates every record against the
/// contract, and upserts the good ones into a ``Store``, one transaction per file.
///
/// Suppliers are imported before the records that refer to them, whatever the order of the paths.
/// A record is rejected (reported, kept in a rejects file, never stored) when it breaks a rule,
/// names a supplier that is neither in the store nor in this run, or repeats an id already seen in
/// the same file.
public final class Importer {
  /// Where accepted records go; nil to validate only (`check`).
  let store: Store?
  let options: ImportOptions
  /// Suppliers that records may refer to: those in the store and those accepted in this run.
  var knownSuppliers: ByteKeySet
  /// Suppliers that a later XML document of this run holds, read ahead (well-formed records of a
  /// document that parses to its end): records may name them before their document is read.
  var promisedSuppliers = ByteKeySet()
  /// Promised suppliers that records of this run's stored (or, for a check, read) files were
  /// accepted for, and those of the file being read (kept once it is).
  var reliedOnPromises = Set<String>()
  var fileReliedOnPromises = Set<String>()
  /// Suppliers whose own record was rejected in this run, and where, to explain later rejects.
  var rejectedSuppliers: [String: String] = [:]
  /// The supplier id last found in ``knownSuppliers`` (forgotten when a file is rolled back).
  var lastKnownSupplier: [UInt8]?
  var report = ImportReport()
  var stopped = false
  /// Kinds that more than one file of this run may hold (two CSV files of the kind, or an XML
  /// document beside another file), when not collecting a catalog (which finds its own repeats):
  /// their ids are kept per file, so that an id in two files is said rather than the later
  /// record silently replacing the earlier (black-box review 36).
  var kindsInSeveralFiles: Set<RecordKind> = []
  /// The ids of each such kind from the files already committed in this run, with their path.
  /// Every id of each such kind from the files committed so far, in one index per kind (one
  /// look-up a record however many files came before), its line an entry of ``idOrigins``.
  var committedIDs: [RecordKind: IdentityIndex] = [:]
  /// Where each id of ``committedIDs`` was last committed: a file of ``originPaths`` and a line.
  var idOrigins: [(file: Int32, line: Int32)] = []
  var originPaths: [String] = []
  /// Ids found in a later file of the run than one already committed, in the order met.
  var crossFileRepeats: [CrossFileRepeat] = []
  /// Accepted records of the files read so far, when ``ImportOptions/collectsCatalog`` is set.
  var catalog = Catalog()
  /// False while another thread reads a reviews file and shows its progress instead.
  var reportsProgress = true

  /// The records accepted by ``run(paths:)`` when ``ImportOptions/collectsCatalog`` is set.
  ///
  /// As in the store, a record whose id appears in several files is the one read last.
  public func collectedCatalog() -> Catalog {
    collectedCatalogWithRepeats().catalog
  }

  /// Records of one kind whose id appeared in more than one of the files read: the later file's
  /// record is used, as a re-import updates the store, but silently it looked like a lost record
  /// (black-box review 16).
  public struct CrossFileRepeat: Sendable, Equatable {
    /// The kind of the repeated records.
    public var kind: RecordKind
    /// How many records were replaced by a later file's.
    public var count: Int
    /// The first one: its id, where it was, and the record that replaced it.
    public var id: String
    /// Where the first repeated record was (`path:line`) before a later file's replaced it.
    public var replaced: String
    /// Where the record that replaced it was read (`path:line`).
    public var keptFrom: String

    /// One warning line, without its `warning:` prefix, safe for a terminal.
    public var message: String {
      let others = count > 1 ? " and \(count - 1) more \(kind.rawValue)" : ""
      return
        ("\(kind.rawValue.dropLast()) \(id) (\(replaced))\(others) \(count > 1 ? "appear" : "appears") in more than one file; the last file read is used "
        + "(\(keptFrom)): files holding suppliers are read first, then CSV files by kind, whatever order they are named in; a correction wins when named after the file it corrects in the same format, or imported after it")
        .terminalSafe
    }
  }

  /// ``collectedCatalog()`` and the ids it found in more than one file, by kind.
  public func collectedCatalogWithRepeats() -> (catalog: Catalog, repeats: [CrossFileRepeat]) {
    var result = catalog
    var repeats: [CrossFileRepeat] = []
    func note(_ kind: RecordKind, _ id: String, replaced: SourceRef, kept: SourceRef) {
      if let last = repeats.indices.last, repeats[last].kind == kind {
        repeats[last].count += 1
      } else {
        repeats.append(
          CrossFileRepeat(
            kind: kind, count: 1, id: id, replaced: catalog.location(replaced),
            keptFrom: catalog.location(kept)))
      }
    }
    func lastWins<R>(_ kind: RecordKind, _ records: inout [Sourced<R>], _ key: (R) -> String) {
      guard Self.comeFromSeveralFiles(records.lazy.map(\.source)) else { return }
      var seen: [String: SourceRef] = [:]
      var kept: [Sourced<R>] = []
      kept.reserveCapacity(records.count)
      var replaced: [(String, SourceRef, SourceRef)] = []
      for record in records.reversed() {
        let id = key(record.record)
        if let keeper = seen[id] {
          replaced.append((id, record.source, keeper))
        } else {
          seen[id] = record.source
          kept.append(record)
        }
      }
      for (id, source, keeper) in replaced.reversed() { note(kind, id, replaced: source, kept: keeper) }
      records = kept.reversed()
    }
    lastWins(.suppliers, &result.suppliers, \.id)
    lastWins(.certifications, &result.certifications, \.key)
    lastWins(.audits, &result.audits, \.id)
    if Self.comeFromSeveralFiles(result.reviews.sources) {
      var seen: [String: SourceRef] = [:]
      var kept: [Int] = []
      var replaced: [(String, SourceRef, SourceRef)] = []
      for k in result.reviews.indices.reversed() {
        let id = result.reviews.ids[k]
        if let keeper = seen[id] {
          replaced.append((id, result.reviews.sources[k], keeper))
        } else {
          seen[id] = result.reviews.sources[k]
          kept.append(k)
        }
      }
      for (id, source, keeper) in replaced.reversed() { note(.reviews, id, replaced: source, kept: keeper) }
      result.reviews = result.reviews.reordered(by: kept.reversed())
    }
    lastWins(.orders, &result.orders, \.id)
    if !repeats.isEmpty {
      // Each file's count is of the records the catalog holds from it, as the store counts them
      // (a record replaced by a later file's had still been counted: black-box review 32).
      result.countRecordsBySource()
    }
    return (result, repeats)
  }

  /// Whether `sources` name more than one file. Asked of every kind of a collected catalog: a
  /// `Set` of the 4 M reviews' files hashed each one, 0.03 s on one core at the end of reading.
  static func comeFromSeveralFiles(_ sources: some Sequence<SourceRef>) -> Bool {
    var first: Int32?
    for source in sources {
      if let first {
        if source.file != first { return true }
      } else {
        first = source.file
      }
    }
    return false
  }

  /// Which input each rejects file belongs to, so that same-named inputs do not share one.
  var rejectsPathOwners: [String: String] = [:]
  /// The reviews files whose texts a collected catalog leaves on disk.
  let reviewTextFiles = TextFiles()

  /// - Parameters:
  ///   - store: where accepted records go; nil to check the files without storing anything
  ///     (duplicates are then found with an in-memory index of each file's ids).
  ///   - knownSuppliers: further supplier ids that records may refer to (for a check, those of
  ///     the workspace store).
  public init(store: Store?, options: ImportOptions = ImportOptions(), knownSuppliers: Set<String> = [])
    throws(StoreError)
  {
    self.store = store
    self.options = options
    var known = ByteKeySet(try store?.supplierIDs() ?? [])
    for id in knownSuppliers { known.insert(id) }
    self.knownSuppliers = known
  }

  /// An importer that collects a catalog without a store, knowing `knownSuppliers` already.
  init(collectingWith options: ImportOptions, knownSuppliers: ByteKeySet) {
    self.store = nil
    self.options = options
    self.knownSuppliers = knownSuppliers
  }

  /// Opens the per-file state: a store transaction, or an in-memory id index for a check.
  func beginFile(_ path: String, format: String) -> FileRun? {
    // A check stores nothing and keeps no sources, so it has no use for the file's digest (on
    // one core, hashing was a tenth of a check's time).
    guard let store else {
      return FileRun(
        path: path, session: nil, hashes: options.collectsCatalog && options.hashesCollectedFiles)
    }
    do {
      return FileRun(
        path: path,
        session: try store.beginImport(path: path, format: format, startedAt: Importer.timestamp()),
        hashes: true)
    } catch {
      report.failures.append(
        FileFailure(file: path, line: nil, message: "\(error)", fix: "check the store (--db)"))
      return nil
    }
  }

  /// Imports `paths` (files or folders) and returns what happened.
  public func run(paths: [String]) -> ImportReport {
    let files = plan(paths)
    let clock = StageTimer(prefix: "reading: ")
    defer { clock.lap("collected") }
    if !options.collectsCatalog {
      var filesPerKind: [RecordKind: Int] = [:]
      for file in files {
        switch file.format {
        case .csv(let kind, _): filesPerKind[kind, default: 0] += 1
        case .xml: for kind in RecordKind.allCases { filesPerKind[kind, default: 0] += 1 }
        }
      }
      kindsInSeveralFiles = Set(filesPerKind.filter { $0.value > 1 }.keys)
    }

    // Suppliers of a later XML document: read ahead, so that a record naming one is not refused
    // for the order the files came in (black-box review 89: `import a.xml b.xml` refused a.xml's
    // reviews of b.xml's supplier, and the same import again accepted them). CSV supplier files
    // are read before any XML document, and the first XML document's records that name a
    // supplier later in it wait for the end of it.
    let supplierDocuments = files.filter {
      if case .xml(holdsSuppliers: true) = $0.format { return true }
      return false
    }
    var promisedBy: [String: String] = [:]
    for document in supplierDocuments.dropFirst() {
      for id in wellFormedSupplierIDs(inXML: document.path) {
        promisedSuppliers.insert(id)
        if promisedBy[id] == nil { promisedBy[id] = document.path }
      }
    }
    // Reading files to score them: the reviews file, most of a catalog's bytes, is read on an
    // importer and thread of its own once the suppliers it refers to are known, beside the
    // certificates, audits and orders (read one after the other, they had left a core idle for
    // a quarter of a second at size L).
    let concurrentReviews = concurrentReviewsFile(files)
    var reviewsReader: ConcurrentReviews?
    for file in files {
      if let concurrentReviews {
        if file.path == concurrentReviews.path { continue }
        if reviewsReader == nil, file.order > 0 { reviewsReader = startReviews(concurrentReviews) }
      }
      defer { clock.lap(file.path) }
      if stopped {
        report.warnings.append(
          ImportWarning(
            file: file.path, line: nil,
            message: "not read: --strict stopped the import at the first rejected record"))
        continue
      }
      switch file.format {
      case .csv(let kind, _): importCSV(file.path, kind: kind)
      case .xml: importXML(file.path)
      }
    }
    if let concurrentReviews {
      absorb(reviewsReader ?? startReviews(concurrentReviews))
      clock.lap(concurrentReviews.path)
    }
    // A promise its document did not keep (it failed, `--strict` stopped, or its supplier record
    // was refused in the end): the records that relied on it were stored without their supplier,
    // which is said, with what to do (code review).
    // Said per document that did not bring them (black-box review 94: every later document was
    // named, stored or not).
    let broken = Dictionary(
      grouping: reliedOnPromises.filter { !knownSuppliers.contains($0) }, by: { promisedBy[$0] ?? "" })
    for (document, ids) in broken.sorted(by: { $0.key < $1.key }) {
      let names = ids.sorted()
      report.warnings.append(
        ImportWarning(
          file: document, line: nil,
          message:
            "records naming \(names.prefix(5).joined(separator: ", "))\(names.count > 5 ? " and \(names.count - 5) more" : "") were accepted for this document's supplier records, read ahead, but it was not stored; they have no supplier until it is fixed and imported again"
        ))
    }
    // After the files (a `defer` would run after the report was returned), each counted with
    // the later file's records of its kind, so that the table's totals add up.
    for repeated in crossFileRepeats {
      let colon = repeated.keptFrom.lastIndex(of: ":") ?? repeated.keptFrom.endIndex
      let file = String(repeated.keptFrom[..<colon])
      let line =
        colon < repeated.keptFrom.endIndex
        ? Int(repeated.keptFrom[repeated.keptFrom.index(after: colon)...]) : nil
      if let entry = report.files.lastIndex(where: { $0.path == file && $0.kind == repeated.kind }) {
        report.files[entry].warnings += 1
      }
      report.warnings.append(ImportWarning(file: file, line: line, message: repeated.message))
    }
    // A check stores nothing: its failures say what to do without saying nothing was stored
    // (black-box review 116 read "nothing from this file was stored" from `check`).
    if store == nil {
      for k in report.failures.indices {
        report.failures[k].fix = Importer.checkingFix(report.failures[k].fix)
      }
    }
    return report
  }

  /// A file failure's fix as a check gives it: without the words about storing, and "import it
  /// again" as "check it again".
  static func checkingFix(_ fix: String) -> String {
    var fix = fix
    for storing in ["; nothing from this file was stored", "; nothing from it was stored"] {
      fix = fix.replacingOccurrences(of: storing, with: "")
    }
    if fix.hasPrefix("nothing from this file was stored; ") {
      fix.removeFirst("nothing from this file was stored; ".count)
    }
    return fix.replacingOccurrences(of: "import it again", with: "check it again")
  }

  // MARK: - Reading the reviews file beside the others

  /// A reviews file read by an importer of its own on another thread, and when it is done.
  struct ConcurrentReviews: @unchecked Sendable {
    let importer: Importer
    let done: DispatchSemaphore
  }

  /// The one reviews file of a run that collects a catalog from CSV files, when it can be read
  /// beside the others with the same outcome as in turn: nothing is stored, written or told per
  /// record, and nothing but the suppliers read before it decides its records' fate. It is the
  /// last file read (reviews come last), so its records and report entries keep their order.
  func concurrentReviewsFile(_ files: [PlannedFile]) -> PlannedFile? {
    guard options.readsReviewsAlongside, store == nil, options.collectsCatalog, !options.strict,
      options.onReject == nil,
      options.rejectsDirectory == nil, let last = files.last, files.count > 1,
      case .csv(.reviews, _) = last.format
    else { return nil }
    let onlyCSV = files.allSatisfy {
      if case .csv(let kind, _) = $0.format { return kind != .reviews || $0.path == last.path }
      return false
    }
    // Something besides suppliers to read meanwhile.
    guard onlyCSV, files.contains(where: { $0.order > 0 && $0.path != last.path }) else { return nil }
    return last
  }

  /// Starts reading `file` on another thread, with the suppliers known now (every supplier file
  /// has been read). Its progress is the one shown: the other files are small beside it.
  func startReviews(_ file: PlannedFile) -> ConcurrentReviews {
    reportsProgress = false
    // Made here, not on its thread: the supplier set is copied while nothing else changes it.
    let importer = Importer(collectingWith: options, knownSuppliers: knownSuppliers)
    importer.rejectedSuppliers = rejectedSuppliers
    let reader = ConcurrentReviews(importer: importer, done: DispatchSemaphore(value: 0))
    let thread = Thread {
      defer { reader.done.signal() }
      guard case .csv(let kind, _) = file.format else { return }
      reader.importer.importCSV(file.path, kind: kind)
    }
    thread.stackSize = 8 << 20
    thread.start()
    return reader
  }

  /// Waits for the reviews file and takes its records, sources and report after this run's
  /// own, as reading it last in turn would have left them.
  func absorb(_ reader: ConcurrentReviews) {
    reader.done.wait()
    reportsProgress = true
    let child = reader.importer
    let offset = Int32(catalog.sources.count)
    catalog.sources.append(contentsOf: child.catalog.sources)
    if !child.catalog.sources.isEmpty {
      var reviews = child.catalog.reviews
      child.catalog = Catalog()
      reviews.moveSources(toFile: offset)
      catalog.reviews.append(contentsOf: reviews)
    }
    report.files.append(contentsOf: child.report.files)
    report.warnings.append(contentsOf: child.report.warnings)
    report.failures.append(contentsOf: child.report.failures)
    // The first ones kept in memory, as one importer reading both would have kept them.
    func keep(_ rejection: Rejection) {
      if report.rejects.count < options.rejectsKeptInMemory {
        report.rejects.append(rejection)
      } else {
        if report.spilledRejects == nil { report.spilledRejects = RejectSpill() }
        if let spill = report.spilledRejects {
          spill.append(rejection)
        } else {
          report.rejects.append(rejection)
        }
      }
    }
    for rejection in child.report.rejects { keep(rejection) }
    child.report.spilledRejects?.forEachBatch { batch in batch.forEach(keep) }
  }

  // MARK: - Planning

  enum Format {
    case csv(RecordKind, header: [String])
    /// `holdsSuppliers`: a `<supplier` start tag appears in the first MiB, so the document goes
    /// before files that may refer to its suppliers.
    case xml(holdsSuppliers: Bool)
  }

  struct PlannedFile {
    let path: String
    let format: Format

    var order: Int {
      switch format {
      case .csv(let kind, _): return kind == .suppliers ? 0 : 10 + kind.importOrder
      case .xml(let holdsSuppliers): return holdsSuppliers ? 5 : 20
      }
    }
  }

  /// Expands folders, identifies each file, and orders them so that suppliers come first.
  func plan(_ paths: [String]) -> [PlannedFile] {
    var planned: [PlannedFile] = []
    var seen = Set<String>()
    for path in paths {
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
        report.failures.append(
          FileFailure(
            file: path, line: nil, message: "no such file or folder",
            fix: "check the path; give CSV or XML files, or folders holding them"))
        continue
      }
      var candidates: [String] = []
      if isDirectory.boolValue {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        var skipped: [String] = []
        for name in names.sorted() where !name.hasPrefix(".") {
          let lower = name.lowercased()
          let full = path.hasSuffix("/") ? path + name : path + "/" + name
          if lower.hasSuffix(".csv") || lower.hasSuffix(".xml") {
            candidates.append(full)
          } else if !Importer.storeFileSuffixes.contains(where: { lower.hasSuffix($0) }) {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: full, isDirectory: &isFolder), !isFolder.boolValue {
              skipped.append(name)
            }
          }
        }
        // Said, not silently dropped: a folder's reviews.tsv or workbook holds records too
        // (black-box review 44).
        if !skipped.isEmpty {
          report.warnings.append(
            ImportWarning(
              file: path, line: nil,
              message:
                "skipped \(skipped.count) file\(skipped.count == 1 ? "" : "s") not named .csv or .xml: \(skipped.prefix(8).joined(separator: ", "))\(skipped.count > 8 ? ", ..." : "") (save catalog data as CSV or XML to read it)"
            ))
        }
        if candidates.isEmpty {
          // Nothing to read is a command that could not do its job (exit 1), not a clean run with
          // a warning (black-box review 18).
          report.failures.append(
            FileFailure(
              file: path, line: nil, message: "the folder holds no .csv or .xml file",
              fix: "name the folder that holds the catalog files (suppliers.csv, reviews.csv, ... or *.xml)"))
        }
      } else {
        candidates.append(path)
      }
      // By the file itself, not its spelling: `b/reviews.csv` and `./b/reviews.csv` are read once
      // (black-box review 89 had them counted twice, and warned of 396 repeats "in another file").
      for candidate in candidates where seen.insert(Importer.canonicalPath(candidate)).inserted {
        if let file = identify(candidate, foundInFolder: isDirectory.boolValue) { planned.append(file) }
      }
    }
    // Stable: files of the same rank keep the order given.
    return planned.enumerated().sorted { ($0.element.order, $0.offset) < ($1.element.order, $1.offset) }
      .map(\.element)
  }

  /// What identifies the file at `path`: its device and inode, or else its path with links and
  /// `.`/`..` resolved, or as given.
  static func canonicalPath(_ path: String) -> String {
    // The file itself: its device and inode, which hard links share too (black-box review 94).
    var info = stat()
    if stat(path, &info) == 0 { return "\(info.st_dev):\(info.st_ino)" }
    guard let resolved = realpath(path, nil) else { return path }
    defer { free(resolved) }
    return String(cString: resolved)
  }

  /// Tells a file's format and kind. A CSV file found in a folder whose header is no catalog kind
  /// (a notes or manifest file) is skipped with a warning; named on its own, it is an error.
  func identify(_ path: String, foundInFolder: Bool = false) -> PlannedFile? {
    let lower = path.lowercased()
    // A pipe can be read once, and a file is read more than once (its kind, its records, the rest
    // of its checksum after a stop): a named pipe hung, waiting for a second writer.
    var status = stat()
    if stat(path, &status) == 0, (status.st_mode & S_IFMT) != S_IFREG {
      let type = status.st_mode & S_IFMT
      let what = type == S_IFIFO ? "a pipe" : type == S_IFSOCK ? "a socket" : "a device"
      report.failures.append(
        FileFailure(
          file: path, line: nil,
          message: "the path is \(what), not a regular file (a catalog file is read more than once)",
          fix: "save the data to a regular file first (e.g. cat ... > suppliers.csv) and give that file"))
      return nil
    }
    if lower.hasSuffix(".xml") {
      return PlannedFile(path: path, format: .xml(holdsSuppliers: Importer.mentionsSupplierElement(path)))
    }
    guard lower.hasSuffix(".csv") else {
      report.failures.append(
        FileFailure(
          file: path, line: nil, message: "not a .csv or .xml file",
          fix: "give catalog files named *.csv (one kind per file) or *.xml"))
      return nil
    }
    if let encoding = Importer.wideEncoding(path) {
      report.failures.append(
        FileFailure(
          file: path, line: 1, message: "the file is \(encoding) text, not UTF-8",
          fix:
            "save it as UTF-8 (a spreadsheet's \"CSV UTF-8\"), or convert it: iconv -f \(encoding) -t UTF-8 FILE > FILE-utf8.csv"
        ))
      return nil
    }
    if let format = Importer.binaryFormat(path) {
      report.failures.append(
        FileFailure(
          file: path, line: nil, message: "the file is \(format), not CSV text",
          fix:
            "open it in its program and save each kind of record as CSV UTF-8 (comma delimited), e.g. suppliers.csv and reviews.csv"
        ))
      return nil
    }
    do {
      let reader = try CSVReader(path: path, chunkSize: 64 << 10)
      guard let header = try reader.readHeader() else {
        report.failures.append(
          FileFailure(
            file: path, line: nil, message: "the file is empty", fix: "add a header row and records"))
        return nil
      }
      let names = header.map(Columns.normalizeHeader)
      guard let kind = Columns.kind(forHeader: names, fileName: path) else {
        // A European spreadsheet's "CSV" (semicolons) or a tab-separated export: one header
        // field that splits into a known kind's columns (black-box review 44).
        for (separator, word) in [(";", "semicolons (;)"), ("\t", "tabs")] where names.count == 1 {
          // Each name may be quoted as a whole ("supplier_id";"name";... from R or pandas).
          let split = header[0].split(separator: Character(separator), omittingEmptySubsequences: false)
            .map { part -> String in
              let name = part.trimmingCharacters(in: .whitespaces)
              guard name.count >= 2, name.hasPrefix("\""), name.hasSuffix("\"") else {
                return Columns.normalizeHeader(name)
              }
              return Columns.normalizeHeader(String(name.dropFirst().dropLast()))
            }
          guard split.count > 1, Columns.kind(forHeader: split, fileName: path) != nil else { continue }
          report.failures.append(
            FileFailure(
              file: path, line: reader.headerLine,
              message: "the file separates its fields with \(word), not commas",
              fix:
                "save it as CSV UTF-8 (comma delimited) from the spreadsheet; the catalog's CSV separates fields with commas"
            ))
          return nil
        }
        if let misquoted = Importer.misquotedHeaderFailure(header, file: path, line: reader.headerLine) {
          report.failures.append(misquoted)
          return nil
        }
        let shown = Importer.clipped(names.prefix(6).joined(separator: ","), to: 120)
        if foundInFolder {
          report.warnings.append(
            ImportWarning(
              file: path, line: reader.headerLine,
              message:
                "skipped: the header names no known record kind (\(shown))"))
          return nil
        }
        report.failures.append(
          FileFailure(
            file: path, line: reader.headerLine,
            message: "the header names no known record kind (\(shown))",
            fix:
              "the header must hold the columns of one kind, e.g. supplier_id,name,country for suppliers or review_id,supplier_id,rating,review_date for reviews"
          ))
        return nil
      }
      return PlannedFile(path: path, format: .csv(kind, header: names))
    } catch {
      report.failures.append(
        FileFailure(
          file: path, line: nil, message: error.description, fix: "check that the file exists and is readable"
        ))
      return nil
    }
  }

  /// The failure of a header with a quote inside a name not quoted as a whole (`"supplier_id" ,
  /// "name"`: spaces outside the quotes), or nil: its names then matched no column, and the
  /// error said the required columns were missing (black-box review 98).
  static func misquotedHeaderFailure(_ rawHeader: [String], file: String, line: Int?) -> FileFailure? {
    // A quote never closed on the header line swallows the records after it into one name
    // (black-box review 108: every record lost, with a warning about an unknown column).
    if let column = rawHeader.firstIndex(where: { $0.contains("\n") || $0.contains("\r") }) {
      return FileFailure(
        file: file, line: line,
        message: "header column \(column + 1) opens a quote that is not closed on the header line",
        fix: "close the quote around that name, or remove it: \"supplier_id\",\"name\"")
    }
    // A name that begins with a quote but was not quoted as a whole (spaces or more after the
    // closing quote: `"supplier_id" `, `"trade_assurance"x`); a quote inside a name
    // (`Panel 15"`) is an odd name, not broken quoting (code review).
    guard
      let column = rawHeader.firstIndex(where: {
        $0.trimmingCharacters(in: .whitespaces).hasPrefix("\"")
      })
    else { return nil }
    return FileFailure(
      file: file, line: line,
      message:
        "header column \(column + 1) (\(String(reflecting: Importer.clipped(rawHeader[column], to: 60)))) holds a quote but is not quoted as a whole",
      fix:
        "write each name unquoted or wholly in quotes, with no spaces between the quotes and the commas: \"supplier_id\",\"name\""
    )
  }

  /// What the file at `path` is when its first bytes say it is no text: a ZIP archive (an XLSX or
  /// ODS workbook), an old Excel workbook, a PDF, or an HTML page. A workbook renamed .csv had
  /// its binary header echoed back, 13 KB of it, with no word of saving it as CSV (black-box
  /// review 44).
  static func binaryFormat(_ path: String) -> String? {
    guard let file = fopen(path, "rb") else { return nil }
    defer { fclose(file) }
    var bytes = [UInt8](repeating: 0, count: 64)
    let count = bytes.withUnsafeMutableBytes { fread($0.baseAddress, 1, 64, file) }
    let head = bytes.prefix(count)
    if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
      return "a spreadsheet workbook or other ZIP archive (XLSX, ODS)"
    }
    if head.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
      return "an Excel workbook (XLS)"
    }
    if head.starts(with: Array("%PDF".utf8)) { return "a PDF document" }
    // After a byte-order mark and blanks.
    let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
    let start = head.starts(with: bom) ? head.dropFirst(3) : head[...]
    let text = String(
      decoding: start.drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }, as: UTF8.self
    )
    .lowercased()
    if text.hasPrefix("<!doctype html") || text.hasPrefix("<html") { return "an HTML page" }
    return nil
  }

  /// A store and its SQLite side files, kept beside a catalog by `import --db` in its folder: not
  /// catalog data a folder's warning should name (code review).
  static let storeFileSuffixes = [".sqlite", ".sqlite-wal", ".sqlite-shm", ".sqlite-journal"]

  /// `text` cut to `limit` characters, with an ellipsis when longer.
  static func clipped(_ text: String, to limit: Int) -> String {
    text.count <= limit ? text : String(text.prefix(limit)) + "…"
  }

  /// "UTF-16LE", "UTF-16BE", "UTF-32LE" or "UTF-32BE" when the file at `path` starts as such text
  /// does (a byte-order mark, or zero bytes beside the header's first letters), nil otherwise.
  /// Spreadsheets save "Unicode text" as UTF-16, whose header otherwise reads as no known kind
  /// with a zero byte after every letter.
  static func wideEncoding(_ path: String) -> String? {
    guard let file = fopen(path, "rb") else { return nil }
    defer { fclose(file) }
    var bytes = [UInt8](repeating: 0xAA, count: 4)
    let count = bytes.withUnsafeMutableBytes { fread($0.baseAddress, 1, 4, file) }
    guard count >= 2 else { return nil }
    let zero = bytes.map { $0 == 0 }
    if count == 4 {
      if bytes == [0xFF, 0xFE, 0, 0] || (!zero[0] && zero[1] && zero[2] && zero[3]) { return "UTF-32LE" }
      if bytes == [0, 0, 0xFE, 0xFF] || (zero[0] && zero[1] && zero[2] && !zero[3]) { return "UTF-32BE" }
    }
    if (bytes[0] == 0xFF && bytes[1] == 0xFE) || (!zero[0] && zero[1]) { return "UTF-16LE" }
    if (bytes[0] == 0xFE && bytes[1] == 0xFF) || (zero[0] && !zero[1]) { return "UTF-16BE" }
    return nil
  }

  // MARK: - Shared per-file bookkeeping

  /// State of one file being imported.
  final class FileRun {
    let path: String
    /// The store transaction, or nil when only checking.
    let session: ImportSession?
    /// For a check: the line where each id was first seen in this file, by kind.
    /// By ``RecordKind/importOrder`` (an array: a dictionary hashed the kind on every record).
    var seenIDs: [IdentityIndex?] = Array(repeating: nil, count: RecordKind.allCases.count)
    /// Ids of this file already committed by an earlier file of the run, by kind (one warning
    /// each), reported only if this file commits; and the order the kinds were first met.
    var pendingRepeats: [RecordKind: CrossFileRepeat] = [:]
    var repeatOrder: [RecordKind] = []
    /// About how many records the file holds (from its size), to size ``seenIDs`` once.
    var expectedRecords = 1024
    var accepted: [RecordKind: Int] = [:]
    var rejected: [RecordKind: Int] = [:]
    /// Warnings about one kind of record, by kind (the file's others are counted on its first entry).
    var warnings: [RecordKind: Int] = [:]
    var kindsSeen: [RecordKind] = []
    var rejects: [Rejection] = []
    /// Rejects files being written, each under a temporary name beside the path it takes once
    /// the file is stored (``Importer/publishRejectFiles(_:)``).
    var rejectWriters: [RecordKind: CSVFileWriter] = [:]
    var rejectTargets: [RecordKind: String] = [:]
    /// The rejects by line (stable): an XML document's top-level records are checked against
    /// their suppliers at its end, and their rejects were listed after later ones (black-box
    /// review 24).
    var rejectsInFileOrder: [Rejection] {
      guard zip(rejects, rejects.dropFirst()).contains(where: { $0.line > $1.line }) else { return rejects }
      return rejects.enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }.map(
        \.element)
    }
    /// Kinds whose rejects file could not be written (a full disk): not written to again.
    var rejectWritesFailed: Set<RecordKind> = []
    var strictStop = false
    let hasher: FileHasher
    /// Suppliers this file made known; forgotten again if the file is rolled back.
    var addedSuppliers: [String] = []
    /// The file's accepted records when collecting a catalog; merged only when the file finishes.
    // Appended to once per review when reading files: unchecked, as a dynamic exclusivity check
    // per access was a tenth of collecting a review (callgrind).
    @exclusivity(unchecked) var collected = Catalog()

    func collect(_ record: DecodedRecord, line: Int) {
      // File index 0 for now: rewritten when the file is merged into the importer's catalog.
      let source = SourceRef(file: 0, line: Int32(truncatingIfNeeded: line))
      switch record {
      case .supplier(let s): collected.suppliers.append(Sourced(s, source: source))
      case .certification(let c): collected.certifications.append(Sourced(c, source: source))
      case .audit(let a): collected.audits.append(Sourced(a, source: source))
      case .review(let r): collected.reviews.append(Sourced(r, source: source))
      case .order(let o): collected.orders.append(Sourced(o, source: source))
      }
    }

    /// The supplier id of the review collected last.
    private var lastReviewSupplier = ""
    private var lastReviewSupplierUTF8: [UInt8] = []

    /// A review straight from its store values into the review columns (no ``Review`` value:
    /// this runs millions of times when scoring files).
    func collectReview(_ row: StoreRow, line: Int) {
      // Reviews come grouped by supplier more often than not: the previous review's supplier id
      // is reused when the bytes match, rather than a string made and checked per review.
      let supplierBytes = row.bytes(1)
      if !lastReviewSupplierUTF8.withUnsafeBufferPointer({ ByteComparison.equal($0, supplierBytes) }) {
        lastReviewSupplierUTF8 = Array(supplierBytes)
        lastReviewSupplier = String(decoding: supplierBytes, as: UTF8.self)
      }
      let text = row[11]
      // A text as it stands in the file (not unquoted nor changed) is left there.
      let leftInFile = textFile >= 0 && !text.isNull && text.buffer == 0
      collected.reviews.append(
        idUTF8: row.bytes(0), supplierID: lastReviewSupplier, rating: row[2].double!,
        day: Day(daysSinceEpoch: Int32(truncatingIfNeeded: row[3].int64!)),
        reviewerUTF8: row[4].isNull ? nil : row.bytes(4),
        verified: row[6].int64.map { $0 != 0 }, textUTF8: text.isNull || leftInFile ? nil : row.bytes(11),
        textInFile: leftInFile ? (textFile, batchOffset + Int(text.payload), Int(text.count)) : nil,
        source: SourceRef(file: 0, line: Int32(truncatingIfNeeded: line)))
    }

    /// For a reviews file of a catalog, its number among the ``TextFiles`` its texts are left in
    /// (-1: texts are copied), and where the batch being collected starts in the file.
    var textFile: Int32 = -1
    var batchOffset = 0

    init(path: String, session: ImportSession?, hashes: Bool) {
      self.path = path
      self.session = session
      hasher = FileHasher(enabled: hashes)
    }

    func note(_ kind: RecordKind) {
      if !kindsSeen.contains(kind) { kindsSeen.append(kind) }
    }
  }

  /// Whether records may refer to the supplier with this id. Records come grouped by supplier
  /// more often than not, so the last id found is compared first, without making a string.
  func isKnownSupplier(_ id: UnsafeBufferPointer<UInt8>) -> Bool {
    if let last = lastKnownSupplier, last.count == id.count, !id.isEmpty,
      last.withUnsafeBufferPointer({ ByteComparison.equal($0, id) })
    {
      return true
    }
    if knownSuppliers.contains(id) {
      lastKnownSupplier = Array(id)
      return true
    }
    guard promisedSuppliers.contains(id) else { return false }
    // Not remembered as the last known: each record relying on a promise is noted, so that one
    // its document never kept is said at the end (code review).
    fileReliedOnPromises.insert(String(decoding: id, as: UTF8.self))
    return true
  }

  /// Checks references and stores one checked record (its values in the store's column order);
  /// returns the problem if it is refused.
  func store(_ kind: RecordKind, _ row: StoreRow, line: Int, in run: FileRun) throws(StoreError)
    -> FieldProblem?
  {
    if let problem = referenceProblem(kind, row) { return problem }
    let outcome: UpsertOutcome
    if let session = run.session {
      outcome = try session.upsert(kind, row, line: line)
    } else {
      outcome = remember(kind, row, line: line, in: run)
    }
    return written(kind, row, line: line, outcome: outcome, in: run)
  }

  /// Why a record may not be stored because of the supplier it names, if so. A supplier is
  /// known once stored, so that later records of the same file may refer to it.
  func referenceProblem(_ kind: RecordKind, _ row: StoreRow) -> FieldProblem? {
    guard kind != .suppliers else { return nil }
    return unknownSupplierProblem(row.bytes(RecordDecoder.supplierValueIndex(kind)))
  }

  /// Why a record naming the supplier with this id may not be stored, if it may not.
  func unknownSupplierProblem(_ supplier: UnsafeBufferPointer<UInt8>) -> FieldProblem? {
    if isKnownSupplier(supplier) { return nil }
    let id = String(decoding: supplier, as: UTF8.self)
    let why = rejectedSuppliers[id].map { " (its own record at \($0) was rejected)" } ?? ""
    return FieldProblem(
      column: "supplier_id", value: id,
      reason: "supplier_id \(id) is not a known supplier\(why)",
      fix: "import the supplier's profile first (suppliers.csv or a <supplier> element), or correct the id")
  }

  /// For a check (no store): notes the record's key, telling a repeat within the file.
  func remember(_ kind: RecordKind, _ row: StoreRow, line: Int, in run: FileRun) -> UpsertOutcome {
    let slot = kind.importOrder
    if run.seenIDs[slot] == nil { run.seenIDs[slot] = IdentityIndex(expectedCount: run.expectedRecords) }
    if let first = run.seenIDs[slot]!.insert(bytes: row.bytes(0), line: line) {
      return .duplicate(firstLine: first)
    }
    return .stored
  }

  /// ``remember(_:_:line:in:)`` for many records, in order.
  func remember<Records: Sequence>(_ kind: RecordKind, _ records: Records, in run: FileRun)
    -> [UpsertOutcome] where Records.Element == (StoreRow, Int)
  {
    let slot = kind.importOrder
    // Taken out of the run while in use, so that inserting neither copies it nor goes through
    // the class's exclusivity checks once per record.
    var index = run.seenIDs[slot] ?? IdentityIndex(expectedCount: run.expectedRecords)
    run.seenIDs[slot] = nil
    defer { run.seenIDs[slot] = index }
    var outcomes: [UpsertOutcome] = []
    outcomes.reserveCapacity(records.underestimatedCount)
    for (row, line) in records {
      if let first = index.insert(bytes: row.bytes(0), line: line) {
        outcomes.append(.duplicate(firstLine: first))
      } else {
        outcomes.append(.stored)
      }
    }
    return outcomes
  }

  /// What follows writing a record: its refusal if its key repeats one of the same file, or the
  /// bookkeeping of an accepted record.
  func written(_ kind: RecordKind, _ row: StoreRow, line: Int, outcome: UpsertOutcome, in run: FileRun)
    -> FieldProblem?
  {
    if case .duplicate(let firstLine) = outcome {
      return Importer.duplicateProblem(DecodedRecord(kind, row), kind: kind, firstLine: firstLine)
    }
    if options.collectsCatalog {
      if kind == .reviews {
        run.collectReview(row, line: line)
      } else {
        run.collect(DecodedRecord(kind, row), line: line)
      }
    }
    if kindsInSeveralFiles.contains(kind) { noteAcrossFiles(kind, row, line: line, in: run) }
    if kind == .suppliers {
      let id = row.string(0)!
      if knownSuppliers.insert(id) { run.addedSuppliers.append(id) }
      // Usually empty: skip hashing the id a second time.
      if !rejectedSuppliers.isEmpty { rejectedSuppliers[id] = nil }
    }
    return nil
  }

  /// For a kind that several files of the run hold: says when the accepted record's id came in a
  /// file already committed, and keeps the id for the files after this one.
  func noteAcrossFiles(_ kind: RecordKind, _ row: StoreRow, line: Int, in run: FileRun) {
    let key = row.bytes(0)
    // Held by the file until it commits: a file rolled back replaced nothing (code review: its
    // "is used" warning named the file whose record the store did not keep).
    if let entry = committedIDs[kind]?.line(of: key) {
      if run.pendingRepeats[kind] != nil {
        run.pendingRepeats[kind]!.count += 1
      } else {
        let origin = idOrigins[entry]
        run.pendingRepeats[kind] = CrossFileRepeat(
          kind: kind, count: 1, id: String(decoding: key, as: UTF8.self),
          replaced: "\(originPaths[Int(origin.file)]):\(origin.line)", keptFrom: "\(run.path):\(line)")
        run.repeatOrder.append(kind)
      }
    }
    // A check keeps the file's ids already (to tell repeats within it); an import keeps them here.
    if store != nil {
      let slot = kind.importOrder
      if run.seenIDs[slot] == nil { run.seenIDs[slot] = IdentityIndex(expectedCount: run.expectedRecords) }
      _ = run.seenIDs[slot]!.insert(bytes: key, line: line)
    }
  }

  /// Adds a committed file's ids of the kinds several files hold to ``committedIDs`` (an id
  /// already there now points at this file: the one a later file would replace), and makes its
  /// repeats of earlier files' ids part of the report.
  func commitIDs(of run: FileRun) {
    guard !kindsInSeveralFiles.isEmpty else { return }
    let file = Int32(originPaths.count)
    originPaths.append(run.path)
    for kind in kindsInSeveralFiles {
      guard let index = run.seenIDs[kind.importOrder] else { continue }
      var merged = committedIDs[kind] ?? IdentityIndex(expectedCount: index.count)
      committedIDs[kind] = nil
      index.forEach { key, line in
        if let existing = merged.insert(bytes: key, line: idOrigins.count) {
          idOrigins[existing] = (file, Int32(truncatingIfNeeded: line))
        } else {
          idOrigins.append((file, Int32(truncatingIfNeeded: line)))
        }
      }
      committedIDs[kind] = merged
    }
    for kind in run.repeatOrder { crossFileRepeats.append(run.pendingRepeats[kind]!) }
  }

  /// Why a record whose key this file already gave is refused.
  /// `problem` with, beside it, the repeat of an id that an earlier record of this file was
  /// stored (or, checking, accepted) under, when the refused record at `line` has such an id:
  /// said at once, so that fixing the record's fields does not lead to a second refusal. Nothing
  /// is added when the id itself is the problem, or for certificates (their key is made of
  /// several fields that may be the ones at fault).
  func addingRepeatedID(
    to problem: FieldProblem, kind: RecordKind, id: UnsafeBufferPointer<UInt8>?, line: Int, in run: FileRun
  ) -> FieldProblem {
    guard kind != .certifications, let id, Identifier.isValid(utf8: id) else { return problem }
    let column = Self.idColumn(kind)
    guard problem.column != column, !problem.others.contains(where: { $0.column == column }) else {
      return problem
    }
    let firstLine: Int?
    if let session = run.session {
      firstLine = try? session.storedLine(kind, key: id)
    } else {
      firstLine = run.seenIDs[kind.importOrder]?.line(of: id)
    }
    guard let firstLine, firstLine < line else { return problem }
    var result = problem
    result.others.append(
      Self.repeatedIDProblem(kind, id: String(decoding: id, as: UTF8.self), firstLine: firstLine))
    return result
  }

  /// The column that identifies a record of `kind` (for certificates, the number: their key is
  /// made of several columns).
  static func idColumn(_ kind: RecordKind) -> String {
    switch kind {
    case .suppliers: return "supplier_id"
    case .certifications: return "certificate_number"
    case .audits: return "audit_id"
    case .reviews: return "review_id"
    case .orders: return "order_id"
    }
  }

  static func duplicateProblem(_ record: DecodedRecord, kind: RecordKind, firstLine: Int) -> FieldProblem {
    if case .certification(let c) = record {
      // Certificates have no id column: name what identifies them.
      let what =
        c.certificateNumber.map {
          "\(c.standard) certificate \($0) of \(c.supplierID) issued \(c.issuedOn?.description ?? "(no date)")"
        }
        ?? "\(c.standard) certificate of \(c.supplierID) issued \(c.issuedOn?.description ?? "(no date)") by \(c.certificationBody ?? "(no issuer)")"
      return FieldProblem(
        column: c.certificateNumber == nil ? "standard" : "certificate_number",
        value: c.certificateNumber ?? c.standard,
        reason: "the \(what) appears again in this file (first on line \(firstLine))",
        // One certificate listed once per site or scope (as certificate registers export them)
        // is one record: the fix keeps the scope rather than losing it (black-box review 49).
        fix: c.scope == nil
          ? "remove the repeated record, or correct its certificate number"
          : "list the certificate once, with all its scopes in one scope field (e.g. \"site A: ...; site B: ...\"), or correct its certificate number or issue date"
      )
    }
    return repeatedIDProblem(kind, id: record.identity, firstLine: firstLine)
  }

  /// A record whose id an earlier record of the file has (kinds with an id column).
  static func repeatedIDProblem(_ kind: RecordKind, id: String, firstLine: Int) -> FieldProblem {
    let column = idColumn(kind)
    return FieldProblem(
      column: column, value: id,
      reason: "\(column) \(id) appears again in this file (first on line \(firstLine))",
      fix: "give each record its own id, or remove the repeated record")
  }

  /// Records a rejected record: in the report, through `onReject`, and in the rejects file.
  func reject(
    _ problem: FieldProblem, kind: RecordKind, line: Int, position: (line: Int, column: Int?)?,
    header: [String], values: [String], rawValues: [[UInt8]]? = nil, supplierID: String?, in run: FileRun,
    positionOf: (String) -> (line: Int, column: Int?)? = { _ in nil }
  ) {
    run.note(kind)
    run.rejected[kind, default: 0] += 1
    if kind == .suppliers, let supplierID { rejectedSuppliers[supplierID] = "\(run.path):\(line)" }
    let others = problem.others.map { other in
      let place = positionOf(other.column)
      return Rejection.Problem(
        column: other.column, value: other.value, reason: other.reason, fix: other.fix,
        fieldLine: place?.line,
        fieldColumn: place?.column)
    }
    var rejection = Rejection(
      file: run.path, line: line, column: problem.column, value: problem.value, reason: problem.reason,
      fix: problem.fix, fieldLine: position?.line, fieldColumn: position?.column,
      otherProblems: others.isEmpty ? nil : others,
      recordID: header.firstIndex { Columns.normalizeHeader($0) == Importer.idColumn(kind) }
        .flatMap { $0 < values.count ? values[$0].trimmingCharacters(in: .whitespacesAndNewlines) : nil }
        .map { header.contains("reject_reason") ? Importer.removingFormulaGuard($0) : $0 }
        .flatMap { $0.isEmpty ? nil : $0 })
    rejection.recordKind = kind
    // Kept with the file's records, so that the store can say later why an id is missing. A
    // failure to keep it (a full disk) makes the session refuse the file's next write and its
    // commit, and the file is abandoned with that error, as when a record cannot be written.
    try? run.session?.recordRejection(
      StoredRejection(
        kind: kind, recordID: rejection.recordID, line: line, fieldLine: position?.line,
        fieldColumn: position?.column, column: problem.column, value: problem.value, reason: problem.reason,
        fix: problem.fix))
    if report.rejects.count + run.rejects.count < options.rejectsKeptInMemory {
      run.rejects.append(rejection)
    } else {
      if report.spilledRejects == nil { report.spilledRejects = RejectSpill() }
      if let spill = report.spilledRejects { spill.append(rejection) } else { run.rejects.append(rejection) }
    }
    options.onReject?(rejection)
    if options.strict { run.strictStop = true }
    writeReject(
      rejection, kind: kind, header: header, values: rawValues ?? values.map { Array($0.utf8) }, in: run)
  }

  func writeReject(
    _ rejection: Rejection, kind: RecordKind, header fileHeader: [String], values fileValues: [[UInt8]],
    in run: FileRun
  ) {
    guard let directory = options.rejectsDirectory, !run.rejectWritesFailed.contains(kind) else { return }
    // A rejects file imported again keeps its record's columns, not its old reject_ ones: they
    // are written afresh (black-box review 25 found them repeated on every round of fixing).
    let old = Set(fileHeader.indices.filter { fileHeader[$0].lowercased().hasPrefix("reject_") })
    let header =
      old.isEmpty ? fileHeader : fileHeader.indices.filter { !old.contains($0) }.map { fileHeader[$0] }
    let values =
      old.isEmpty ? fileValues : fileValues.indices.filter { !old.contains($0) }.map { fileValues[$0] }
    do {
      let writer: CSVFileWriter
      if let existing = run.rejectWriters[kind] {
        writer = existing
      } else {
        // By hand, for the POSIX error: Foundation's "NSCocoaErrorDomain error 512" named neither
        // the cause nor the fix (black-box review 36: a file where a folder of the path was).
        let made = Importer.makeDirectories(directory)
        guard made == 0 else { throw CSVFileError(path: directory, errno: made) }
        var path = Importer.rejectsPath(for: run.path, kind: kind, directory: directory)
        // Two inputs with the same name (east/suppliers.csv, west/suppliers.csv) get two files,
        // in one run or across runs: a rejects file another input wrote earlier is kept (black-box
        // review 36 lost one to a later import of a same-named file). The same input's own, from
        // an earlier round of fixing, is replaced.
        var suffix = 2
        while rejectsPathOwners[path].map({ $0 != run.path })
          ?? !Importer.rejectsFile(path, isFreeFor: run.path)
        {
          path = Importer.rejectsPath(for: run.path, kind: kind, directory: directory, suffix: suffix)
          suffix += 1
        }
        rejectsPathOwners[path] = run.path
        // Rejected rows are kept so that they can be fixed (often in a spreadsheet) and imported
        // again: formula-like cells (and cells that begin with an apostrophe, so that every cell
        // comes back exactly) get a guard apostrophe, which importing this file removes; the four
        // reject_ columns come first so that ragged rows cannot shift them.
        // Under a temporary name until the file is stored: a file that fails half-way, stops at
        // `--strict` or is interrupted leaves the rejects file of its last good import as it was
        // (black-box review 89: Ctrl-C emptied it, and a malformed XML document's partial one
        // was offered "to fix and import again", which would store only those records).
        let temporary = Importer.temporaryRejectsPath(for: path)
        run.rejectTargets[kind] = path
        // Refused once a stop has removed them: the process is about to exit.
        guard PendingRejectFiles.shared.add(temporary) else { return }
        writer = try CSVFileWriter(path: temporary, encoder: CSVEncoder(formulaPolicy: .neutralizeReversibly))
        run.rejectWriters[kind] = writer
        try writer.writeRow(["reject_file", "reject_line", "reject_column", "reject_reason"] + header)
      }
      // Every problem of the record, so that it is fixed in one go.
      let others = rejection.otherProblems ?? []
      try writer.writeRow(
        byteFields: [
          run.path, String(rejection.line),
          ([rejection.column] + others.map(\.column)).joined(separator: "; "),
          ([rejection.reason] + others.map(\.reason)).joined(separator: "; "),
        ].map { Array($0.utf8) } + values)
    } catch let error as CSVFileError {
      rejectsFileFailed(run, kind: kind, error)
    } catch {
      rejectsFileFailed(
        run, kind: kind, CSVFileError(path: directory, errno: 0, reason: "\(error.localizedDescription)"))
    }
  }

  /// A rejects file that could not be written (a full disk) is said once, removed rather than
  /// left cut short, and not listed as written: black-box review 24 found an empty one listed,
  /// and the same warning seven times.
  func rejectsFileFailed(_ run: FileRun, kind: RecordKind, _ error: CSVFileError) {
    guard !run.rejectWritesFailed.contains(kind) else { return }
    run.rejectWritesFailed.insert(kind)
    let path = run.rejectTargets[kind] ?? error.path
    if let temporary = run.rejectWriters[kind]?.path {
      unlink(temporary)
      PendingRejectFiles.shared.remove(temporary)
    }
    run.rejectWriters[kind] = nil
    run.rejectTargets[kind] = nil
    let fix =
      switch error.errno {
      case ENOSPC, EDQUOT: "free some space or name another folder with --rejects DIR"
      case ENOTDIR, EEXIST:
        "a file stands where a folder of the path should be: name a folder with --rejects DIR"
      case EACCES, EPERM, EROFS: "name a folder you may write to with --rejects DIR"
      default: "free some space or name another folder with --rejects DIR"
      }
    report.warnings.append(
      ImportWarning(
        file: run.path, line: nil,
        message:
          "could not write the rejects file \(path) (\(error.reason ?? String(cString: strerror(error.errno)))): the rejected records are in this report only; \(fix), and import again"
      ))
  }

  /// Creates `path` and its missing parents; 0, or the errno of the first that could not be made
  /// (Foundation's `createDirectory` reports "NSCocoaErrorDomain error 512", which names no cause).
  public static func makeDirectories(_ path: String) -> Int32 {
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
      return isDirectory.boolValue ? 0 : ENOTDIR
    }
    let parent = (path as NSString).deletingLastPathComponent
    if !parent.isEmpty, parent != path {
      let made = makeDirectories(parent)
      if made != 0 { return made }
    }
    return mkdir(path, 0o777) == 0 || errno == EEXIST ? 0 : errno
  }

  /// Writes out the rejects files of a file that is done (still under their temporary names).
  func closeRejectWriters(_ run: FileRun) {
    for (kind, writer) in run.rejectWriters {
      do throws(CSVFileError) {
        try writer.flush()
      } catch {
        rejectsFileFailed(run, kind: kind, error)
      }
    }
  }

  /// Puts the rejects files of a file that was stored (or, for a check, read to its end) in
  /// place, replacing those of its previous import, and lists them in the report.
  func publishRejectFiles(_ run: FileRun) {
    for kind in RecordKind.allCases {
      guard let writer = run.rejectWriters[kind], let target = run.rejectTargets[kind] else { continue }
      if rename(writer.path, target) == 0 {
        report.rejectFiles.append(target)
      } else {
        let error = CSVFileError(path: target, errno: errno)
        rejectsFileFailed(run, kind: kind, error)
      }
      PendingRejectFiles.shared.remove(writer.path)
    }
    run.rejectWriters.removeAll()
    run.rejectTargets.removeAll()
  }

  /// Removes the rejects files of a file that was not stored: its rejections are in the report,
  /// and its previous rejects files stay as they were.
  func discardRejectFiles(_ run: FileRun) {
    for writer in run.rejectWriters.values {
      unlink(writer.path)
      PendingRejectFiles.shared.remove(writer.path)
    }
    run.rejectWriters.removeAll()
    run.rejectTargets.removeAll()
  }

  /// A hidden name beside `path` for its rejects file while it is written.
  static func temporaryRejectsPath(for path: String) -> String {
    let name = (path as NSString).lastPathComponent
    let folder = (path as NSString).deletingLastPathComponent
    // A long name would pass the file system's limit on a name's length with the additions.
    let hidden =
      name.utf8.count > 200
      ? ".rejects-\(UInt(bitPattern: name.hashValue)).partial-\(getpid())" : ".\(name).partial-\(getpid())"
    return folder.isEmpty ? hidden : (folder as NSString).appendingPathComponent(hidden)
  }

  /// Whether a rejects file may be written at `path` for the input `source`: nothing is there, or
  /// what is there came from the same input (its first record's `reject_file`). A file that
  /// cannot be read, or names no source (written before the column existed), is kept. Something
  /// that is no file (a folder) is left for the write to fail on and say so.
  static func rejectsFile(_ path: String, isFreeFor source: String) -> Bool {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue
    else { return true }
    guard let reader = try? CSVReader(path: path, chunkSize: 64 << 10) else { return false }
    // Empty, or a header and no record (a run stopped before its first reject was written):
    // nothing in it to keep.
    guard let header = try? reader.readHeader() else { return true }
    guard let batch = try? reader.nextBatch(), batch.count > 0 else { return true }
    guard
      let column = header.firstIndex(where: {
        $0.trimmingCharacters(in: .whitespaces).lowercased() == "reject_file"
      })
    else { return false }
    let first = batch.withView { $0.strings(0) }
    guard column < first.count else { return false }
    // A path that begins like a formula was written with a guard apostrophe.
    var written = first[column]
    if written.hasPrefix("'"), let next = written.dropFirst().first, "=+-@'\t\r".contains(next) {
      written.removeFirst()
    }
    return written == source
      || URL(fileURLWithPath: written).standardizedFileURL == URL(fileURLWithPath: source).standardizedFileURL
  }

  static func rejectsPath(for file: String, kind: RecordKind, directory: String, suffix: Int? = nil) -> String
  {
    let base = (file as NSString).lastPathComponent
    let stem = (base as NSString).deletingPathExtension + (suffix.map { "-\($0)" } ?? "")
    let isXML = base.lowercased().hasSuffix(".xml")
    let name = isXML ? "\(stem).\(kind.rawValue).rejects.csv" : "\(stem).rejects.csv"
    return (directory as NSString).appendingPathComponent(name)
  }

  /// Undoes a file: its transaction, and the suppliers it made known to later files.
  func rollback(_ run: FileRun) {
    fileReliedOnPromises.removeAll()
    run.session?.rollback()
    run.collected = Catalog()
    for id in run.addedSuppliers { knownSuppliers.remove(id) }
    lastKnownSupplier = nil
    run.addedSuppliers.removeAll()
  }

  /// Gives up on a file that failed half-way: rolls it back, but still reports (and keeps in the
  /// rejects file) the records it had rejected before the failure.
  func abandon(_ run: FileRun, _ failure: FileFailure) {
    rollback(run)
    discardRejectFiles(run)
    report.rejects.append(contentsOf: run.rejectsInFileOrder)
    report.failures.append(failure)
    for kind in run.kindsSeen {
      report.files.append(
        FileSummary(
          path: run.path, kind: kind, accepted: 0, rejected: run.rejected[kind, default: 0], warnings: 0,
          sha256: nil, importID: nil))
    }
  }

  /// Commits (or, in strict mode after a reject, rolls back) and adds the file to the report.
  func finish(_ run: FileRun, warnings fileWarnings: [ImportWarning]) {
    closeRejectWriters(run)
    // Reading stopped at a reject: the rest of the file is hashed too, so that the digest names
    // the file (with 512 KiB reads it named the first few MiB).
    if run.strictStop { run.hasher.completeFromFile(run.path) }
    let digest = run.hasher.hexDigest()
    report.warnings.append(contentsOf: fileWarnings)
    report.rejects.append(contentsOf: run.rejectsInFileOrder)
    var committedID: Int64?
    if run.strictStop {
      rollback(run)
      stopped = true
      // Said as the file's failure, not only as a count of one rejected record: nothing of the
      // file was stored, its valid records included (black-box review 89).
      let first = run.rejectsInFileOrder.first
      report.failures.append(
        FileFailure(
          file: run.path, line: first?.line,
          message:
            "--strict stopped at the first rejected record\(first.map { " (\($0.column.isEmpty ? "" : "\($0.column): ")\($0.reason))" } ?? "")"
            + (store == nil ? "" : "; nothing from this file was stored"),
          fix: store == nil
            ? "fix that record and check the file again"
            : "fix that record and import the file again, or import without --strict to store the valid records"
        ))
    } else if let session = run.session {
      let counts = run.kindsSeen.map { "\"\($0.rawValue)\":\(run.accepted[$0, default: 0])" }
        .joined(separator: ",")
      var commitError: (any Error)?
      let commitAndTell = {
        do {
          try session.commit(
            ImportSession.Summary(
              sha256: digest ?? "", finishedAt: Importer.timestamp(),
              accepted: run.accepted.values.reduce(0, +),
              rejected: run.rejected.values.reduce(0, +), warnings: fileWarnings.count,
              countsJSON: "{\(counts)}"))
          committedID = session.importID
          // Under the commit's hold on an interruption: put in place before Ctrl-C can remove it
          // as a file being written (code review).
          self.publishRejectFiles(run)
          self.options.onFileCommitted?(run.path)
        } catch {
          commitError = error
        }
      }
      if let aroundCommit = options.aroundCommit { aroundCommit(commitAndTell) } else { commitAndTell() }
      if let error = commitError {
        rollback(run)
        discardRejectFiles(run)
        report.failures.append(
          FileFailure(
            file: run.path, line: nil, message: "could not store the records: \(error)",
            fix: "nothing from this file was stored; check disk space and permissions, then import it again"))
        return
      }
    }
    if run.strictStop { discardRejectFiles(run) } else { publishRejectFiles(run) }
    reliedOnPromises.formUnion(fileReliedOnPromises)
    fileReliedOnPromises.removeAll()
    if options.collectsCatalog && !run.strictStop { merge(run, sha256: digest) }
    if !run.strictStop { commitIDs(of: run) }
    // A warning about one kind of record (an unknown attribute of a <review>) is counted under that
    // kind; the file's others once, on its first entry, so that totals add up.
    let unassigned = fileWarnings.count - run.kindsSeen.reduce(0) { $0 + run.warnings[$1, default: 0] }
    for (index, kind) in run.kindsSeen.enumerated() {
      report.files.append(
        FileSummary(
          path: run.path, kind: kind, accepted: run.strictStop ? 0 : run.accepted[kind, default: 0],
          rejected: run.rejected[kind, default: 0],
          warnings: run.warnings[kind, default: 0] + (index == 0 ? unassigned : 0), sha256: digest,
          importID: committedID))
    }
  }

  /// Adds a finished file's records to ``catalog``.
  private func merge(_ run: FileRun, sha256: String?) {
    let file = catalog.addSource(
      SourceFile(
        path: run.path, sha256: sha256, records: run.collected.recordCount, importedAt: nil,
        rejected: run.rejected.values.reduce(0, +)))
    // Each kind taken out of the run before its sources are set, so that they are set in place,
    // and handed over whole to a catalog that has none yet: copying 100,000 suppliers' records
    // into a new array had held both at once.
    func append<R>(_ records: inout [Sourced<R>], to all: inout [Sourced<R>]) {
      var taken: [Sourced<R>] = []
      swap(&taken, &records)
      for k in taken.indices { taken[k].source.file = file }
      if all.isEmpty {
        all = taken
      } else {
        all.append(contentsOf: taken)
      }
    }
    append(&run.collected.suppliers, to: &catalog.suppliers)
    append(&run.collected.certifications, to: &catalog.certifications)
    append(&run.collected.audits, to: &catalog.audits)
    // Taken out first, so that setting the file of 4M sources writes them in place rather than
    // copying the column (the run still held it: a profile showed the copy's page faults).
    var reviews = run.collected.reviews
    run.collected.reviews = ReviewTable()
    reviews.settleReviewers()
    reviews.moveSources(toFile: file)
    catalog.reviews.append(contentsOf: reviews)
    append(&run.collected.orders, to: &catalog.orders)
    run.collected = Catalog()
  }

  static func timestamp() -> String {
    ISO8601DateFormatter().string(from: Date())
  }

  /// Whether the first MiB of a file holds `<supplier` followed by a space, `>` or `/`: enough to
  /// order documents, never to decide what is imported.
  static func mentionsSupplierElement(_ path: String) -> Bool {
    guard let handle = FileHandle(forReadingAtPath: path) else { return false }
    defer { try? handle.close() }
    let head = [UInt8](handle.readData(ofLength: 1 << 20))
    let tag = Array("<supplier".utf8)
    guard head.count > tag.count else { return false }
    for start in 0..<(head.count - tag.count) where head[start] == 0x3C {
      // In any case, as the names are read (code review: a `<Supplier>` document was read after
      // the CSV files that name its suppliers).
      if head[start..<(start + tag.count)].map({ (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }) == tag {
        let next = head[start + tag.count]
        if next == 0x20 || next == 0x3E || next == 0x2F || next == 0x0A || next == 0x09 || next == 0x0D {
          return true
        }
      }
    }
    return false
  }

  func fileSize(_ path: String) -> Int {
    ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
  }
}

/// SHA-256 of a file as it is read. Used by one thread at a time: the reader thread while the file
/// is read, then the importing thread once the reader has handed over its last batch.
final class FileHasher: @unchecked Sendable {
  private var hasher = SHA256()
  /// When false, nothing is hashed and there is no digest.
  let enabled: Bool

  init(enabled: Bool = true) {
    self.enabled = enabled
  }

  /// Bytes hashed so far, from the file's start.
  private(set) var hashedBytes = 0

  func update(_ bytes: UnsafeRawBufferPointer) {
    guard enabled else { return }
    hasher.update(bufferPointer: bytes)
    hashedBytes += bytes.count
  }

  /// Hashes the rest of the file at `path`, past what reading hashed: a file whose reading
  /// stopped early (`--strict` at its first reject) still gets its whole file's digest, not that
  /// of the part read before the stop. Read in place of nothing else, so it runs only then.
  func completeFromFile(_ path: String) {
    guard enabled, let handle = FileHandle(forReadingAtPath: path) else { return }
    defer { try? handle.close() }
    do {
      try handle.seek(toOffset: UInt64(hashedBytes))
      while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
        chunk.withUnsafeBytes { update($0) }
      }
    } catch {
      return
    }
  }

  func hexDigest() -> String? {
    guard enabled else { return nil }
    let hex: [Character] = Array("0123456789abcdef")
    var text = ""
    for byte in hasher.finalize() {
      text.append(hex[Int(byte >> 4)])
      text.append(hex[Int(byte & 0x0F)])
    }
    return text
  }
}

/// The rejects files being written under temporary names, so that an interrupted import removes
/// them before it exits (``removeAll()``).
public final class PendingRejectFiles: @unchecked Sendable {
  public static let shared = PendingRejectFiles()
  private let lock = NSLock()
  private var paths: Set<String> = []
  private var closed = false

  /// Registers a file about to be made; false once ``removeAll()`` has run (nothing is made then).
  func add(_ path: String) -> Bool {
    lock.lock()
    defer { lock.unlock() }
    guard !closed else { return false }
    paths.insert(path)
    return true
  }

  func remove(_ path: String) {
    lock.lock()
    paths.remove(path)
    lock.unlock()
  }

  /// Unlinks every temporary rejects file still open, and lets no more be made.
  public func removeAll() {
    lock.lock()
    for path in paths { unlink(path) }
    paths.removeAll()
    closed = true
    lock.unlock()
  }
}
