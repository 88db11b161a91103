#ifndef KGEXPORT_CLIBXML2_SHIM_H
#define KGEXPORT_CLIBXML2_SHIM_H

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlwriter.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlsave.h>
#include <libxml/c14n.h>
#include <libxml/uri.h>
#include <libxml/xmlerror.h>
#include <libxml/SAX2.h>

/// `xmlFree` is a macro over a global function pointer; Swift cannot call it directly.
static inline void kg_xmlFree(void *pointer) {
    if (pointer != NULL) {
        xmlFree(pointer);
    }
}

/// libxml2's default is to load external entities and DTDs; kgexport never does.
/// The refusal stops the parse and marks it failed, so no entity silently becomes empty.
static xmlParserInputPtr kg_refusingEntityLoader(const char *url, const char *id, xmlParserCtxtPtr context) {
    (void)url;
    (void)id;
    if (context != NULL) {
        context->wellFormed = 0;
        context->errNo = XML_IO_LOAD_ERROR;
        xmlStopParser(context);
    }
    return NULL;
}

/// Installs the refusing loader once for the whole process (idempotent).
static inline void kg_installRefusingEntityLoader(void) {
    xmlSetExternalEntityLoader(kg_refusingEntityLoader);
}

/// Silences libxml2's default printing of errors to stderr; errors are collected per parse instead.
static void kg_silentGenericError(void *context, const char *message, ...) {
    (void)context;
    (void)message;
}

static inline void kg_silenceGenericErrors(void) {
    xmlSetGenericErrorFunc(NULL, kg_silentGenericError);
}

#endif
