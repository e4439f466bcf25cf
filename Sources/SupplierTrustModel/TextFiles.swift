#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Files that hold texts a ``TextColumn`` leaves where they are, read when a text is asked for.
///
/// A catalog read from files keeps its review texts on disk (their place in the file, not their
/// bytes): scoring reads only the few that burst detection compares, and copying four million of
/// them into memory as the file was read took about 300 MB and a tenth of the reading. Each file
/// stays open from the moment it is registered, so a file renamed or replaced meanwhile is still
/// the one read; one changed in place (its size or modification time) is refused, recorded in
/// ``failure``, and its texts read as nil.
public final class TextFiles: @unchecked Sendable {
  private struct File {
    let path: String
    let descriptor: Int32
    let size: Int64
    let modified: timespec
    /// Whether the file was found unchanged since it was registered (checked once, at its first read).
    var checked = false
  }

  // Registration happens on one thread while reading; reads come from several threads while scoring.
  private var files: [File] = []
  private var firstFailure: String?
  // Allocated, not a stored property: a mutex must not move.
  private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)

  public init() {
    mutex.initialize(to: pthread_mutex_t())
    pthread_mutex_init(mutex, nil)
  }

  deinit {
    for file in files { close(file.descriptor) }
    pthread_mutex_destroy(mutex)
    mutex.deallocate()
  }

  /// Opens `path` and returns its number, or nil when it cannot be opened (its texts are then
  /// kept in memory instead).
  public func register(path: String) -> Int32? {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { return nil }
    var status = stat()
    guard fstat(descriptor, &status) == 0 else {
      close(descriptor)
      return nil
    }
    return locked {
      files.append(
        File(path: path, descriptor: descriptor, size: Int64(status.st_size), modified: Self.modified(status))
      )
      return Int32(files.count - 1)
    }
  }

  /// The first file found changed since it was read, in words with what to do; nil while none is.
  public var failure: String? { locked { firstFailure } }

  /// The text of `count` bytes at `offset` of file `file`, or nil (and ``failure`` set) when the
  /// file changed since it was registered or cannot be read there.
  public func text(file: Int32, offset: Int, count: Int) -> String? {
    bytes(file: file, offset: offset, count: count).map { String(decoding: $0, as: UTF8.self) }
  }

  /// `count` bytes at `offset` of file `file`, or nil (and ``failure`` set) when the file changed
  /// since it was registered or cannot be read there.
  public func bytes(file: Int32, offset: Int, count: Int) -> [UInt8]? {
    let entry: File? = locked {
      guard Int(file) < files.count else { return nil }
      if !files[Int(file)].checked {
        var status = stat()
        let current = files[Int(file)]
        guard fstat(current.descriptor, &status) == 0, Int64(status.st_size) == current.size,
          Self.modified(status) == current.modified
        else {
          noteFailure(of: current.path)
          return nil
        }
        files[Int(file)].checked = true
      }
      return files[Int(file)]
    }
    guard let entry else { return nil }
    if count == 0 { return [] }
    var got = 0
    let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
      while got < count {
        let n = pread(entry.descriptor, buffer.baseAddress! + got, count - got, off_t(offset + got))
        if n < 0 && errno == EINTR { continue }
        if n <= 0 { break }
        got += n
      }
      initialized = got
    }
    guard got == count else {
      locked { noteFailure(of: entry.path) }
      return nil
    }
    return bytes
  }

  private func noteFailure(of path: String) {
    if firstFailure == nil {
      firstFailure =
        "\(path) changed while it was being read (its review texts are read again for burst detection): run the command again once nothing writes to the file"
    }
  }

  private func locked<R>(_ body: () -> R) -> R {
    pthread_mutex_lock(mutex)
    defer { pthread_mutex_unlock(mutex) }
    return body()
  }

  private static func modified(_ status: stat) -> timespec {
    #if canImport(Darwin)
      status.st_mtimespec
    #else
      status.st_mtim
    #endif
  }
}

extension timespec {
  fileprivate static func == (a: timespec, b: timespec) -> Bool {
    a.tv_sec == b.tv_sec && a.tv_nsec == b.tv_nsec
  }
}
