// Tests send files the way a browser does: one multipart/form-data body.

/** A multipart body with one file in the field `file`. */
export function multipart(name: string, data: Buffer | string, field = "file") {
  const boundary = "----luodi-import-test";
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, Buffer.isBuffer(data) ? data : Buffer.from(data, "utf8"), tail]),
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  };
}
