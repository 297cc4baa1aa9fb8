/** Recognisers for connection strings that carry a password, for fields that are secret only then. */

/** Whether a URL (`scheme://user:password@host…`) carries a password; a value that is not a URL counts as one. */
export function urlHasPassword(value: string): boolean {
  try {
    return new URL(value).password !== '';
  } catch {
    return true;
  }
}

/** Whether a go-sql-driver DSN (`user:password@tcp(host)/db`) carries a password: a `:` before its last `@`. */
export function dsnHasPassword(value: string): boolean {
  const slash = value.lastIndexOf('/');
  const head = slash < 0 ? value : value.slice(0, slash);
  const at = head.lastIndexOf('@');
  return at >= 0 && head.slice(0, at).includes(':');
}

/** Whether a libpq connection string (URL or `key=value` form) carries a password. */
export function pgConnectionHasPassword(value: string): boolean {
  const text = value.trim();
  if (/^postgres(ql)?:\/\//i.test(text)) {
    try {
      const url = new URL(text);
      return url.password !== '' || url.searchParams.has('password');
    } catch {
      return true;
    }
  }
  return /(^|\s)password\s*=/i.test(text);
}
