import Foundation

/// A first-in first-out hand-over between one producer thread and one consumer thread, holding
/// at most `capacity` items so that a fast reader cannot run ahead of the store and fill memory.
final class BoundedQueue<Element: Sendable>: @unchecked Sendable {
  // Every stored property is read and written only with `condition` locked.
  private let condition = NSCondition()
  // Taken slots are set to nil at once so that a consumed batch is freed immediately.
  private var items: [Element?] = []
  private var head = 0
  private let capacity: Int
  private var cancelled = false

  init(capacity: Int) {
    self.capacity = capacity
  }

  /// Waits for room and appends; returns false once the consumer has cancelled.
  func put(_ item: Element) -> Bool {
    condition.lock()
    defer { condition.unlock() }
    while items.count - head >= capacity && !cancelled { condition.wait() }
    if cancelled { return false }
    items.append(item)
    condition.broadcast()
    return true
  }

  /// Waits for the next item.
  func take() -> Element {
    condition.lock()
    defer { condition.unlock() }
    while items.count == head { condition.wait() }
    let item = items[head]!
    items[head] = nil
    head += 1
    if head == items.count {
      items.removeAll(keepingCapacity: true)
      head = 0
    }
    condition.broadcast()
    return item
  }

  /// Tells the producer to stop: pending and later `put`s return false.
  func cancel() {
    condition.lock()
    cancelled = true
    items.removeAll()
    head = 0
    condition.broadcast()
    condition.unlock()
  }
}

/// A thread running a producer. ``stop()`` cancels its queue and waits until the producer has
/// returned, so that nothing it owns (the reader, the file's hasher) is still in use afterwards.
final class ProducerThread<Element: Sendable>: @unchecked Sendable {
  private let finished = DispatchSemaphore(value: 0)
  private let queue: BoundedQueue<Element>
  // Touched only by the thread that created this object.
  private var joined = false

  init(queue: BoundedQueue<Element>, _ body: @escaping @Sendable () -> Void) {
    self.queue = queue
    let finished = self.finished
    let thread = Thread {
      body()
      finished.signal()
    }
    // Deeply nested XML and long records recurse in libxml2 and the parser.
    thread.stackSize = 8 << 20
    thread.start()
  }

  func stop() {
    guard !joined else { return }
    queue.cancel()
    finished.wait()
    joined = true
  }
}
