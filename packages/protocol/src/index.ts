export * from './api.js';
export * from './entities.js';
export * from './errors.js';
export * from './frames.js';
export * from './limits.js';
export * from './permissions.js';
export * from './roles.js';
export * from './tokens.js';
