#include "CLibXML2Shim.h"

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlIO.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlmemory.h>

void kg_xmlFree(void *pointer) {
    if (pointer != NULL) {
        xmlFree(pointer);
    }
}

/// Non-zero while this thread compiles an XML Schema (see kg_beginSchemaLoading).
static _Thread_local int kg_schemaLoadingDepth = 0;

void kg_beginSchemaLoading(void) {
    kg_schemaLoadingDepth += 1;
}

void kg_endSchemaLoading(void) {
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

void kg_installRefusingEntityLoader(void) {
    xmlSetExternalEntityLoader(kg_refusingEntityLoader);
}

static void kg_silentGenericError(void *context, const char *message, ...) {
    (void)context;
    (void)message;
}

void kg_silenceGenericErrors(void) {
    xmlSetGenericErrorFunc(NULL, kg_silentGenericError);
}
