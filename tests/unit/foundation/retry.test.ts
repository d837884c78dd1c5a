import { describe, expect, it } from 'vitest';
import { isTransientMessagingError, retryTransient } from '../../../src/core/retry.ts';

const noWait = () => Promise.resolve();

describe('retryTransient', () => {
  it('sends again when the service worker was stopped, and returns the answer', async () => {
    let calls = 0;
    const send = async () => {
      calls++;
      if (calls === 1) throw new Error('Could not establish connection. Receiving end does not exist.');
      return 'saved';
    };
    expect(await retryTransient(send, 3, 0, noWait)).toBe('saved');
    expect(calls).toBe(2);
  });

  it('does not retry a real error', async () => {
    let calls = 0;
    await expect(retryTransient(async () => { calls++; throw new Error('invalid article/save: article.url'); }, 3, 0, noWait)).rejects.toThrow(/invalid/);
    expect(calls).toBe(1);
  });

  it('gives up after the last try', async () => {
    let calls = 0;
    await expect(retryTransient(async () => { calls++; throw new Error('The message port closed before a response was received.'); }, 3, 0, noWait)).rejects.toThrow(/port closed/);
    expect(calls).toBe(3);
    expect(isTransientMessagingError('Extension context invalidated.')).toBe(true);
  });
});
