#ifndef KGEXPORT_CLIBXML2_SHIM_H
#define KGEXPORT_CLIBXML2_SHIM_H

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlwriter.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlschemastypes.h>
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

/// Non-zero while this thread compiles an XML Schema (see kg_beginSchemaLoading).
static _Thread_local int kg_schemaLoadingDepth = 0;

/// Lets the current thread read local files while it compiles a schema: the schema file and its
/// xs:include/xs:import/xs:redefine files are trusted local files. Never the network.
static inline void kg_beginSchemaLoading(void) {
    kg_schemaLoadingDepth += 1;
}

static inline void kg_endSchemaLoading(void) {
    if (kg_schemaLoadingDepth > 0) {
        kg_schemaLoadingDepth -= 1;
    }
}

/// libxml2's default is to load external entities and DTDs; kgexport never does (except the
/// local files of a schema being compiled, see above).
/// The refusal stops the parse and marks it failed, so no entity silently becomes empty.
static xmlParserInputPtr kg_refusingEntityLoader(const char *url, const char *id, xmlParserCtxtPtr context) {
    if (kg_schemaLoadingDepth > 0) {
        return xmlNoNetExternalEntityLoader(url, id, context);
    }
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
