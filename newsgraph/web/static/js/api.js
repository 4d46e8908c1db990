// The JSON API (same origin). Errors arrive as {"error": {"status", "message"}}.
export async function api(path, params = {}) {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== null && v !== undefined && v !== "") query.set(k, v);
  const qs = query.toString();
  const response = await fetch("/api/" + path + (qs ? "?" + qs : ""));
  const body = await response.json();
  if (!response.ok) throw new Error(body.error ? body.error.message : response.statusText);
  return body;
}
