// File upload with progress (fetch cannot report upload progress; XMLHttpRequest's upload.onprogress can).
export interface UploadResponse {
  status: number;
  /** the parsed JSON body, or null when it was not JSON */
  body: unknown;
}

export interface UploadOptions {
  contentType: string;
  /** fraction sent so far, 0..1 */
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}

/** POSTs a file as the raw body with the session cookie; resolves with any HTTP status, rejects on network failure. */
export function uploadFile(url: string, file: Blob, options: UploadOptions): Promise<UploadResponse> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.withCredentials = true;
    xhr.setRequestHeader('content-type', options.contentType);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) options.onProgress?.(event.loaded / event.total);
    };
    xhr.upload.onload = () => options.onProgress?.(1);
    xhr.onload = () => {
      let body: unknown;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        body = null;
      }
      resolve({ status: xhr.status, body });
    };
    xhr.onerror = () => reject(new Error('network error'));
    xhr.onabort = () => reject(new DOMException('The upload was cancelled.', 'AbortError'));
    options.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(file);
  });
}
