import type { FunctionDef } from './types.js';
import { stringFunctions } from './string.js';
import { textExtraFunctions } from './text-extras.js';
import { regexFunctions } from './regex.js';
import { encodingFunctions } from './encoding.js';
import { listFunctions } from './list.js';
import { arrayFunctions } from './array.js';
import { structsFunctions } from './structs.js';
import { structKeyTranslateFunctions } from './struct-key-translate.js';
import { queryFunctions } from './query.js';
import { queryRowFunctions } from './query-rows.js';
import { mathFunctions } from './math.js';
import { decisionFunctions } from './decision.js';
import { decisionExtraFunctions } from './decision-extras.js';
import { dateFunctions } from './date.js';
import { dateSetterFunctions } from './date-setters.js';
import { formatFunctions } from './format.js';
import { jsonFunctions } from './json.js';
import { toScriptFunctions } from './to-script.js';
import { conversionFunctions } from './conversion.js';
import { filesFunctions } from './files.js';
import { fileStreamFunctions } from './file-streams.js';
import { fileMetadataFunctions } from './file-metadata.js';
import { directoryCopyFunctions } from './directory-copy.js';
import { runtimeFunctions } from './runtime.js';
import { callStackFunctions } from './call-stack.js';
import { collectionFunctions } from './collection.js';
import { phoneticFunctions } from './phonetic.js';
import { cryptoFunctions } from './crypto.js';
import { classicFunctions } from './classic.js';
import { loginFunctions } from './login.js';
import { clientFunctions } from './client.js';
import { miscFunctions, functionListFunction } from './misc.js';
import { localeFunctions } from './locale.js';
import { localeNumberFunctions } from './locale-number.js';
import { localeDateFunctions } from './locale-date.js';
import { javaMemberFunctions } from './java-members.js';
import { queryExecuteFunctions } from './query-execute.js';
import { luceeExtraFunctions } from './lucee-extras.js';
import { xmlFunctions } from './xml.js';
import { customTagFunctions } from './custom-tags.js';
import { webFunctions } from './web.js';
import { httpRequestDataFunctions } from './http-request-data.js';
import { pageContextFunctions } from './page-context.js';
import { invokeMethodFunctions } from './invoke-method.js';
import { luceeConstructorFunctions } from './lucee-constructors.js';

/** Every built-in function, family by family; the Engine registers them like user functions. */
export const builtinFunctions: readonly FunctionDef[] = [
  ...stringFunctions,
  ...textExtraFunctions,
  ...regexFunctions,
  ...encodingFunctions,
  ...listFunctions,
  ...arrayFunctions,
  ...structsFunctions,
  ...structKeyTranslateFunctions,
  ...queryFunctions,
  ...queryRowFunctions,
  ...mathFunctions,
  ...decisionFunctions,
  ...decisionExtraFunctions,
  ...dateFunctions,
  ...dateSetterFunctions,
  ...formatFunctions,
  ...jsonFunctions,
  ...toScriptFunctions,
  ...conversionFunctions,
  ...filesFunctions,
  ...fileStreamFunctions,
  ...fileMetadataFunctions,
  ...directoryCopyFunctions,
  ...runtimeFunctions,
  ...callStackFunctions,
  ...collectionFunctions,
  ...phoneticFunctions,
  ...cryptoFunctions,
  ...classicFunctions,
  ...loginFunctions,
  ...clientFunctions,
  ...miscFunctions,
  ...localeFunctions,
  ...localeNumberFunctions,
  ...localeDateFunctions,
  ...javaMemberFunctions,
  ...queryExecuteFunctions,
  ...customTagFunctions,
  ...luceeExtraFunctions,
  ...xmlFunctions,
  ...webFunctions,
  ...httpRequestDataFunctions,
  ...pageContextFunctions,
  ...invokeMethodFunctions,
  ...luceeConstructorFunctions,
  functionListFunction(() => builtinFunctions.filter((f) => !f.memberOnly)),
];

export { FunctionRegistry } from './registry.js';
export { invokeBuiltin } from './invoke.js';
export * from './types.js';
