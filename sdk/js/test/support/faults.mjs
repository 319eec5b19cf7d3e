// A tiny fault-injecting HTTP server (node:http): each request goes to a handler that can answer
// anything, hang, drop the connection, or forward to the real server.
import http from 'node:http';

/**
 * handler(req, res, info) with info = { n (1-based request count), body (string), forward(url) → {status, headers, body} }.
 * Resolves to { url, requests: [{method, url, headers, body}], close() }.
 */
export async function faultServer(handler) {
  const requests = [];
  const sockets = new Set();
  const server = http.createServer(async (req, res) => {
    const chunks = [];
    for await (const c of req) chunks.push(c);
    const body = Buffer.concat(chunks).toString('utf8');
    requests.push({ method: req.method, url: req.url, headers: req.headers, body });
    const info = {
      n: requests.length,
      body,
      forward: async (base) => {
        const headers = { ...req.headers };
        delete headers.host;
        delete headers['content-length'];
        delete headers.connection;
        const response = await fetch(base + req.url, { method: req.method, headers, body: body === '' ? undefined : body });
        return { status: response.status, headers: response.headers, body: await response.text() };
      },
    };
    try {
      await handler(req, res, info);
    } catch (error) {
      if (!res.headersSent) {
        res.writeHead(599);
        res.end(String(error));
      }
    }
  });
  server.on('connection', (s) => { sockets.add(s); s.on('close', () => sockets.delete(s)); });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((r) => { for (const s of sockets) s.destroy(); server.close(() => r()); }),
  };
}

export function problem(res, status, fields = {}, headers = {}) {
  res.writeHead(status, { 'Content-Type': 'application/problem+json', ...headers });
  res.end(JSON.stringify({ type: 'urn:spectron:problem:test', title: 'Injected', status, detail: `injected ${status}`,
    message: `injected ${status}`, requestId: 'req_injected', ...fields }));
}

export function json(res, status, body, headers = {}) {
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

/** A port nothing listens on (bound then closed). */
export async function deadPort() {
  const server = http.createServer();
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address();
  await new Promise((r) => server.close(r));
  return port;
}
