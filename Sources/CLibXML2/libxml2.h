#ifndef KGEXPORT_CLIBXML2_H
#define KGEXPORT_CLIBXML2_H

// The libxml2 API kgexport uses. The `kg_` helpers around it are C code of their own, in
// the CLibXML2Shim target.
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

#endif
