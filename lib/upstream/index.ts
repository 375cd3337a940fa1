export * from './config';
export * from './connection';
export * from './errors';
export * from './client';
export * from './json';
export * from './retry';
export * from './url';
