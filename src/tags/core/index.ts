import type { TagDef } from '../types.js';
import { setTag } from './set.js';
import { ifTag, elseifTag, elseTag } from './if.js';
import { outputTag } from './output.js';
import { loopTag, whileTag, breakTag, continueTag } from './loop.js';
import { includeTag } from './include.js';
import { paramTag } from './param.js';
import { abortTag, exitTag } from './control.js';
import { applicationTag, cookieTag, errorTag, lockTag } from './application.js';
import { savecontentTag, silentTag, settingTag, processingdirectiveTag } from './content.js';
import { locationTag, headerTag, contentTag, flushTag, logTag, dumpTag } from './response.js';
import { scriptTag } from './script.js';
import { tryTag, catchTag, finallyTag, throwTag, rethrowTag, retryTag } from './try.js';
import { switchTag, caseTag, defaultcaseTag } from './switch.js';
import { functionTag, argumentTag, returnTag } from './function.js';
import { queryTag, queryparamTag } from './query.js';
import { xmlTag } from './xml.js';
import { customTag, moduleTag, importTag, associateTag } from './custom-tag.js';
import { transactionTag } from '../db/transaction.js';
import { storedprocTag, procparamTag, procresultTag } from '../db/storedproc.js';
import { componentTag, interfaceTag, propertyTag } from './component.js';
import { invokeTag, invokeArgumentTag, objectTag } from './invoke.js';
import { timerTag, stopwatchTag, timeoutTag } from './timing.js';

/** The core tags; the Engine registers them through the same registry call users make. */
export const coreTags: readonly TagDef[] = [
  setTag, ifTag, elseifTag, elseTag, outputTag, loopTag, breakTag, continueTag, includeTag, paramTag, abortTag,
  lockTag, savecontentTag, silentTag, settingTag, processingdirectiveTag, locationTag, headerTag, contentTag, logTag,
  dumpTag, scriptTag, tryTag, catchTag, finallyTag, throwTag, rethrowTag, switchTag, caseTag, defaultcaseTag,
  functionTag, argumentTag, returnTag, whileTag, exitTag, retryTag, queryTag, queryparamTag, xmlTag,
  customTag, moduleTag, importTag, associateTag,
  transactionTag, storedprocTag, procparamTag, procresultTag,
  componentTag, interfaceTag, propertyTag, invokeTag, invokeArgumentTag,
  objectTag,
  applicationTag, cookieTag, errorTag, flushTag,
  timerTag, stopwatchTag, timeoutTag,
];
