import { describe, expect, it } from 'vitest';
import { metadataTitle } from './thread-title';

describe('metadataTitle', () => {
  it('takes the first of title, name, subject, topic that has text', () => {
    expect(metadataTitle({ topic: 'Refund', name: 'Billing Support' })).toBe('Billing Support');
    expect(metadataTitle({ title: '   ', subject: 'Login loop' })).toBe('Login loop');
    expect(metadataTitle({ title: 42, topic: 'Shipping' })).toBe('Shipping');
  });

  it('has no title without text under those keys', () => {
    expect(metadataTitle({ customer: 'acme', title: '' })).toBeNull();
    expect(metadataTitle({ title: ' \n ' })).toBeNull();
    expect(metadataTitle(null)).toBeNull();
    expect(metadataTitle(['title'])).toBeNull();
  });
});
