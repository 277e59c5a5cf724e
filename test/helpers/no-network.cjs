// Preloaded with `node --require`: any attempt to open a network connection is recorded and refused.
const net = require('node:net');
const fs = require('node:fs');
const trap = (name) => function trapped() {
  fs.appendFileSync(process.env.AGENTCORE_LINT_NETWORK_TRAP, `${name}\n`);
  throw new Error(`network access attempted: ${name}`);
};
net.connect = trap('net.connect');
net.createConnection = trap('net.createConnection');
net.Socket.prototype.connect = trap('net.Socket.connect');
const dns = require('node:dns');
dns.lookup = trap('dns.lookup');
