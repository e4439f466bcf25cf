#include <sqlite3.h>

/// sqlite3_config is variadic, which Swift cannot call: this turns off SQLite's memory
/// statistics, whose global mutex every allocation took (visible in import profiles). Only
/// effective before SQLite initializes, i.e. before the first connection opens.
static inline int supplier_trust_sqlite_disable_memory_statistics(void) {
  return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}
