export * from './errors.js';
export * from './schemas.js';
export * from './token.js';
export * from './money.js';
