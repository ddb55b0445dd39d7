import type { ListEdit } from '../model/fix-plan.js';
import { splitList, type ListItem } from '../mta/postfix/list.js';
import type { TextChange } from './text.js';

export interface ListLayout {
  /** Separator for an appended item when the value has fewer than two items to copy one from. */
  separator: string;
  /** Text put before the first item of an empty value when the character before it is not blank (main.cf: after `=`). */
  lead: string;
  /** The character just before the value (to decide about `lead`). */
  before: string;
}

/**
 * The changes, as offsets into `value`, that apply `edits` to a Postfix list
 * value, touching only the items named and the separator next to them. An
 * appended item copies the separator the value already uses between its
 * last two items, so `a,b` gets `,c` and `a, b` gets `, c`. null when an
 * edit names an item the value does not have.
 */
export function listChanges(value: string, edits: readonly ListEdit[], layout: ListLayout): TextChange[] | null {
  const items = splitList(value);
  const end = (item: ListItem): number => item.offset + item.length;
  const removed = new Set<number>();
  const touched = new Set<number>();
  const changes: TextChange[] = [];
  const appended: string[] = [];
  for (const edit of edits) {
    if (edit.op === 'append') {
      appended.push(edit.text);
      continue;
    }
    const item = items[edit.index];
    if (item === undefined || touched.has(edit.index)) return null;
    touched.add(edit.index);
    if (edit.op === 'remove') removed.add(edit.index);
    else changes.push({ start: item.offset, end: end(item), text: edit.text });
  }

  // Runs of removed items go with the separator after them, or before them at the end of the list.
  for (let i = 0; i < items.length; i++) {
    if (!removed.has(i)) continue;
    let j = i;
    while (removed.has(j + 1)) j++;
    const first = items[i]!;
    const last = items[j]!;
    const after = items[j + 1];
    const before = items[i - 1];
    if (after !== undefined) changes.push({ start: first.offset, end: after.offset, text: '' });
    else if (before !== undefined) changes.push({ start: end(before), end: end(last), text: '' });
    else changes.push({ start: first.offset, end: end(last), text: '' });
    i = j;
  }

  if (appended.length > 0) {
    const kept = items.filter((_, i) => !removed.has(i));
    const lastTwo = items.slice(-2);
    const separator = lastTwo.length === 2 ? value.slice(end(lastTwo[0]!), lastTwo[1]!.offset) : layout.separator;
    const lastKept = kept.at(-1);
    if (lastKept !== undefined) {
      changes.push({ start: end(lastKept), end: end(lastKept), text: appended.map((t) => `${separator}${t}`).join('') });
    } else {
      // Every item removed, or none to begin with: the appended ones are the whole value.
      const at = items[0]?.offset ?? 0;
      const lead = items.length === 0 && !/^[ \t]$/.test(layout.before) ? layout.lead : '';
      changes.push({ start: at, end: at, text: `${lead}${appended.join(separator)}` });
    }
  }
  return changes;
}
