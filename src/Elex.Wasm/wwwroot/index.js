// ES module entry of the package: the JS API (the runtime is started from ./_framework on first use).
export * from './_content/Elex.Browser/elex.js';
