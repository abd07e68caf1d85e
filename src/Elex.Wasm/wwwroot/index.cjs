// CommonJS entry. Node 20.19+ / 22.12+ can require() an ES module that has no top-level await, which
// gives the whole API; older Node gets the async entry points through import().
'use strict';
try {
  module.exports = require('./index.js');
} catch (error) {
  if (error?.code !== 'ERR_REQUIRE_ESM') throw error;
  const load = () => import('./index.js');
  module.exports = {
    load,
    createSwarm: async (config) => (await load()).createSwarm(config),
  };
}
