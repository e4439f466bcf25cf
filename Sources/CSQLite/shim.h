#include <sqlite3.h>

/// sqlite3_config is variadic, which Swift cannot call: this turns off SQLite's memory
/// statistics, whose global mutex every allocation took (visible in import profiles). Only
/// effective before SQLite initializes, i.e. before the first connection opens.
static inline int supplier_trust_sqlite_disable_memory_statistics(void) {
  return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

#ifdef __linux__
#include <sys/syscall.h>
#include <unistd.h>
#endif

/// Asks the kernel to start writing a file's dirty pages to disk and returns without waiting
/// (Linux sync_file_range with SYNC_FILE_RANGE_WRITE, called through syscall because the C
/// library declares it only under _GNU_SOURCE); elsewhere does nothing. Any descriptor of the
/// file will do: the pages belong to the file, not to the descriptor that wrote them.
static inline int supplier_trust_start_writeback(int fd) {
#ifdef __linux__
  return (int)syscall(SYS_sync_file_range, fd, 0L, 0L, 2U);
#else
  (void)fd;
  return 0;
#endif
}
