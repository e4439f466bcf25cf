import CSQLite

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Has the kernel write a store's new pages to disk while an import is still running, so that
/// the commit's `fdatasync` finds little left to write.
///
/// Linux starts writing dirty pages back only past a share of memory (10 % of 24 GiB here), so
/// the 600 MB a large catalog adds all went to disk inside the commit's sync: 0.85 s of an import
/// of size L spent waiting with both cores idle. ``request()`` costs the storing thread a
/// signal; the kernel calls (1-4 ms each, to queue the writes) run on a thread of their own.
/// Writing pages back early changes nothing about what a crash leaves: SQLite's journal already
/// guards every page it has written, whenever the kernel stores it.
///
/// It works through SQLite's own descriptor of the store file and never opens or closes one:
/// closing any descriptor of a file drops every POSIX lock the process holds on it, SQLite's
/// included, and another process would then take the journal of the import in progress for a
/// crashed one's and roll it back (black-box review 10 found that in a first version).
final class BackgroundWriteback: @unchecked Sendable {
  private let descriptor: Int32
  private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
  private let condition = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
  private var requested = false
  private var stopping = false
  private var thread: Thread?

  /// Starts the thread for the store file at `path`, which a connection of this process has
  /// open for writing; nil when no such descriptor is found (an in-memory store, or a system
  /// without /proc), and the import goes on without it.
  static func start(path: String) -> BackgroundWriteback? {
    writableDescriptor(of: path).map(BackgroundWriteback.init(descriptor:))
  }

  /// A descriptor this process holds open for writing on the file at `path`, found among
  /// /proc/self/fd (SQLite does not hand out its own).
  static func writableDescriptor(of path: String) -> Int32? {
    #if os(Linux)
      guard let resolved = realpath(path, nil) else { return nil }
      let target = String(cString: resolved)
      free(resolved)
      guard let directory = opendir("/proc/self/fd") else { return nil }
      defer { closedir(directory) }
      var link = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
      while let entry = readdir(directory) {
        // d_name is a fixed array holding a NUL-terminated name.
        let name = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
          String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
        }
        guard let descriptor = Int32(name) else { continue }
        let count = readlink("/proc/self/fd/\(name)", &link, link.count - 1)
        guard count > 0 else { continue }
        guard String(decoding: link[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self) == target else {
          continue
        }
        let flags = fcntl(descriptor, F_GETFL)
        if flags >= 0, flags & O_ACCMODE == O_RDWR { return descriptor }
      }
      return nil
    #else
      return nil
    #endif
  }

  private init(descriptor: Int32) {
    self.descriptor = descriptor
    pthread_mutex_init(mutex, nil)
    pthread_cond_init(condition, nil)
    let thread = Thread { [unowned self] in self.serve() }
    self.thread = thread
    thread.start()
  }

  deinit {
    stop()
    pthread_cond_destroy(condition)
    pthread_mutex_destroy(mutex)
    condition.deallocate()
    mutex.deallocate()
  }

  /// Asks for the file's dirty pages to be queued for writing; returns at once. Requests made
  /// while one is being served are merged into the next.
  func request() {
    pthread_mutex_lock(mutex)
    requested = true
    pthread_cond_signal(condition)
    pthread_mutex_unlock(mutex)
  }

  /// Ends the thread after the request it is serving; idempotent. The descriptor is SQLite's
  /// and stays open.
  func stop() {
    pthread_mutex_lock(mutex)
    let running = !stopping
    stopping = true
    pthread_cond_signal(condition)
    pthread_mutex_unlock(mutex)
    guard running else { return }
    thread?.join()
    thread = nil
  }

  private func serve() {
    pthread_mutex_lock(mutex)
    while true {
      while !requested && !stopping { pthread_cond_wait(condition, mutex) }
      if stopping { break }
      requested = false
      pthread_mutex_unlock(mutex)
      _ = supplier_trust_start_writeback(descriptor)
      pthread_mutex_lock(mutex)
    }
    pthread_mutex_unlock(mutex)
  }
}
