// SwiftPM builds a C target from at least one source file; the scanner itself is inline in the
// header, so that Swift can inline it.
#include "byte_scan.h"
