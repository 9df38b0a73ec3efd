/** Address lists as decoded display strings: `Name <addr>` items joined by ", ". */

export interface AddressLike {
  name?: string | undefined;
  address?: string | undefined;
}

const NEEDS_QUOTES = /[",;<>@()[\]\\:]/;

export function formatAddress(a: AddressLike): string {
  const name = (a.name ?? '').replace(/[\r\n\t]+/g, ' ').trim();
  const addr = (a.address ?? '').trim();
  if (!name) return addr;
  const shown = NEEDS_QUOTES.test(name) ? `"${name.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"` : name;
  return addr ? `${shown} <${addr}>` : shown;
}

export function formatAddressList(list: AddressLike[] | undefined): string {
  if (!list || !list.length) return '';
  return list.map(formatAddress).filter(Boolean).join(', ');
}
