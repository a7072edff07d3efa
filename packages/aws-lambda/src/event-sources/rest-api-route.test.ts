import { describe, expect, it } from 'vitest';
import { mappingPrefix } from './rest-api-route.js';

describe('mappingPrefix', () => {
  it.each([
    ['/shop/v1/items/42', '/{proxy+}', { proxy: 'items/42' }, '/shop/v1'],
    ['/shop/v1/items/42', '/items/{id}', { id: '42' }, '/shop/v1'],
    ['/items/42', '/items/{id}', { id: '42' }, ''],
    ['/items/42', '/{proxy+}', { proxy: 'items/42' }, ''],
    ['/shop/a%20b', '/{proxy+}', { proxy: 'a b' }, '/shop'],
    ['/shop/a%2Fb', '/{proxy+}', { proxy: 'a/b' }, '/shop'],
    ['/shop/files/x', '/files/{proxy+}', { proxy: 'x' }, '/shop'],
    ['/shop', '/', {}, '/shop'],
    ['/shop/', '/', {}, '/shop'],
    ['/', '/', {}, ''],
    ['/v1/payment/', '/payment', {}, '/v1'],
    ['/v1/nested/payment/123-ab/', '/payment/{invoice+}', { invoice: '123-ab/' }, '/v1/nested'],
    ['/v1/nested/payment/123-ab/', '/payment/{invoice+}', { invoice: '123-ab' }, '/v1/nested'],
  ])('finds the prefix of %s in front of the route %s', (path, resource, parameters, prefix) => {
    expect(mappingPrefix(path, resource, parameters)).toBe(prefix);
  });

  it.each([
    ['a literal segment that differs', '/shop/things/42', '/items/{id}', { id: '42' }],
    ['a greedy value the path does not end with', '/shop/items/42', '/{proxy+}', { proxy: 'other' }],
    ['a greedy parameter without its value', '/shop/items/42', '/{proxy+}', {}],
    ['a route longer than the path', '/42', '/items/{id}', { id: '42' }],
    ['a literal before the greedy part that differs', '/shop/docs/x', '/files/{proxy+}', { proxy: 'x' }],
  ])('returns null for %s', (_what, path, resource, parameters) => {
    expect(mappingPrefix(path, resource, parameters)).toBeNull();
  });
});
