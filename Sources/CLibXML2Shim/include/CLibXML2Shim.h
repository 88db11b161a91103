#ifndef KGEXPORT_CLIBXML2SHIM_H
#define KGEXPORT_CLIBXML2SHIM_H

// C helpers around libxml2 (shim.c). Their state lives in shim.c, once per process, however
// many Swift files import this header.

/// Frees memory libxml2 allocated. `xmlFree` is a macro over a global function pointer; Swift
/// cannot call it directly. Ignores NULL.
void kg_xmlFree(void *pointer);

/// Lets the current thread read local files while it compiles an XML Schema: the schema file and
/// its xs:include/xs:import/xs:redefine files are trusted local files. Never the network.
/// Calls nest; each must be paired with kg_endSchemaLoading on the same thread.
void kg_beginSchemaLoading(void);

/// Ends what the matching kg_beginSchemaLoading allowed.
void kg_endSchemaLoading(void);

/// Installs, for the whole process, the external entity loader that refuses every external
/// entity and DTD (except the local files of a schema being compiled, see above). Idempotent.
void kg_installRefusingEntityLoader(void);

/// Silences libxml2's default printing of errors to stderr; errors are collected per parse instead.
void kg_silenceGenericErrors(void);

#endif
