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
final class BackgroundWriteback: @unchecked Sendable {
  private let descriptor: Int32
  private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
  private let condition = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
  private var requested = false
  private var stopping = false
  private var thread: Thread?

  /// Starts the thread for the file at `path`; nil when the file cannot be opened for reading
  /// (an in-memory store, say), and the import goes on without it.
  static func start(path: String) -> BackgroundWriteback? {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { return nil }
    return BackgroundWriteback(descriptor: descriptor)
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

  /// Ends the thread after the request it is serving, and closes the file; idempotent.
  func stop() {
    pthread_mutex_lock(mutex)
    let running = !stopping
    stopping = true
    pthread_cond_signal(condition)
    pthread_mutex_unlock(mutex)
    guard running else { return }
    thread?.join()
    thread = nil
    close(descriptor)
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
