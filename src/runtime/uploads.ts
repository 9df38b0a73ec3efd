/**
 * Files uploaded with a multipart/form-data request, as `cfml serve` (or an embedding server)
 * hands them to a render: `RenderInput.files`, keyed by form field name. `form.<field>` holds the
 * temp path of the (first) file, as in Lucee. `<cffile action="upload|uploadAll">` reads them.
 */
export interface UploadedFile {
  /** Absolute path of the temp file holding the uploaded bytes (owned by the server, not the page). */
  path: string;
  /** The file name the browser sent (untrusted: sanitised before it names a file on disk). */
  clientFile: string;
  /** The part's Content-Type, e.g. "image/png" (untrusted). */
  contentType: string;
  /** Size in bytes. */
  size: number;
}

/** Uploaded files by form field name (a field may carry several files: `<input multiple>`). */
export type UploadedFiles = Record<string, UploadedFile[]>;
