/** The listing store behind the message-number rule stays bounded (issue 8, item 2). */
import { describe, expect, it } from 'vitest';
import { ListingStore, listingOf } from '../../src/tags/imap/listings.js';

const rows = (n: number, from = 1) => Array.from({ length: n }, (_, i) => ({ MESSAGENUMBER: from + i, UID: String(100 + from + i) }));

describe('ListingStore', () => {
  it('keeps the last listing per owner, connection and folder; owners are separate', () => {
    const s = new ListingStore();
    s.set('o1', 'c', 'INBOX', listingOf(7n, rows(3)));
    s.set('o1', 'c', 'INBOX', listingOf(7n, rows(2, 5)));
    s.set('o2', 'c', 'INBOX', listingOf(9n, rows(1)));
    expect([...s.get('o1', 'c', 'INBOX')!.uids.keys()]).toEqual([5, 6]);
    expect(s.get('o2', 'c', 'INBOX')!.uidValidity).toBe(9n);
    expect(s.get('o3', 'c', 'INBOX')).toBeUndefined();
    s.releaseOwner('o1');
    expect(s.get('o1', 'c', 'INBOX')).toBeUndefined();
    expect(s.listedMessages).toBe(1);
  });

  it('drops the oldest listings beyond the count and message bounds', () => {
    const s = new ListingStore(3, 10);
    for (let i = 0; i < 5; i++) s.set('o', 'c', `F${i}`, listingOf(1n, rows(2)));
    expect(s.size).toBe(3);
    expect(s.get('o', 'c', 'F0')).toBeUndefined();
    s.set('o', 'c', 'big', listingOf(1n, rows(9)));
    expect(s.listedMessages).toBeLessThanOrEqual(10);
    expect(s.get('o', 'c', 'big')).toBeDefined();
    s.set('o', 'c', 'huge', listingOf(1n, rows(50)));
    expect(s.size).toBe(1);
    expect(s.get('o', 'c', 'huge')!.uids.size).toBe(50);
  });
});
