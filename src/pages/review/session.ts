/**
 * The study session's cards on the page. The page shows the next card at once after a grade
 * and tells the background in order (grades, undo and suspension go one after another); lists
 * fetched meanwhile may still hold a card graded since, which is known by its review count.
 */
import type { ReviewItem } from '../../core/review/queue.ts';

export class SessionCards {
  private upcoming: ReviewItem[] = [];
  /** Card id → the review count a fresh copy of it must have (one more than when it was graded). */
  private readonly graded = new Map<string, number>();

  /** Takes a fetched list: cards graded since it was made are left out, as is the card on screen. */
  accept(items: readonly ReviewItem[], currentId: string | null): void {
    this.upcoming = items.filter((i) => i.card.id !== currentId && i.card.reps >= (this.graded.get(i.card.id) ?? 0));
  }

  next(): ReviewItem | null {
    return this.upcoming.shift() ?? null;
  }

  /** Marks a card graded, so that stale copies of it are not shown again. */
  markGraded(item: ReviewItem): void {
    this.graded.set(item.card.id, item.card.reps + 1);
    this.upcoming = this.upcoming.filter((i) => i.card.id !== item.card.id);
  }

  /** A card taken off the session (suspended): stale copies stay away too. */
  drop(id: string): void {
    this.graded.set(id, Number.MAX_SAFE_INTEGER);
    this.upcoming = this.upcoming.filter((i) => i.card.id !== id);
  }

  /** A card back in the session (undone or unsuspended). */
  restore(id: string): void {
    this.graded.delete(id);
  }

  putFirst(item: ReviewItem): void {
    this.upcoming = [item, ...this.upcoming.filter((i) => i.card.id !== item.card.id)];
  }

  get length(): number {
    return this.upcoming.length;
  }
}
