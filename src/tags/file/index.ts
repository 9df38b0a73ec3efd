/** The file-system tags: <cffile> and <cfdirectory>. */
export { fileTag } from './file.js';
export { directoryTag } from './directory.js';
