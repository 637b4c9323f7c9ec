// Docker HEALTHCHECK: `node healthcheck.js <PORT_VARIABLE>` asks the app's own /health/ready on
// the port its variable names (the images set a default) and exits 0 only on a 2xx. Plain
// Node, because the slim runtime images carry neither curl nor wget.
/* global process */
'use strict';

const TIMEOUT_MS = 2500;
const port = process.env[process.argv[2]];
// The gateway serves HTTPS when it is given a certificate; its own probe trusts any.
const tls = Boolean(process.env.GATEWAY_TLS_CERT_FILE);
const client = require(tls ? 'node:https' : 'node:http');

const request = client.get(
  {
    host: '127.0.0.1',
    port,
    path: '/health/ready',
    timeout: TIMEOUT_MS,
    rejectUnauthorized: false,
  },
  (response) => {
    response.resume();
    process.exit(response.statusCode >= 200 && response.statusCode < 300 ? 0 : 1);
  },
);
request.on('timeout', () => request.destroy(new Error('timeout')));
request.on('error', () => process.exit(1));
