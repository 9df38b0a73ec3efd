/**
 * The message-number rule: a message number means the message that had that number in the LAST
 * listing (getHeaderOnly / getAll) the same owner made of the same folder on the same connection.
 *
 * Sequence numbers shift as soon as any client expunges a message, so `delete messageNumber="5"`
 * run against the live mailbox can hit the message after the one the page showed. The listing
 * records (UIDVALIDITY, message number -> UID) for the rows it returned; destructive actions
 * translate numbers through it and act by UID, or refuse (UNLISTED_MESSAGE) when they cannot.
 */

/** What one listing showed: the folder's UIDVALIDITY and the UID of each listed message number. */
export interface Listing {
  uidValidity: bigint;
  /** message number -> UID, for the rows the listing returned. */
  uids: Map<number, number>;
}

/** Most listings kept per pool (oldest dropped first); a dropped listing only makes numbers refuse. */
export const MAX_LISTINGS = 2000;
/** Most listed messages kept over all listings of a pool (about 100 bytes each). */
export const MAX_LISTED_MESSAGES = 1_000_000;

/**
 * Listings keyed by owner, connection identity and folder, bounded (LRU: at most MAX_LISTINGS
 * listings and MAX_LISTED_MESSAGES listed messages in all). Keys never hold secrets: the
 * connection identity is the connection name or `host:port:user`.
 */
export class ListingStore {
  private readonly map = new Map<string, Listing>();
  private messages = 0;

  constructor(
    private readonly max = MAX_LISTINGS,
    private readonly maxMessages = MAX_LISTED_MESSAGES,
  ) {}

  private drop(k: string): void {
    const l = this.map.get(k);
    if (!l) return;
    this.messages -= l.uids.size;
    this.map.delete(k);
  }

  private static key(owner: string, conn: string, folder: string): string {
    return `${owner}\u0000${conn}\u0000${folder}`;
  }

  /** Records a listing (replacing the previous one of that owner, connection and folder). */
  set(owner: string, conn: string, folder: string, listing: Listing): void {
    const k = ListingStore.key(owner, conn, folder);
    this.drop(k);
    this.map.set(k, listing);
    this.messages += listing.uids.size;
    // the newest listing is kept even when it alone exceeds the bound
    while (this.map.size > 1 && (this.map.size > this.max || this.messages > this.maxMessages)) {
      this.drop(this.map.keys().next().value as string);
    }
  }

  get(owner: string, conn: string, folder: string): Listing | undefined {
    return this.map.get(ListingStore.key(owner, conn, folder));
  }

  /** Forgets every listing of an owner. */
  releaseOwner(owner: string): void {
    const prefix = `${owner}\u0000`;
    for (const k of [...this.map.keys()]) if (k.startsWith(prefix)) this.drop(k);
  }

  clear(): void {
    this.map.clear();
    this.messages = 0;
  }

  /** How many listed messages are kept in all. */
  get listedMessages(): number {
    return this.messages;
  }

  get size(): number {
    return this.map.size;
  }
}

/** Folder names as listing keys: INBOX is case-insensitive (RFC 3501), other names are not. */
export function folderKey(folder: string): string {
  const f = folder.trim();
  return /^inbox$/i.test(f) ? 'INBOX' : f;
}

/** Builds a listing from the rows a read returned (MESSAGENUMBER and UID columns). */
export function listingOf(uidValidity: bigint, rows: ReadonlyArray<Record<string, unknown>>): Listing {
  const uids = new Map<number, number>();
  for (const r of rows) {
    const seq = Number(r.MESSAGENUMBER);
    const uid = Number(r.UID);
    if (Number.isInteger(seq) && Number.isInteger(uid)) uids.set(seq, uid);
  }
  return { uidValidity, uids };
}
