#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Files that hold texts a ``TextColumn`` leaves where they are, read when a text is asked for.
///
/// A catalog read from files keeps its review texts on disk (their place in the file, not their
/// bytes): scoring reads only the few that burst detection compares, and copying four million of
/// them into memory as the file was read took about 300 MB and a tenth of the reading. A file is
/// registered only as the very file being read (its device and inode) and stays open, so one
/// renamed or replaced meanwhile is still the one read; one changed in place (its size or
/// modification time, looked at before every read) is refused, recorded in ``failure``, and its
/// texts read as nil. A change that keeps both, or a write racing a read, is not seen. At most
/// ``maximumFiles`` files are kept open; the texts of further files are kept in memory.
public final class TextFiles: @unchecked Sendable {
  private struct File {
    let path: String
    let descriptor: Int32
    let size: Int64
    let modified: timespec
  }

  /// Files kept open at most: a folder of hundreds of review files must not run out of file
  /// descriptors (code review: 1,100 one-line files did).
  public static let maximumFiles = 32

  // Registration happens on one thread while reading; reads come from several threads while scoring.
  private var files: [File] = []
  private var firstFailure: String?
  // Allocated, not a stored property: a mutex must not move.
  private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)

  /// Makes an empty set of files, with none registered.
  public init() {
    mutex.initialize(to: pthread_mutex_t())
    pthread_mutex_init(mutex, nil)
  }

  deinit {
    for file in files { close(file.descriptor) }
    pthread_mutex_destroy(mutex)
    mutex.deallocate()
  }

  /// Opens `path` and returns its number; nil when it cannot be opened, is not the file with
  /// `identity` (the device and inode of the open file being read), or ``maximumFiles`` are open
  /// already: its texts are then kept in memory instead.
  public func register(path: String, identity: (device: UInt64, inode: UInt64)) -> Int32? {
    guard locked({ files.count < Self.maximumFiles }) else { return nil }
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { return nil }
    var status = stat()
    guard fstat(descriptor, &status) == 0, UInt64(status.st_dev) == identity.device,
      UInt64(status.st_ino) == identity.inode
    else {
      close(descriptor)
      return nil
    }
    let file = File(
      path: path, descriptor: descriptor, size: Int64(status.st_size), modified: Self.modified(status))
    return locked {
      files.append(file)
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
    guard let entry = locked({ file >= 0 && Int(file) < files.count ? files[Int(file)] : nil }) else {
      return nil
    }
    var status = stat()
    guard fstat(entry.descriptor, &status) == 0, Int64(status.st_size) == entry.size,
      Self.modified(status) == entry.modified
    else {
      locked { noteFailure(of: entry.path) }
      return nil
    }
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
