export * from './_content/Elex.Browser/elex.js';
