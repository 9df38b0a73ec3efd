/**
 * Files uploaded with a multipart/form-data request. The web handler streams each file part to a
 * temp file (busboy) and hands the render `files: Record<string, UploadedFile[]>`, keyed by the
 * form field name (lower-case); `form.<field>` holds the temp path, as in Lucee, so
 * `<cffile action="upload" filefield="field">` finds the file by either.
 */
export interface UploadedFile {
  /** Absolute path of the temp file holding the upload; deleted after the request unless moved. */
  path: string;
  /** The file name the client sent (its base name only, as given; never trusted as a path). */
  clientFile: string;
  /** The Content-Type the client sent for the part. */
  contentType: string;
  /** Size in bytes. */
  size: number;
}

/** Uploads of one request by field name (lower-case). */
export type UploadedFiles = Record<string, UploadedFile[]>;
