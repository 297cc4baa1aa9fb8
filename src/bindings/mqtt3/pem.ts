/** Go's `pem.Decode(...) != nil`: the text holds at least one well-formed PEM block. */
export function hasPemBlock(text: string): boolean {
  const block = /-----BEGIN ([^\r\n-]+)-----\r?\n([\s\S]*?)-----END \1-----/.exec(text);
  if (!block) return false;
  // Headers (`Proc-Type: …`) may precede the base64 body; the body must be base64 only.
  const body = block[2]!.replace(/^[^\r\n]*:[^\r\n]*\r?\n/gm, '').replace(/\s+/g, '');
  return /^[A-Za-z0-9+/]*={0,2}$/.test(body);
}
