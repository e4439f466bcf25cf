#ifndef CLIBXML2_SHIM_H
#define CLIBXML2_SHIM_H

// Debian builds libxml2 with ICU, so its encoding.h would include the system's ICU headers, whose
// UErrorCode clashes with Foundation's own copy of ICU in any module that sees both. Nothing here
// touches the ICU-only members of xmlCharEncodingHandler (only pointers to it), so the headers are
// read as if ICU were off: xmlversion.h is included first and its include guard keeps the #undef.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/xmlerror.h>

/// A variadic no-op error sink. Swift cannot define variadic C callbacks, so
/// it lives here.
static void CLibXML2_discardMessage(void *ctx, const char *msg, ...) {
  (void)ctx;
  (void)msg;
}

/// Points the legacy printf-style SAX error callbacks at the no-op sink, so
/// that nothing reaches stderr even for a message that bypasses `serror`.
static inline void CLibXML2_silenceSAXHandler(xmlSAXHandler *sax) {
  sax->warning = CLibXML2_discardMessage;
  sax->error = CLibXML2_discardMessage;
  sax->fatalError = CLibXML2_discardMessage;
}

/// The calling thread's generic error handler, saved so it can be restored.
typedef struct {
  xmlGenericErrorFunc handler;
  void *context;
} CLibXML2_GenericErrorState;

/// Silences libxml2's generic error channel (used for messages raised without a
/// parser context, e.g. encoding conversion failures) on the calling thread
/// only, returning the previous state for `CLibXML2_restoreGenericErrors`.
/// libxml2 keeps this state per thread, so this does not affect other threads.
static inline CLibXML2_GenericErrorState CLibXML2_silenceGenericErrors(void) {
  CLibXML2_GenericErrorState saved;
  saved.handler = xmlGenericError;
  saved.context = xmlGenericErrorContext;
  xmlSetGenericErrorFunc(NULL, CLibXML2_discardMessage);
  return saved;
}

static inline void CLibXML2_restoreGenericErrors(CLibXML2_GenericErrorState saved) {
  xmlSetGenericErrorFunc(saved.context, saved.handler);
}

#endif
