/** RFC 6750 §2.1 `b64token`: the only characters a bearer credential may hold in a header. */
const B64TOKEN = /^[A-Za-z0-9\-._~+/]+=*$/;

export function isB64Token(token: string): boolean {
  return B64TOKEN.test(token);
}
